import type { ApiRequester } from "../api.js";
import { UnexpectedResponseError } from "../errors.js";
import { pageSize } from "../lives.js";
import type { AdBreakLaunch, CreatedLive, CreateLiveInput, LiveSummary, VideoChanges, VideoState } from "../types.js";
import { createBody, isoSeconds, patchBody, toLiveSummary, toVideoState } from "./mapping.js";
import { advertisingSchema, LIVESTREAM_FIELDS, livestreamSchema, pageSchema, patchAnswerSchema, SUMMARY_FIELDS } from "./schemas.js";

/** `/livestreams/{id}` with the id encoded as one path segment. */
export function livestreamPath(id: string): string {
	return `/livestreams/${encodeURIComponent(id)}`;
}

/** `/profiles/{id}/livestreams`. */
export function profileLivestreamsPath(profileId: string): string {
	return `/profiles/${encodeURIComponent(profileId)}/livestreams`;
}

/** GET a livestream with the given fields (retried on transient failures). */
export async function getLivestream(api: ApiRequester, id: string, fields: readonly string[] = LIVESTREAM_FIELDS): Promise<VideoState> {
	const live = await api.call({ method: "GET", path: livestreamPath(id), searchParams: { fields: fields.join(",") }, schema: livestreamSchema });
	return toVideoState(live);
}

/**
 * `POST /profiles/{profile_id}/livestreams` → 201 with the new resource. Sent once (re-sent only after a 401). If the
 * answer lacks the RTMP URL, it is read once with a GET.
 */
export async function createLivestream(api: ApiRequester, profileId: string, input: CreateLiveInput): Promise<CreatedLive> {
	const created = await api.call({ method: "POST", path: profileLivestreamsPath(profileId), json: createBody(input), schema: livestreamSchema });
	const publishUrl = created.ingest?.rtmp_url || (await getLivestream(api, created.livestream_id, ["livestream_id", "ingest.rtmp_url"])).publishUrl;
	if (!publishUrl) {
		throw new UnexpectedResponseError(`Dailymotion created livestream ${created.livestream_id} but gave no RTMP URL`, {
			type: "unexpected_response",
		});
	}
	const live: CreatedLive = { id: created.livestream_id, title: created.title ?? input.title, channel: created.category ?? input.channel, publishUrl };
	if (input.autoRecord) {
		// v2 creates without recording options; its recording guide turns auto-record on with a PATCH. The live exists
		// either way: a failure here is reported beside it, never as a failed create (which a press would repeat).
		try {
			await api.call({ method: "PATCH", path: livestreamPath(live.id), json: { recording: { auto_record: true } }, schema: patchAnswerSchema });
		} catch (error) {
			live.autoRecordError = error;
		}
	}
	return live;
}

/** `PATCH /livestreams/{id}` with only the changed fields; nothing is sent when nothing changes. */
export async function patchLivestream(api: ApiRequester, id: string, changes: VideoChanges): Promise<void> {
	const json = patchBody(changes);
	if (Object.keys(json).length === 0) return;
	await api.call({ method: "PATCH", path: livestreamPath(id), json, schema: patchAnswerSchema });
}

/** `POST /livestreams/{id}/advertising` `{"count":1}`; only accepted while on air. Never retried. */
export async function launchAdvertising(api: ApiRequester, id: string): Promise<AdBreakLaunch> {
	const result = await api.call({ method: "POST", path: `${livestreamPath(id)}/advertising`, json: { count: 1 }, schema: advertisingSchema });
	return { endTime: isoSeconds(result.advertising.end_at), remaining: result.advertising.remaining ?? null };
}

const summaryPageSchema = pageSchema(livestreamSchema);

/** The profile's livestreams, newest first (first page only: pickers and reconciliation want the newest). */
export async function listLivestreams(api: ApiRequester, profileId: string, limit = 20): Promise<LiveSummary[]> {
	const size = pageSize(limit);
	const result = await api.call({
		method: "GET",
		path: profileLivestreamsPath(profileId),
		searchParams: { page: "1", page_size: String(size), sort: "-created_at", fields: SUMMARY_FIELDS.join(",") },
		schema: summaryPageSchema,
	});
	return result.data.map(toLiveSummary);
}
