import { describe, expect, it } from "vitest";
import type { VideoState } from "../../../src/dailymotion/index.ts";
import { AD_BREAK_MS, adBreakPhase, isCountingDown } from "../../../src/live/ad-break-clock.ts";

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
		recordStatus: null,
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

describe("ad-break clock: the server's end time drives the break, the plugin's own clock is the fallback", () => {
	const END = T0 + AD_BREAK_MS; // the server launched in second T0 and answered end time T0 + 35 s
	const withEnd = (endMs: number | null) => video({ adBreakEndTime: endMs === null ? null : endMs / 1000 });

	it("an answer that arrives late changes nothing: the break ends on the server's whole second", () => {
		const own = { sentAt: T0 + 700, endsAt: END };
		const answeredAt = T0 + 1_900;
		expect(adBreakPhase(withEnd(END), answeredAt, 35_000, own)).toEqual({ kind: "running", remainingMs: 33_100, totalMs: AD_BREAK_MS, endsAt: END });
		expect(adBreakPhase(withEnd(END), END - 1, 35_000, own)).toMatchObject({ kind: "running", remainingMs: 1 });
		expect(adBreakPhase(withEnd(END), END, 35_000, own)).toEqual({ kind: "ready", remaining: 24 });
	});

	it("is never later than the server, whatever the send time within the second and however late the answer", () => {
		for (const sentOffset of [0, 1, 420, 999]) {
			for (const transitMs of [0, 30, 600]) {
				for (const answerDelayMs of [0, 50, 1_500, 9_000]) {
					const sentAt = T0 + sentOffset;
					const serverEnd = Math.floor((sentAt + transitMs) / 1000) * 1000 + AD_BREAK_MS;
					const own = { sentAt, endsAt: serverEnd };
					const answeredAt = sentAt + transitMs + answerDelayMs;
					const phase = adBreakPhase(withEnd(serverEnd), answeredAt, 35_000, own);
					expect(phase).toMatchObject({ kind: "running", endsAt: serverEnd });
					expect(adBreakPhase(withEnd(serverEnd), serverEnd, 35_000, own).kind).toBe("ready");
				}
			}
		}
	});

	it("keeps the launch answer's end time when a poll sent before the launch answers after it (stale end time)", () => {
		const previousEnd = T0 - 50_000;
		const phase = adBreakPhase(withEnd(previousEnd), T0 + 2_000, 35_000, { sentAt: T0 + 700, endsAt: END });
		expect(phase).toMatchObject({ kind: "running", endsAt: END, remainingMs: 33_000 });
	});

	it("with no end time from the API, counts from the moment the request was sent, not from the answer", () => {
		const own = { sentAt: T0 + 700, endsAt: null };
		expect(adBreakPhase(withEnd(null), T0 + 1_900, 35_000, own)).toMatchObject({ kind: "running", endsAt: T0 + 35_700, remainingMs: 33_800 });
		expect(adBreakPhase(withEnd(null), T0 + 35_700, 35_000, own).kind).toBe("ready");
	});

	it("treats an end time not after the request was sent as stale and falls back to the send", () => {
		const own = { sentAt: T0 + 700, endsAt: null };
		for (const stale of [T0 - 10_000, T0, T0 + 700]) {
			expect(adBreakPhase(withEnd(stale), T0 + 5_000, 35_000, own)).toMatchObject({ kind: "running", endsAt: T0 + 35_700 });
		}
		// One millisecond after the send is a fresh end time, and it wins even though it is earlier than the fallback.
		expect(adBreakPhase(withEnd(T0 + 1_000), T0 + 999, 35_000, { sentAt: T0 + 999, endsAt: null })).toMatchObject({ kind: "running", endsAt: T0 + 1_000 });
	});

	it("holds the cooldown from the server's launch second, and refuses until readyAt = max(end, launch + cooldown)", () => {
		const own = { sentAt: T0 + 700, endsAt: END };
		const at = (now: number) => adBreakPhase(withEnd(END), now, 60_000, own);
		expect(at(END)).toEqual({ kind: "cooldown", remainingMs: 25_000, totalMs: 25_000, endsAt: T0 + 60_000 });
		expect(isCountingDown(at(T0 + 59_999))).toBe(true);
		expect(at(T0 + 60_000)).toEqual({ kind: "ready", remaining: 24 });
	});

	it("a server whose breaks are shorter cannot shorten the cooldown by more than the end time's rounding", () => {
		const own = { sentAt: T0 + 700, endsAt: T0 + 20_000 };
		const at = (now: number) => adBreakPhase(withEnd(T0 + 20_000), now, 60_000, own);
		expect(at(T0 + 19_999)).toMatchObject({ kind: "running", endsAt: T0 + 20_000 });
		expect(at(T0 + 20_000)).toMatchObject({ kind: "cooldown", endsAt: T0 + 59_700 });
	});

	it("follows a break launched elsewhere after ours, and after a restart the server's end time alone", () => {
		const later = T0 + 80_000;
		expect(adBreakPhase(withEnd(later), T0 + 50_000, 35_000, { sentAt: T0, endsAt: END })).toMatchObject({ kind: "running", endsAt: later });
		expect(adBreakPhase(withEnd(END), T0 + 10_000, 50_000)).toMatchObject({ kind: "running", endsAt: END });
		expect(adBreakPhase(withEnd(END), END, 50_000)).toMatchObject({ kind: "cooldown", endsAt: T0 + 50_000 });
	});
});
