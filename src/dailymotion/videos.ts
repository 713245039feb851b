import type { ApiRequester } from "./api.js";
import { EXTRA_VIDEO_FIELDS, itemSchema, VIDEO_FIELDS, type VideoResponse, videoSchema } from "./schemas.js";
import { RECORD_STATUSES, type LiveExtra, type RecordStatus, type VideoChanges, type VideoState } from "./types.js";

/** `/video/{id}` with the id encoded as one path segment. */
export function videoPath(id: string): string {
	return `/video/${encodeURIComponent(id)}`;
}

/** `record_status` as the domain knows it; a value this plugin does not know (or none) is null. */
export function toRecordStatus(value: string | null | undefined): RecordStatus | null {
	return RECORD_STATUSES.find((status) => status === value) ?? null;
}

/** Maps the API item to the domain type; `0` ad-break end time means "none" (§8.8). */
export function toVideoState(video: VideoResponse): VideoState {
	return {
		id: video.id,
		title: video.title ?? "",
		channel: video.channel ?? "",
		private: video.private ?? null,
		mode: video.mode ?? "",
		onair: video.onair ?? false,
		audience: video.audience ?? null,
		publishUrl: video.live_publish_url ?? null,
		liveAiringTime: video.live_airing_time ?? null,
		adBreaksEnabled: video.live_ad_break ?? null,
		adBreakEndTime: video.live_ad_break_end_time ? video.live_ad_break_end_time : null,
		adBreakRemaining: video.live_ad_break_remaining ?? null,
		recordStatus: toRecordStatus(video.record_status),
	};
}

/** The §8.5 field list plus the fields of `extras`. */
export function videoFields(extras: readonly LiveExtra[] = []): string[] {
	return [...VIDEO_FIELDS, ...new Set(extras.map((extra) => EXTRA_VIDEO_FIELDS[extra]))];
}

/** GET a video with the §8.5 field list, or the given one (retried on transient failures). */
export async function getVideo(api: ApiRequester, id: string, fields: readonly string[] = VIDEO_FIELDS): Promise<VideoState> {
	const video = await api.call({
		method: "GET",
		path: videoPath(id),
		searchParams: { fields: fields.join(",") },
		schema: videoSchema,
	});
	return toVideoState(video);
}

/** Form fields for an edit: only the changed ones, booleans as `true`/`false`. */
export function changesToForm(changes: VideoChanges): Record<string, string> {
	const form: Record<string, string> = {};
	if (changes.title !== undefined) form.title = changes.title;
	if (changes.channel !== undefined) form.channel = changes.channel;
	if (changes.private !== undefined) form.private = String(changes.private);
	if (changes.forKids !== undefined) form.is_created_for_kids = String(changes.forKids);
	return form;
}

/** POST only the given fields to `/video/{id}`; nothing is sent when there is nothing to change. */
export async function editVideo(api: ApiRequester, id: string, changes: VideoChanges): Promise<void> {
	const form = changesToForm(changes);
	if (Object.keys(form).length === 0) return;
	await api.call({ method: "POST", path: videoPath(id), form, schema: itemSchema });
}
