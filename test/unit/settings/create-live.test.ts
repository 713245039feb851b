import { describe, expect, it } from "vitest";
import { DEFAULT_TITLE, expandTitle, parseCreateLiveSettings } from "../../../src/settings/create-live.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import { problemText } from "../../../src/settings/problems.ts";

const en = catalogMessages("en");

describe("Create Live settings", () => {
	it("defaults to a dated gaming live, public, not for kids, not recorded, sent to OBS", () => {
		expect(parseCreateLiveSettings(undefined)).toEqual({
			value: { title: DEFAULT_TITLE, channel: "videogames", forKids: false, private: false, autoRecord: false, afterCreate: "obs" },
			problems: [],
		});
	});

	it("accepts form strings for the toggles", () => {
		expect(parseCreateLiveSettings({ forKids: "true", private: "false" }).value).toMatchObject({ forKids: true, private: false });
	});

	it("explains each invalid value", () => {
		const { value, problems } = parseCreateLiveSettings({ channel: "Video Games", afterCreate: "twitch", forKids: 3 });
		expect(value).toMatchObject({ channel: "videogames", afterCreate: "obs", forKids: false });
		expect(problems).toEqual(["problem.channel.id", "problem.forKids.flag", "problem.afterCreate.choice"]);
		expect(problems.map((p) => problemText(en, p))).toEqual([
			"Category must be a Dailymotion category id such as videogames",
			"For kids must be on or off",
			'After create must be "none", "obs" or "obs-start"',
		]);
	});

	it("treats an empty title as the default title", () => {
		expect(parseCreateLiveSettings({ title: "   " }).value.title).toBe(DEFAULT_TITLE);
	});
});

describe("title templates", () => {
	it("expands {date} and {time} in local time", () => {
		const at = new Date(2026, 10, 5, 9, 7);
		expect(expandTitle("Show {date} at {time}", at)).toBe("Show 2026-11-05 at 09:07");
	});

	it("caps the title at the API's 255 characters", () => {
		expect(expandTitle("x".repeat(300), new Date())).toHaveLength(255);
	});
});
