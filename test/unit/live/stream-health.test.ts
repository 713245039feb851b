import { describe, expect, it } from "vitest";
import {
	HEALTH_THRESHOLDS,
	healthFigures,
	healthLevel,
	measuredHealth,
	type HealthFigures,
	type StreamSample,
} from "../../../src/live/stream-health.ts";

const T0 = 1_800_000_000_000;

/** One sample per second at 2 500 kbit/s and 30 fps, with overrides. */
function steady(seconds: number, changes: (i: number) => Partial<StreamSample> = () => ({})): StreamSample[] {
	return Array.from({ length: seconds }, (_, i) => ({
		at: T0 + i * 1000,
		active: true,
		reconnecting: false,
		bytes: i * 312_500,
		skippedFrames: 0,
		totalFrames: i * 30,
		congestion: 0,
		...changes(i),
	}));
}

const ok: HealthFigures = { kbps: 2500, droppedPct: 0, droppedPctTotal: 0, congestion: 0, reconnecting: false, stalledMs: 0 };

describe("stream health figures", () => {
	it("computes the bitrate from the outputBytes delta over the elapsed time", () => {
		expect(healthFigures(steady(5)).kbps).toBe(2500);
		// A late answer (1.5 s after the previous one) does not inflate it: bytes over the real elapsed time.
		const late = steady(3);
		late.push({ ...late[2]!, at: T0 + 3500, bytes: late[2]!.bytes + 468_750 });
		expect(healthFigures(late).kbps).toBeCloseTo(2500, 6);
	});

	it("has no bitrate from a single sample", () => {
		expect(healthFigures(steady(1))).toMatchObject({ kbps: null, droppedPct: null });
	});

	it("gives dropped frames over the last 10 s and since the start, separately", () => {
		// 60 dropped frames early on, none in the last 10 s.
		const samples = steady(30, (i) => ({ skippedFrames: i >= 5 ? 60 : i * 12 }));
		const figures = healthFigures(samples);
		expect(figures.droppedPct).toBe(0);
		expect(figures.droppedPctTotal).toBeCloseTo((100 * 60) / 870, 6);
	});

	it("measures recent drops against the frames of the window", () => {
		const samples = steady(12, (i) => ({ skippedFrames: i >= 10 ? 9 : 0 })); // 9 of the last 300 frames
		expect(healthFigures(samples).droppedPct).toBeCloseTo(3, 6);
	});

	it("averages congestion over the last 5 s and ignores an OBS that does not report it", () => {
		expect(healthFigures(steady(10, (i) => ({ congestion: i >= 7 ? 1 : 0 }))).congestion).toBeCloseTo(0.5, 6);
		expect(healthFigures(steady(3, () => ({ congestion: null }))).congestion).toBeNull();
	});

	it("counts how long no byte went out", () => {
		const samples = steady(8, (i) => ({ bytes: Math.min(i, 4) * 312_500 }));
		expect(healthFigures(samples).stalledMs).toBe(3000);
		expect(healthFigures(steady(3)).stalledMs).toBe(0);
	});

	it("does not count a reconnect as a stall (it has its own reason)", () => {
		const samples = steady(6, (i) => ({ bytes: 0, reconnecting: i >= 2 }));
		expect(healthFigures(samples)).toMatchObject({ reconnecting: true, stalledMs: 0 });
	});
});

describe("stream health levels (thresholds in one place)", () => {
	const t = HEALTH_THRESHOLDS;

	it("is ok with frames flowing and no drops or congestion", () => {
		expect(healthLevel(ok)).toEqual({ level: "ok", reasons: [] });
	});

	it.each([
		["dropped frames below amber", { droppedPct: t.droppedPct.amber - 0.01 }, "ok", []],
		["dropped frames at amber", { droppedPct: t.droppedPct.amber }, "amber", ["dropped-frames"]],
		["dropped frames at red", { droppedPct: t.droppedPct.red }, "red", ["dropped-frames"]],
		["congestion below amber", { congestion: t.congestion.amber - 0.01 }, "ok", []],
		["congestion at amber", { congestion: t.congestion.amber }, "amber", ["congestion"]],
		["congestion at red", { congestion: t.congestion.red }, "red", ["congestion"]],
		["a short gap in bytes", { stalledMs: t.stalledMs - 1 }, "ok", []],
		["a stalled ingest", { stalledMs: t.stalledMs }, "red", ["stalled"]],
		["reconnecting", { reconnecting: true }, "red", ["reconnecting"]],
		["unknown figures", { kbps: null, droppedPct: null, congestion: null }, "ok", []],
	] as const)("%s", (_, changes, level, reasons) => {
		expect(healthLevel({ ...ok, ...changes })).toEqual({ level, reasons: [...reasons] });
	});

	it("is red when any figure is red, listing every reason, most serious first", () => {
		expect(healthLevel({ ...ok, reconnecting: true, droppedPct: 2, congestion: 0.9 })).toEqual({
			level: "red",
			reasons: ["reconnecting", "congestion", "dropped-frames"],
		});
	});

	it("does not judge the whole-stream drops: one bad minute does not keep the key amber", () => {
		expect(healthLevel({ ...ok, droppedPctTotal: 20 }).level).toBe("ok");
	});
});

describe("measured health", () => {
	it("combines figures, level and the sample time", () => {
		const samples = steady(12, (i) => ({ skippedFrames: i >= 10 ? 30 : 0 }));
		expect(measuredHealth(samples)).toMatchObject({ kind: "measured", level: "red", reasons: ["dropped-frames"], kbps: 2500, at: T0 + 11_000 });
	});
});
