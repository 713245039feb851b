import { PublishUrlError } from "../errors.js";
import { splitPublishUrl, type PublishTarget } from "../publish-url.js";

/**
 * The OBS server and key from a v2 `ingest.rtmp_url`, expected in the legacy shape
 * (`rtmp://publish.dailymotion.com/publish-dm/<id>?auth=…`). A URL without the `<id>?auth=…` part would put a piece of
 * the server path into OBS as the key, so it is refused before OBS is touched. Messages never contain the URL.
 */
export function v2PublishTarget(rtmpUrl: string): PublishTarget {
	const target = splitPublishUrl(rtmpUrl);
	const queryAt = target.key.indexOf("?");
	const auth = queryAt === -1 ? null : new URLSearchParams(target.key.slice(queryAt + 1)).get("auth");
	if (!auth) {
		throw new PublishUrlError("API v2 gave an RTMP URL without a stream key (no auth= part); OBS was not changed", {
			type: "invalid_publish_url",
		});
	}
	return target;
}
