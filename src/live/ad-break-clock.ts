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

/**
 * The ad-break state of a live at `now` (ms), for a key whose minimum interval is `cooldownMs`.
 * readyAt = max(server end time, launch time + cooldown) (contract §8.8). The launch time is the later of the server's
 * (its end time minus the break's length: it survives restarts and every key on the live agrees) and `lastLaunchAt`,
 * this plugin's own last launch (ms), which holds even when the API answers with no or a stale end time.
 */
export function adBreakPhase(video: VideoState | null, now: number, cooldownMs: number, lastLaunchAt = 0): AdBreakPhase {
	if (!video) return { kind: "loading" };
	const serverEndsAt = video.adBreakEndTime ? video.adBreakEndTime * 1000 : 0;
	const launchedAt = Math.max(serverEndsAt ? serverEndsAt - AD_BREAK_MS : 0, lastLaunchAt);
	const endsAt = Math.max(serverEndsAt, launchedAt ? launchedAt + AD_BREAK_MS : 0);
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

/** True when a press must not send a request (a break or cooldown is running). */
export function isCountingDown(phase: AdBreakPhase): phase is Extract<AdBreakPhase, { kind: "running" | "cooldown" }> {
	return phase.kind === "running" || phase.kind === "cooldown";
}
