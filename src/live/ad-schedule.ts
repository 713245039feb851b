import type { VideoState } from "../dailymotion/index.js";
import type { AdScheduleConfig } from "../settings/ad-schedule.js";
import { AD_BREAK_MS, isCountingDown, type AdBreakPhase } from "./ad-break-clock.js";

/** A snooze moves the next scheduled break this much later. */
export const SNOOZE_MS = 5 * 60_000;

/**
 * What the scheduler remembers about one live between evaluations. Everything is a deadline (ms epoch) or keyed by
 * one, so an evaluation at any instant gives the same answer, and a restart loses only the snooze and a failure.
 */
export interface AdScheduleMemory {
	/** No automatic break before this: the schedule was (re)armed then, plus the warning window. */
	notBefore: number;
	/** The latest break end this plugin saw (covers a launch the API reported no end time for). */
	lastBreakEndAt: number;
	/** When this plugin first saw the live on air, for an API that reports no `live_airing_time`. */
	onAirSeenAt: number | null;
	/** A snooze of the break that was due at `base`; ignored once a break moved the schedule. */
	snooze?: { base: number; until: number } | undefined;
	/** `slots` breaks due from `base` on failed twice each: the next one is that many intervals later. */
	skip?: { base: number; slots: number; error: unknown } | undefined;
	/** The break due at `slot` failed once: it is tried again at `at` (once). */
	retry?: { slot: number; at: number; error: unknown } | undefined;
}

/** An empty memory (nothing seen yet). */
export function freshMemory(): AdScheduleMemory {
	return { notBefore: 0, lastBreakEndAt: 0, onAirSeenAt: null };
}

/** Where the automatic ad-break schedule of a live stands at one instant. */
export type AdSchedulePhase =
	| { kind: "off" }
	| { kind: "no-live" }
	| { kind: "loading" }
	| { kind: "error"; error: unknown }
	| { kind: "off-air" }
	| { kind: "disabled" }
	| { kind: "quota" }
	/** A break or its cooldown runs (`adBreak` has its countdown); the next scheduled one is at `nextAt`. */
	| { kind: "blocked"; nextAt: number; adBreak: Extract<AdBreakPhase, { kind: "running" | "cooldown" }> }
	| { kind: "waiting"; nextAt: number; remainingMs: number }
	/** Within the warning window before `nextAt`. */
	| { kind: "warning"; nextAt: number; remainingMs: number }
	/** The break should launch now; `retryAt` when it failed once and waits for its single retry. */
	| { kind: "due"; nextAt: number; retryAt: number | null }
	/** The last scheduled break failed twice; the schedule goes on with the next one. */
	| { kind: "failed"; nextAt: number; remainingMs: number; error: unknown };

/** The next break's deadline, before (`base`) and after (`effective`) a snooze, and after failed slots (`next`). */
export interface AdScheduleSlot {
	base: number;
	effective: number;
	next: number;
}

/**
 * When the next automatic break is due. The last break this airing restarts the interval (start to start: a
 * manual launch counts too); without one, the first break comes `firstAfterMs` after the live went on air. A break
 * from before the live last went on air (a dropped connection) still keeps the interval. `notBefore`, the snooze and
 * failed slots then move it later.
 */
export function adScheduleSlot(
	config: AdScheduleConfig,
	video: VideoState,
	adBreak: AdBreakPhase,
	memory: AdScheduleMemory,
	now: number,
): AdScheduleSlot {
	const onAirSince = video.liveAiringTime ? video.liveAiringTime * 1000 : (memory.onAirSeenAt ?? now);
	const runningEnd = adBreak.kind === "running" ? adBreak.endsAt : 0;
	const lastEnd = Math.max(video.adBreakEndTime ? video.adBreakEndTime * 1000 : 0, memory.lastBreakEndAt, runningEnd);
	const fromFirst = onAirSince + config.firstAfterMs;
	const fromLast = lastEnd ? lastEnd - AD_BREAK_MS + config.everyMs : 0;
	const anchored = lastEnd > onAirSince ? fromLast : Math.max(fromFirst, fromLast);
	const base = Math.max(anchored, memory.notBefore);
	const effective = memory.snooze?.base === base ? memory.snooze.until : base;
	const next = memory.skip?.base === effective ? effective + memory.skip.slots * config.everyMs : effective;
	return { base, effective, next };
}

/**
 * The schedule's phase at `now`, from the live as last read, its ad-break phase (`adBreakPhase`, so a running break
 * or cooldown blocks exactly as it blocks a press) and the scheduler's memory. Never due while a break or cooldown
 * runs, off air, with ad breaks disabled or at quota 0.
 */
export function adSchedulePhase(
	config: AdScheduleConfig | null,
	video: VideoState | null,
	adBreak: AdBreakPhase,
	memory: AdScheduleMemory,
	now: number,
): AdSchedulePhase {
	if (!config) return { kind: "off" };
	if (adBreak.kind === "no-live" || adBreak.kind === "loading") return { kind: adBreak.kind };
	if (adBreak.kind === "error") return { kind: "error", error: adBreak.error };
	if (!video) return { kind: "loading" };
	if (isCountingDown(adBreak)) {
		return { kind: "blocked", nextAt: adScheduleSlot(config, video, adBreak, memory, now).next, adBreak };
	}
	if (adBreak.kind !== "ready") return { kind: adBreak.kind };
	const { effective, next } = adScheduleSlot(config, video, adBreak, memory, now);
	const remainingMs = next - now;
	if (memory.retry?.slot === next && now < memory.retry.at) return { kind: "due", nextAt: next, retryAt: memory.retry.at };
	if (remainingMs <= 0) return { kind: "due", nextAt: next, retryAt: null };
	if (remainingMs <= config.warnMs) return { kind: "warning", nextAt: next, remainingMs };
	// Shown until the next break's warning: the streamer sees that the last one did not go out.
	if (memory.skip?.base === effective) return { kind: "failed", nextAt: next, remainingMs, error: memory.skip.error };
	return { kind: "waiting", nextAt: next, remainingMs };
}

/** When the phase changes next without any new input (a deadline), or null when only a new read can change it. */
export function nextChangeAt(phase: AdSchedulePhase, warnMs: number): number | null {
	switch (phase.kind) {
		case "waiting":
		case "failed":
			return phase.nextAt - warnMs;
		case "warning":
			return phase.nextAt;
		case "due":
			return phase.retryAt;
		case "blocked":
			return phase.adBreak.endsAt;
		default:
			return null;
	}
}
