import { describe, expect, it } from "vitest";
import { bitrateText, healthLine, streamAlarm } from "../../../src/actions/health-view.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import type { StreamHealth } from "../../../src/live/stream-health.ts";

const en = catalogMessages("en");
const fr = catalogMessages("fr");

function measured(changes: Partial<Extract<StreamHealth, { kind: "measured" }>> = {}): StreamHealth {
	return {
		kind: "measured",
		level: "ok",
		reasons: [],
		kbps: 6_011.6,
		droppedPct: 0,
		droppedPctTotal: 0,
		congestion: 0,
		reconnecting: false,
		stalledMs: 0,
		at: 0,
		...changes,
	};
}

describe("what the keys make of the stream's health", () => {
	it("writes the bitrate in the user's numbers, rounded; nothing before a rate is known or when idle", () => {
		expect(bitrateText(measured(), en)).toBe("6,012 kb/s");
		expect(bitrateText(measured(), fr)).toMatch(/^6\s012 kb\/s$/u);
		expect(bitrateText(measured({ kbps: null }), en)).toBeUndefined();
		expect(bitrateText({ kind: "idle" }, en)).toBeUndefined();
		expect(bitrateText({ kind: "unknown", error: new Error("late") }, en)).toBeUndefined();
	});

	it("raises the Stream key's alarm on amber or red, naming the most serious reason", () => {
		expect(streamAlarm(measured())).toBeUndefined();
		expect(streamAlarm(measured({ level: "amber", reasons: ["congestion"] }))).toEqual({ level: "amber", reason: "congested" });
		expect(streamAlarm(measured({ level: "red", reasons: ["stalled", "dropped-frames"] }))).toEqual({ level: "red", reason: "stalled" });
		expect(streamAlarm(measured({ level: "red", reasons: ["dropped-frames"] }))).toEqual({ level: "red", reason: "dropped" });
		expect(streamAlarm({ kind: "unknown", error: null })).toBeUndefined();
	});

	it("gives Live Status a line coloured by the level", () => {
		expect(healthLine(measured({ level: "amber", reasons: ["dropped-frames"] }), en)).toEqual({ text: "6,012 kb/s", level: "amber" });
		expect(healthLine(measured({ kbps: null }), en)).toBeUndefined();
	});
});
