import { describe, expect, it } from "vitest";
import type { VideoState } from "../../../src/dailymotion/index.ts";
import { AD_BREAK_MS, adBreakPhase } from "../../../src/live/ad-break-clock.ts";

const T0 = 1_800_000_000_000; // ms, a whole second

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
		liveAiringTime: T0 / 1000 - 600,
		adBreaksEnabled: true,
		adBreakEndTime: null,
		adBreakRemaining: 24,
		...changes,
	};
}

describe("ad-break clock", () => {
	it("is ready with the breaks left when no break ever ran", () => {
		expect(adBreakPhase(video(), T0, 35_000)).toEqual({ kind: "ready", remaining: 24 });
	});

	it("shows remaining cooldown from the server end time, not from a counter", () => {
		const endTime = T0 / 1000 + 20;
		const phase = adBreakPhase(video({ adBreakEndTime: endTime }), T0, 35_000);
		expect(phase).toEqual({ kind: "running", remainingMs: 20_000, totalMs: AD_BREAK_MS, endsAt: endTime * 1000 });
	});

	it("continues with the cooldown when the configured interval is longer than the break", () => {
		const endTime = T0 / 1000 - 5; // the break ended 5 s ago, launched 40 s ago
		const phase = adBreakPhase(video({ adBreakEndTime: endTime }), T0, 60_000);
		expect(phase).toMatchObject({ kind: "cooldown", remainingMs: 20_000, totalMs: 25_000 });
	});

	it("is ready again once the end time has passed with the default cooldown", () => {
		expect(adBreakPhase(video({ adBreakEndTime: T0 / 1000 - 1, adBreakRemaining: 23 }), T0, 35_000)).toEqual({
			kind: "ready",
			remaining: 23,
		});
	});

	it("treats an end time of 0 as no break", () => {
		expect(adBreakPhase(video({ adBreakEndTime: 0 }), T0, 35_000).kind).toBe("ready");
	});

	it("names why a launch is impossible: off air, disabled, quota", () => {
		expect(adBreakPhase(video({ onair: false }), T0, 35_000).kind).toBe("off-air");
		expect(adBreakPhase(video({ adBreaksEnabled: false }), T0, 35_000).kind).toBe("disabled");
		expect(adBreakPhase(video({ adBreakRemaining: 0 }), T0, 35_000).kind).toBe("quota");
	});

	it("keeps counting a running break even after the live went off air", () => {
		expect(adBreakPhase(video({ onair: false, adBreakEndTime: T0 / 1000 + 3 }), T0, 35_000).kind).toBe("running");
	});

	it("is loading before the live was read", () => {
		expect(adBreakPhase(null, T0, 35_000)).toEqual({ kind: "loading" });
	});
});
