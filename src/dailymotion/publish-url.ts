import { PublishUrlError } from "./errors.js";

/** OBS custom-service settings split from a live's publish URL. Both parts are secret-bearing. */
export interface PublishTarget {
	/** Everything before the last `/`, no trailing slash, e.g. `rtmp://host/publish-dm`. */
	server: string;
	/** Everything after the last `/`, including `?auth=…` (secret). */
	key: string;
}

/**
 * Splits `rtmp://host[:port]/app/<id>?auth=<token>` at the last `/` of its path (§8.11). Throws
 * {@link PublishUrlError} for non-RTMP URLs or an empty key; the message never contains the URL or key.
 */
export function splitPublishUrl(url: string): PublishTarget {
	const trimmed = url.trim();
	const scheme = /^rtmps?:\/\//i.exec(trimmed);
	if (!scheme) throw new PublishUrlError("The publish URL is not an rtmp:// or rtmps:// URL", { type: "invalid_publish_url" });

	// A "/" inside the query (e.g. in the auth token) must not move the split point.
	const queryAt = trimmed.indexOf("?");
	const pathPart = queryAt === -1 ? trimmed : trimmed.slice(0, queryAt);
	const slash = pathPart.lastIndexOf("/");
	if (slash < scheme[0].length) {
		throw new PublishUrlError("The publish URL has no stream key", { type: "invalid_publish_url" });
	}
	const server = trimmed.slice(0, slash).replace(/\/+$/, "");
	const key = trimmed.slice(slash + 1);
	if (key === "" || key.startsWith("?")) {
		throw new PublishUrlError("The publish URL has no stream key", { type: "invalid_publish_url" });
	}
	if (server.length <= scheme[0].length) {
		throw new PublishUrlError("The publish URL has no server", { type: "invalid_publish_url" });
	}
	return { server, key };
}
