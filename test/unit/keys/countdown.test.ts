import { describe, expect, it } from "vitest";
import {
	adBreakFeedback,
	countdownRing,
	liveStatusFeedback,
	renderAdBreak,
	renderLiveStatus,
	renderStream,
} from "../../../src/keys/index.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";

const m = catalogMessages("en");

const TOTAL = 35_000;

/** Visible length of the ring arc, from its dash geometry. */
function arcLength(ring: { dashArray: string; dashOffset: string }): number {
	return Number(ring.dashArray.split(" ")[0]) - Number(ring.dashOffset);
}

describe("countdownRing", () => {
	it("is full at the start", () => {
		const ring = countdownRing(TOTAL, TOTAL);
		expect(ring.fraction).toBe(1);
		expect(Number(ring.dashOffset)).toBe(0);
	});

	it("is half empty at half time", () => {
		const ring = countdownRing(TOTAL / 2, TOTAL);
		const circumference = Number(ring.dashArray.split(" ")[0]);
		expect(ring.fraction).toBe(0.5);
		expect(arcLength(ring)).toBeCloseTo(circumference / 2, 1);
	});

	it("is empty at 0", () => {
		const ring = countdownRing(0, TOTAL);
		expect(ring.fraction).toBe(0);
		expect(arcLength(ring)).toBeCloseTo(0, 5);
	});

	it.each([
		[-5_000, TOTAL, 0],
		[TOTAL * 2, TOTAL, 1],
		[10_000, 0, 0],
		[10_000, -1, 0],
		[Number.NaN, TOTAL, 0],
		[Number.POSITIVE_INFINITY, TOTAL, 1],
	])("clamps remaining %d of total %d to fraction %d", (remaining, total, fraction) => {
		const ring = countdownRing(remaining, total);
		expect(ring.fraction).toBe(fraction);
		expect(ring.dashOffset).not.toMatch(/NaN|Infinity/);
	});

	it("empties monotonically as time passes", () => {
		const lengths = [35_000, 30_000, 20_000, 10_000, 1_000, 0].map((ms) => arcLength(countdownRing(ms, TOTAL)));
		for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBeLessThan(lengths[i - 1]);
	});
});

describe("countdown frames change only when the displayed second changes", () => {
	it("gives identical ad-break frames for 250 ms ticks within one second", () => {
		// 34 000 ms down to 33 001 ms all display "0:34".
		const frames = [34_000, 33_750, 33_500, 33_250, 33_001].map((remainingMs) =>
			renderAdBreak({ state: "running", remainingMs, totalMs: TOTAL }, m),
		);
		expect(new Set(frames).size).toBe(1);
		expect(frames[0]).toContain(">0:34<");
	});

	it("changes the frame when the second changes", () => {
		const before = renderAdBreak({ state: "running", remainingMs: 33_001, totalMs: TOTAL }, m);
		const after = renderAdBreak({ state: "running", remainingMs: 33_000, totalMs: TOTAL }, m);
		expect(after).not.toBe(before);
		expect(after).toContain(">0:33<");
	});

	it("keeps the cooldown ring in step with its clock", () => {
		const a = renderAdBreak({ state: "cooldown", remainingMs: 10_900, totalMs: TOTAL }, m);
		const b = renderAdBreak({ state: "cooldown", remainingMs: 10_100, totalMs: TOTAL }, m);
		expect(a).toBe(b);
	});

	it("draws no arc once the countdown is over", () => {
		const svg = renderAdBreak({ state: "running", remainingMs: 0, totalMs: TOTAL }, m);
		expect(svg).not.toContain("stroke-dasharray");
		expect(svg).toContain(">0:00<");
	});

	it("gives identical stream and status frames within one elapsed second", () => {
		expect(renderStream({ state: "live", elapsedMs: 12_000 }, m)).toBe(renderStream({ state: "live", elapsedMs: 12_750 }, m));
		expect(renderLiveStatus({ state: "on-air", viewers: 5, elapsedMs: 12_100 }, m)).toBe(
			renderLiveStatus({ state: "on-air", viewers: 5, elapsedMs: 12_900 }, m),
		);
		expect(renderStream({ state: "live", elapsedMs: 12_999 }, m)).not.toBe(renderStream({ state: "live", elapsedMs: 13_000 }, m));
	});
});

describe("adBreakFeedback", () => {
	it("shows the breaks left when ready", () => {
		expect(adBreakFeedback({ state: "ready", remaining: 23 }, m)).toEqual({
			title: "Ad break",
			value: "Ready · 23 left",
			indicator: { value: 100 },
		});
	});

	it("empties the indicator with the countdown, per displayed second", () => {
		const full = adBreakFeedback({ state: "running", remainingMs: TOTAL, totalMs: TOTAL }, m);
		const half = adBreakFeedback({ state: "running", remainingMs: 17_500, totalMs: TOTAL }, m);
		const done = adBreakFeedback({ state: "running", remainingMs: 0, totalMs: TOTAL }, m);
		expect(full.indicator.value).toBe(100);
		expect(half.indicator.value).toBe(Math.round((18 / 35) * 100));
		expect(half.value).toBe("0:18");
		expect(done.indicator.value).toBe(0);
		expect(adBreakFeedback({ state: "cooldown", remainingMs: 17_100, totalMs: TOTAL }, m)).toEqual(
			adBreakFeedback({ state: "cooldown", remainingMs: 17_900, totalMs: TOTAL }, m),
		);
	});

	it("explains why no break can be launched", () => {
		expect(adBreakFeedback({ state: "quota" }, m).value).toBe("Quota reached");
		expect(adBreakFeedback({ state: "error", message: "x".repeat(40) }, m).value).toHaveLength(20);
		for (const state of ["no-live", "disabled", "off-air", "quota", "error", "busy"] as const) {
			expect(adBreakFeedback({ state }, m).indicator.value).toBe(0);
		}
	});
});

describe("liveStatusFeedback", () => {
	it("shows viewers and time on air with a full indicator", () => {
		expect(liveStatusFeedback({ state: "on-air", viewers: 1234, elapsedMs: 754_000 }, m)).toEqual({
			title: "On air",
			value: "1.2K viewers · 12:34",
			indicator: { value: 100 },
		});
	});

	it("handles unknown viewers and time", () => {
		expect(liveStatusFeedback({ state: "on-air", viewers: null, elapsedMs: null }, m).value).toBe("— viewers");
	});

	it("shows the live title when off air and an empty indicator", () => {
		const feedback = liveStatusFeedback({ state: "offline", title: "A rather long live show title here" }, m);
		expect(feedback.title).toBe("Off air");
		expect(feedback.value.endsWith("…")).toBe(true);
		expect(feedback.indicator.value).toBe(0);
	});
});
