import { describe, expect, it } from "vitest";
import type { VideoState } from "../../../src/dailymotion/index.ts";
import { AD_BREAK_MS, adBreakPhase } from "../../../src/live/ad-break-clock.ts";
import {
	adSchedulePhase,
	freshMemory,
	nextChangeAt,
	SNOOZE_MS,
	type AdScheduleMemory,
} from "../../../src/live/ad-schedule.ts";
import type { AdScheduleConfig } from "../../../src/settings/ad-schedule.ts";

const MIN = 60_000;
const T0 = 1_800_000_000_000; // when the live went on air (ms, a whole second)
const config: AdScheduleConfig = { everyMs: 15 * MIN, firstAfterMs: 10 * MIN, warnMs: 60_000 };

function video(changes: Partial<VideoState> = {}): VideoState {
	return {
		id: "x1",
		title: "Show",
		channel: "videogames",
		private: false,
		mode: "live",
		onair: true,
		audience: 12,
		publishUrl: null,
		liveAiringTime: T0 / 1000,
		adBreaksEnabled: true,
		adBreakEndTime: null,
		adBreakRemaining: 24,
		recordStatus: null,
		...changes,
	};
}

/** The schedule's phase as the scheduler computes it: ad-break phase from the same live, default cooldown. */
function phaseAt(now: number, v: VideoState = video(), memory: AdScheduleMemory = freshMemory(), cfg: AdScheduleConfig | null = config) {
	return adSchedulePhase(cfg, v, adBreakPhase(v, now, 35_000), memory, now);
}

/** A break that started at `startMs` (its server end time, UNIX s). */
const breakAt = (startMs: number) => (startMs + AD_BREAK_MS) / 1000;

