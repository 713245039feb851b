import type { CreateLiveInput, LiveSummary, VideoChanges, VideoState } from "../types.js";
import type { LivestreamResponse } from "./schemas.js";

/** ISO 8601 → UNIX seconds (the domain's dates); null when absent or unreadable. */
export function isoSeconds(value: string | null | undefined): number | null {
	if (!value) return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** `visibility` → the domain's private flag; `password` (and anything else) is not a plain on/off, so null. */
function privateOf(visibility: string | null | undefined): boolean | null {
	if (visibility === "private") return true;
	if (visibility === "public") return false;
	return null;
}

/**
 * Maps a v2 livestream to the domain type. v2 reports no audience and has no ad-breaks on/off field; its recording
 * object is not read (v2 documents no manual start/stop, so no key shows it).
 */
export function toVideoState(live: LivestreamResponse): VideoState {
	return {
		id: live.livestream_id,
		title: live.title ?? "",
		channel: live.category ?? "",
		private: privateOf(live.visibility),
		mode: "live",
		onair: live.status?.onair ?? false,
		audience: null,
		publishUrl: live.ingest?.rtmp_url ?? null,
		liveAiringTime: isoSeconds(live.status?.airing_at),
		adBreaksEnabled: null,
		adBreakEndTime: isoSeconds(live.advertising?.end_at),
		adBreakRemaining: live.advertising?.remaining ?? null,
		recordStatus: null,
	};
}

/** One list item for pickers and lost-create reconciliation. */
export function toLiveSummary(live: LivestreamResponse): LiveSummary {
	return { id: live.livestream_id, title: live.title ?? "", onair: live.status?.onair ?? false, createdTime: isoSeconds(live.created_at) };
}

/** The create body: strict JSON booleans, `visibility` instead of a private flag. */
export function createBody(input: CreateLiveInput): Record<string, unknown> {
	return {
		title: input.title,
		category: input.channel,
		visibility: input.private ? "private" : "public",
		is_for_kids: input.forKids,
	};
}

/** The PATCH body: only the changed fields. */
export function patchBody(changes: VideoChanges): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	if (changes.title !== undefined) body.title = changes.title;
	if (changes.channel !== undefined) body.category = changes.channel;
	if (changes.private !== undefined) body.visibility = changes.private ? "private" : "public";
	if (changes.forKids !== undefined) body.is_for_kids = changes.forKids;
	return body;
}
