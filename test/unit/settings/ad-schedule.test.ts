import { describe, expect, it } from "vitest";
import { adScheduleConfig, minuteLength, parseAdScheduleSettings } from "../../../src/settings/ad-schedule.ts";
import { parseGlobalSettings } from "../../../src/settings/global.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import type { ProblemKey } from "../../../src/i18n/messages.ts";
import { problemText } from "../../../src/settings/problems.ts";

const en = catalogMessages("en");
const say = (problem: ProblemKey): string => problemText(en, problem);

describe("automatic ad-break settings", () => {
	it("are off by default, every 15 min, first after 10 min, with a 60 s warning", () => {
		expect(parseAdScheduleSettings(undefined)).toEqual({
			value: { autoAds: false, autoAdsEvery: 15, autoAdsFirst: 10, autoAdsWarn: 60 },
			problems: [],
		});
	});

	it("accept form strings", () => {
		expect(parseAdScheduleSettings({ autoAds: "true", autoAdsEvery: "20", autoAdsFirst: "5", autoAdsWarn: "0" }).value).toEqual({
			autoAds: true,
			autoAdsEvery: 20,
			autoAdsFirst: 5,
			autoAdsWarn: 0,
		});
	});

	it("refuse an interval outside 5–60 minutes and say why, keeping the other fields", () => {
		const { value, problems } = parseAdScheduleSettings({ autoAds: true, autoAdsEvery: 2, autoAdsWarn: 30 });
		expect(value).toEqual({ autoAds: true, autoAdsEvery: 15, autoAdsFirst: 10, autoAdsWarn: 30 });
		expect(problems.map(say)).toEqual(["The ad-break interval must be at least 5 min"]);
		expect(parseAdScheduleSettings({ autoAdsEvery: 61 }).problems.map(say)).toEqual(["The ad-break interval must be at most 60 min"]);
	});

	it("refuse fractions, text, a first break over 120 min and a warning over 300 s", () => {
		const { problems } = parseAdScheduleSettings({ autoAdsEvery: 7.5, autoAdsFirst: 121, autoAdsWarn: "soon" });
		expect(problems).toEqual(["problem.autoAdsEvery.whole", "problem.autoAdsFirst.max", "problem.autoAdsWarn.number"]);
		expect(problems.map(say)).toEqual([
			"The ad-break interval must be a whole number of minutes",
			"The first ad break must be at most 120 min",
			"The ad-break warning must be a number of seconds",
		]);
		expect(parseAdScheduleSettings({ autoAdsWarn: 301 }).problems.map(say)).toEqual(["The ad-break warning must be at most 300 sec"]);
		expect(problemText(catalogMessages("de"), "problem.autoAdsWarn.max")).toBe("Die Vorwarnung darf höchstens 300 Sek. betragen");
	});

	it("give the scheduler milliseconds, or null when off", () => {
		const on = parseAdScheduleSettings({ autoAds: true, autoAdsEvery: 20, autoAdsFirst: 5, autoAdsWarn: 45 }).value;
		expect(adScheduleConfig(on)).toEqual({ everyMs: 1_200_000, firstAfterMs: 300_000, warnMs: 45_000 });
		expect(adScheduleConfig({ ...on, autoAds: false })).toBeNull();
	});

	it("compress every duration alike when a test shortens the minute", () => {
		const on = parseAdScheduleSettings({ autoAds: true, autoAdsEvery: 5, autoAdsFirst: 1, autoAdsWarn: 30 }).value;
		expect(adScheduleConfig(on, 12_000)).toEqual({ everyMs: 60_000, firstAfterMs: 12_000, warnMs: 6_000 });
	});
});

describe("the schedule's minute (DAILYMOTION_LIVE_MINUTE_MS, a test seam)", () => {
	it("is 60 s unless the variable holds a positive whole number of ms", () => {
		expect(minuteLength(undefined)).toBe(60_000);
		expect(minuteLength("8000")).toBe(8_000);
		expect(minuteLength(" 1 ")).toBe(1);
		for (const bad of ["", "0", "-5", "1.5", "abc", "1e3", "99999999999999999999"]) expect(minuteLength(bad), bad).toBe(60_000);
	});

	it("compresses every duration of the schedule, the warning's seconds included", () => {
		const settings = { autoAds: true, autoAdsEvery: 5, autoAdsFirst: 2, autoAdsWarn: 30 };
		expect(adScheduleConfig(settings, minuteLength("8000"))).toEqual({ everyMs: 40_000, firstAfterMs: 16_000, warnMs: 4_000 });
		expect(adScheduleConfig(settings, minuteLength(undefined))).toEqual({ everyMs: 300_000, firstAfterMs: 120_000, warnMs: 30_000 });
	});
});

describe("in the global settings (one schedule for the show)", () => {
	it("are read with the other global settings; a bad field falls back without touching the rest", () => {
		const { value, problems } = parseGlobalSettings({ apiKey: "k", autoAds: true, autoAdsEvery: 90, autoAdsFirst: "3" });
		expect(value).toMatchObject({ apiKey: "k", autoAds: true, autoAdsEvery: 15, autoAdsFirst: 3, autoAdsWarn: 60 });
		expect(problems.map(say)).toEqual(["The ad-break interval must be at most 60 min"]);
		expect(parseGlobalSettings({}).value.autoAds).toBe(false);
	});
});