describe("ad schedule: when the next break is due", () => {
	it("is off when automatic breaks are off, whatever the live", () => {
		expect(phaseAt(T0 + 60 * MIN, video(), freshMemory(), null)).toEqual({ kind: "off" });
	});

	it("waits for the first break M minutes after the live went on air", () => {
		expect(phaseAt(T0 + 2 * MIN)).toEqual({ kind: "waiting", nextAt: T0 + 10 * MIN, remainingMs: 8 * MIN });
	});

	it("warns within the warning window, then is due at the deadline", () => {
		expect(phaseAt(T0 + 9 * MIN)).toEqual({ kind: "warning", nextAt: T0 + 10 * MIN, remainingMs: 60_000 });
		expect(phaseAt(T0 + 10 * MIN)).toEqual({ kind: "due", nextAt: T0 + 10 * MIN, retryAt: null });
		expect(phaseAt(T0 + 10 * MIN + 5_000).kind).toBe("due");
	});

	it("has no warning window with a warning of 0 s", () => {
		const noWarn = { ...config, warnMs: 0 };
		expect(phaseAt(T0 + 10 * MIN - 1, video(), freshMemory(), noWarn).kind).toBe("waiting");
		expect(phaseAt(T0 + 10 * MIN, video(), freshMemory(), noWarn).kind).toBe("due");
	});

	it("counts the interval from the start of the last break (start to start)", () => {
		const v = video({ adBreakEndTime: breakAt(T0 + 10 * MIN), adBreakRemaining: 23 });
		expect(phaseAt(T0 + 12 * MIN, v)).toMatchObject({ kind: "waiting", nextAt: T0 + 25 * MIN });
	});

	it("restarts the interval from a manual break, even one before the first scheduled break", () => {
		const v = video({ adBreakEndTime: breakAt(T0 + 3 * MIN) });
		expect(phaseAt(T0 + 5 * MIN, v)).toMatchObject({ kind: "waiting", nextAt: T0 + 18 * MIN });
	});

	it("keeps the interval of a break from before the live last went on air (a dropped connection)", () => {
		const reconnected = video({ liveAiringTime: (T0 + 14 * MIN) / 1000, adBreakEndTime: breakAt(T0 + 10 * MIN) });
		// max(last break + 15 min, back on air + 10 min)
		expect(phaseAt(T0 + 15 * MIN, reconnected)).toMatchObject({ nextAt: T0 + 25 * MIN });
		const laterBack = video({ liveAiringTime: (T0 + 20 * MIN) / 1000, adBreakEndTime: breakAt(T0 + 10 * MIN) });
		expect(phaseAt(T0 + 21 * MIN, laterBack)).toMatchObject({ nextAt: T0 + 30 * MIN });
		const nextDay = video({ liveAiringTime: (T0 + 24 * 60 * MIN) / 1000, adBreakEndTime: breakAt(T0 + 10 * MIN) });
		expect(phaseAt(T0 + 24 * 60 * MIN + MIN, nextDay)).toMatchObject({ kind: "waiting", nextAt: T0 + 24 * 60 * MIN + 10 * MIN });
	});

	it("is one break late, never a burst, after a long gap (the plugin was not running)", () => {
		const v = video({ adBreakEndTime: breakAt(T0 + 10 * MIN) });
		expect(phaseAt(T0 + 90 * MIN, v)).toEqual({ kind: "due", nextAt: T0 + 25 * MIN, retryAt: null });
	});

	it("gives the same deadline to every evaluation and after a restart (fresh memory): it comes from the live", () => {
		const v = video({ adBreakEndTime: breakAt(T0 + 10 * MIN) });
		const before = phaseAt(T0 + 12 * MIN, v, { ...freshMemory(), lastBreakEndAt: T0 + 10 * MIN + AD_BREAK_MS });
		const after = phaseAt(T0 + 13 * MIN, v, freshMemory());
		expect(before).toMatchObject({ nextAt: T0 + 25 * MIN });
		expect(after).toMatchObject({ nextAt: T0 + 25 * MIN });
	});

	it("uses the break this plugin saw when the API reports no end time", () => {
		const memory = { ...freshMemory(), lastBreakEndAt: T0 + 11 * MIN + AD_BREAK_MS };
		expect(phaseAt(T0 + 12 * MIN, video(), memory)).toMatchObject({ kind: "waiting", nextAt: T0 + 26 * MIN });
	});

	it("falls back to when the plugin saw the live on air when the API gives no airing time", () => {
		const memory = { ...freshMemory(), onAirSeenAt: T0 + MIN };
		expect(phaseAt(T0 + 2 * MIN, video({ liveAiringTime: null }), memory)).toMatchObject({ nextAt: T0 + 11 * MIN });
	});

	it("never comes before the arming floor (schedule switched on mid-show)", () => {
		const memory = { ...freshMemory(), notBefore: T0 + 30 * MIN + 60_000 };
		expect(phaseAt(T0 + 30 * MIN, video(), memory)).toEqual({ kind: "warning", nextAt: T0 + 31 * MIN, remainingMs: 60_000 });
	});
});

describe("ad schedule: nothing runs when a break cannot", () => {
	it("is blocked, never due, while a break runs, and shows the break's countdown", () => {
		const v = video({ adBreakEndTime: (T0 + 10 * MIN + 20_000) / 1000 });
		const phase = phaseAt(T0 + 10 * MIN, v);
		expect(phase).toMatchObject({ kind: "blocked", nextAt: T0 + 10 * MIN + 20_000 - AD_BREAK_MS + 15 * MIN });
		expect(phase.kind === "blocked" && phase.adBreak).toMatchObject({ kind: "running", remainingMs: 20_000 });
	});

	it("is blocked during a cooldown longer than the break", () => {
		const v = video({ adBreakEndTime: breakAt(T0 + 30 * MIN) });
		const now = T0 + 30 * MIN + 40_000;
		const phase = adSchedulePhase(config, v, adBreakPhase(v, now, 60_000), freshMemory(), now);
		expect(phase).toMatchObject({ kind: "blocked", adBreak: { kind: "cooldown" } });
	});

	it("does nothing off air, even long overdue", () => {
		expect(phaseAt(T0 + 60 * MIN, video({ onair: false }))).toEqual({ kind: "off-air" });
	});

	it("stops at quota 0 and says so", () => {
		expect(phaseAt(T0 + 60 * MIN, video({ adBreakRemaining: 0 }))).toEqual({ kind: "quota" });
	});

	it("does nothing while ad breaks are disabled on the live", () => {
		expect(phaseAt(T0 + 60 * MIN, video({ adBreaksEnabled: false }))).toEqual({ kind: "disabled" });
	});

	it("has no live, or waits for the first read", () => {
		expect(adSchedulePhase(config, null, { kind: "no-live" }, freshMemory(), T0)).toEqual({ kind: "no-live" });
		expect(adSchedulePhase(config, null, { kind: "loading" }, freshMemory(), T0)).toEqual({ kind: "loading" });
		const error = new Error("down");
		expect(adSchedulePhase(config, null, { kind: "error", error }, freshMemory(), T0)).toEqual({ kind: "error", error });
	});
});

