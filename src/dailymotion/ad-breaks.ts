import type { ApiRequester } from "./api.js";
import { adBreakLaunchSchema, itemSchema } from "./schemas.js";
import type { AdBreakLaunch } from "./types.js";
import { videoPath } from "./videos.js";

/** Enables or disables ad breaks on a live (`live_ad_break=true|false`, §8.7). Never launches one. */
export async function setAdBreaksEnabled(api: ApiRequester, id: string, enabled: boolean): Promise<void> {
	await api.call({ method: "POST", path: videoPath(id), form: { live_ad_break: String(enabled) }, schema: itemSchema });
}

/**
 * Launches one ad break (`live_ad_break_launch=1`, §8.8). A POST: sent once, never retried on failure. The
 * API's refusal (off air, break running, quota) surfaces as an ApiError carrying its message and type.
 */
export async function launchAdBreak(api: ApiRequester, id: string): Promise<AdBreakLaunch> {
	const result = await api.call({
		method: "POST",
		path: videoPath(id),
		searchParams: { fields: "live_ad_break_end_time,live_ad_break_remaining" },
		form: { live_ad_break_launch: "1" },
		schema: adBreakLaunchSchema,
	});
	return {
		endTime: result.live_ad_break_end_time ? result.live_ad_break_end_time : null,
		remaining: result.live_ad_break_remaining ?? null,
	};
}
