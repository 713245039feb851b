import { describe, expect, it } from "vitest";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import { LATEST, liveIdFor, liveOptions } from "../../../src/ui/live-options.ts";
import type { LiveItem } from "../../../src/ui/messages.ts";
import { titlePreview } from "../../../src/ui/title-preview.ts";

const en = catalogMessages("en");
const NOW = new Date(2026, 10, 30, 15, 0);
const at = (d: Date) => Math.floor(d.getTime() / 1000);
const lives: LiveItem[] = [
	{ id: "old", title: "Old show", onair: false, createdTime: at(new Date(2026, 10, 28, 20, 0)) },
	{ id: "new", title: "New show", onair: false, createdTime: at(new Date(2026, 10, 30, 14, 5)) },
	{ id: "air", title: "", onair: true, createdTime: at(new Date(2026, 10, 29, 9, 0)) },
];

describe("current live picker", () => {
	it("offers the latest created first, then every live newest first", () => {
		const { options, selected } = liveOptions(lives, "new", NOW, en);
		expect(options.map((o) => o.value)).toEqual([LATEST, "new", "air", "old"]);
		expect(options.map((o) => o.label)).toEqual(["Latest created: New show", "New show · 14:05", "air · ON AIR", "Old show · Nov 28"]);
		expect(selected).toBe(LATEST);
	});

	it("selects an older live by id and keeps an unknown stored live visible", () => {
		expect(liveOptions(lives, "old", NOW, en).selected).toBe("old");
		const { options, selected } = liveOptions(lives, "gone", NOW, en);
		expect(selected).toBe("gone");
		expect(options.at(-1)).toEqual({ value: "gone", label: "gone (not in the list)" });
	});

	it("stores the newest live for 'latest created', and nothing when the profile has none", () => {
		expect(liveIdFor(LATEST, lives)).toBe("new");
		expect(liveIdFor("old", lives)).toBe("old");
		expect(liveIdFor(LATEST, [])).toBeUndefined();
		expect(liveOptions([], "", NOW, en).options).toEqual([{ value: LATEST, label: "Latest created (none yet)" }]);
	});

	it("speaks the inspector's language, dates included", () => {
		const { options } = liveOptions(lives, "gone", NOW, catalogMessages("fr"));
		expect(options.map((o) => o.label)).toEqual([
			"Dernier créé\u00a0: New show",
			"New show · 14:05",
			"air · EN DIRECT",
			"Old show · 28 nov.",
			"gone (absent de la liste)",
		]);
		expect(liveOptions(lives, "old", NOW, catalogMessages("ja")).options.at(-1)?.label).toBe("Old show · 11月28日");
	});
});

describe("title preview", () => {
	it("expands {date} and {time}, and previews the default template when empty", () => {
		expect(titlePreview("Show {date} at {time}", NOW)).toBe("Show 2026-11-30 at 15:00");
		expect(titlePreview("  ", NOW)).toBe("Live 2026-11-30 15:00");
	});
});