describe("ad schedule: snooze, retry and failure", () => {
	it("moves a snoozed break 5 minutes later", () => {
		const memory = { ...freshMemory(), snooze: { base: T0 + 10 * MIN, until: T0 + 10 * MIN + SNOOZE_MS } };
		expect(phaseAt(T0 + 10 * MIN, video(), memory)).toMatchObject({ kind: "waiting", nextAt: T0 + 15 * MIN });
	});

	it("forgets the snooze once a break moved the schedule", () => {
		const memory = { ...freshMemory(), snooze: { base: T0 + 10 * MIN, until: T0 + 15 * MIN } };
		const v = video({ adBreakEndTime: breakAt(T0 + 12 * MIN) });
		expect(phaseAt(T0 + 13 * MIN, v, memory)).toMatchObject({ nextAt: T0 + 27 * MIN });
	});

	it("is due with the retry's time while a failed break waits for its single retry", () => {
		const memory = { ...freshMemory(), retry: { slot: T0 + 10 * MIN, at: T0 + 10 * MIN + 5_000, error: null } };
		expect(phaseAt(T0 + 10 * MIN + 1_000, video(), memory)).toEqual({ kind: "due", nextAt: T0 + 10 * MIN, retryAt: T0 + 10 * MIN + 5_000 });
		expect(phaseAt(T0 + 10 * MIN + 5_000, video(), memory)).toEqual({ kind: "due", nextAt: T0 + 10 * MIN, retryAt: null });
	});

	it("shows a skipped break as failed until the next one's warning, one interval later", () => {
		const error = new Error("Dailymotion down");
		const memory = { ...freshMemory(), skip: { base: T0 + 10 * MIN, slots: 1, error } };
		expect(phaseAt(T0 + 10 * MIN + 10_000, video(), memory)).toEqual({
			kind: "failed",
			nextAt: T0 + 25 * MIN,
			remainingMs: 15 * MIN - 10_000,
			error,
		});
		expect(phaseAt(T0 + 24 * MIN, video(), memory).kind).toBe("warning");
		expect(phaseAt(T0 + 25 * MIN, video(), memory)).toMatchObject({ kind: "due", nextAt: T0 + 25 * MIN });
	});
});

describe("ad schedule: next change", () => {
	it("names the next deadline of each phase", () => {
		expect(nextChangeAt({ kind: "waiting", nextAt: 100_000, remainingMs: 1 }, 10_000)).toBe(90_000);
		expect(nextChangeAt({ kind: "warning", nextAt: 100_000, remainingMs: 1 }, 10_000)).toBe(100_000);
		expect(nextChangeAt({ kind: "due", nextAt: 100_000, retryAt: 105_000 }, 10_000)).toBe(105_000);
		expect(nextChangeAt({ kind: "due", nextAt: 100_000, retryAt: null }, 10_000)).toBeNull();
		expect(nextChangeAt({ kind: "off-air" }, 10_000)).toBeNull();
	});
});
