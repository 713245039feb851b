import type { VideoState } from "../dailymotion/index.js";

/** An ad break lasts 35 s (product seed; the sandbox follows it). */
export const AD_BREAK_MS = 35_000;
export const DEFAULT_COOLDOWN_S = 35;

/** Where the Ad Break key stands at one instant. Derived from deadlines each time, never counted down. */
export type AdBreakPhase =
	| { kind: "no-live" }
	| { kind: "loading" }
	| { kind: "error"; error: unknown }
	| { kind: "off-air" }
	| { kind: "disabled" }
	| { kind: "running"; remainingMs: number; totalMs: number; endsAt: number }
	| { kind: "cooldown"; remainingMs: number; totalMs: number; endsAt: number }
	| { kind: "quota" }
	| { kind: "ready"; remaining: number | null };

/** The API's end times are whole UNIX seconds, so the launch they imply can be up to this much before the real one. */
const END_TIME_STEP_MS = 1000;

/** This plugin's last accepted launch on a live. */
export interface OwnLaunch {
	/** When the launch request was sent (ms): the break cannot have started earlier. */
	sentAt: number;
	/** The end time in the launch's answer (ms), if any: it outlives a stale poll answered after it. */
	endsAt: number | null;
}

/**
 * The ad-break state of a live at `now` (ms), for a key whose minimum interval is `cooldownMs`.
 * readyAt = max(server end time, launch time + cooldown) (contract §8.8).
 * - The server's end time drives the running break whenever the API gives one: every key and device then agrees, and
 *   it survives restarts. The launch time is that end minus the break's length.
 * - The plugin's own clock is only the fallback, when the API gives no end time or a stale one (not after our last
 *   launch request was sent, i.e. a previous break's). It counts from the moment the request was sent, never from
 *   when the answer arrived, so the key is never later than the server.
 */
export function adBreakPhase(video: VideoState | null, now: number, cooldownMs: number, own?: OwnLaunch): AdBreakPhase {
	if (!video) return { kind: "loading" };
	const { endsAt, launchedAt } = breakTimes(video, own);
	if (endsAt > now) return { kind: "running", remainingMs: endsAt - now, totalMs: AD_BREAK_MS, endsAt };
	const cooldownEndsAt = launchedAt ? launchedAt + cooldownMs : 0;
	if (cooldownEndsAt > now) {
		const totalMs = Math.max(cooldownMs - AD_BREAK_MS, 1);
		return { kind: "cooldown", remainingMs: cooldownEndsAt - now, totalMs, endsAt: cooldownEndsAt };
	}
	if (video.adBreaksEnabled === false) return { kind: "disabled" };
	if (!video.onair) return { kind: "off-air" };
	if (video.adBreakRemaining === 0) return { kind: "quota" };
	return { kind: "ready", remaining: video.adBreakRemaining };
}

/** When the latest break ends and when it was launched (ms; 0 = no break known). */
function breakTimes(video: VideoState, own: OwnLaunch | undefined): { endsAt: number; launchedAt: number } {
	const reported = Math.max(video.adBreakEndTime ? video.adBreakEndTime * 1000 : 0, own?.endsAt ?? 0);
	const sentAt = own?.sentAt ?? 0;
	if (reported > sentAt) {
		// A server whose breaks are shorter than ours would imply a launch before we sent it: the cooldown still counts
		// from (about) our request, so it is never shortened by more than the end time's rounding.
		return { endsAt: reported, launchedAt: Math.max(reported - AD_BREAK_MS, sentAt - END_TIME_STEP_MS) };
	}
	return sentAt ? { endsAt: sentAt + AD_BREAK_MS, launchedAt: sentAt } : { endsAt: 0, launchedAt: 0 };
}

/** True when a press must not send a request (a break or cooldown is running). */
export function isCountingDown(phase: AdBreakPhase): phase is Extract<AdBreakPhase, { kind: "running" | "cooldown" }> {
	return phase.kind === "running" || phase.kind === "cooldown";
}
