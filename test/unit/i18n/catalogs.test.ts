/**
 * The catalogs as translators and the build see them: every language gives every English key with the same
 * placeholders, a form for each plural category of the language, titles broken into at most two lines, and no
 * sentence left in English by mistake.
 */
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../../src/i18n/catalogs/index.ts";
import { LANGUAGES, localeOf, type Language } from "../../../src/i18n/languages.ts";
import type { Catalog, Plural } from "../../../src/i18n/messages.ts";

const en = CATALOGS.en;
const KEYS = Object.keys(en).sort();
const others = LANGUAGES.filter((l) => l !== "en");

function placeholders(value: string | Plural): string[] {
	const texts = typeof value === "string" ? [value] : Object.values(value);
	return [...new Set(texts.flatMap((text) => [...(text ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

function entries(catalog: Catalog): [string, string | Plural][] {
	return Object.entries(catalog) as [string, string | Plural][];
}

/** Words that stay as they are in every language: names, protocols, and the plugin's brand. */
const SAME_EVERYWHERE = new Set(["Dailymotion Live", "OBS", "API", "API v2 (/v2/livestreams)", "{name} ({id})", "TV", "Webcam", "Sport", "{headline}: {reason}", "{headline}: {detail}", "API URL", "WebSocket URL", "{kbps} kb/s"]);
/** Per language, the few values that are rightly the same as English (loanwords the language uses). */
const SAME_AS_ENGLISH: Partial<Record<Language, readonly string[]>> = {
	fr: ["Live", "Tech", "People"],
	de: ["LIVE", "Live", "OFFLINE", "Gaming", "Comedy & Unterhaltung", "Webcam", "LIVE\n{rate}"],
	es: ["ERROR", "Error"],
	ko: ["TV"],
};

describe.each(LANGUAGES)("the %s catalog", (language) => {
	const catalog = CATALOGS[language];

	it("gives exactly the English keys", () => {
		expect(Object.keys(catalog).sort()).toEqual(KEYS);
	});

	it("uses the same placeholders as English in every message", () => {
		const wrong = entries(catalog).filter(([key, value]) => placeholders(value).join() !== placeholders(en[key as keyof typeof en]).join());
		expect(wrong.map(([key]) => key)).toEqual([]);
	});

	it("gives a form for every plural category of the language, and none it does not have", () => {
		const categories = new Intl.PluralRules(localeOf(language)).resolvedOptions().pluralCategories.slice().sort();
		const plurals = entries(catalog).filter((entry): entry is [string, Plural] => typeof entry[1] !== "string");
		expect(plurals.map(([key]) => key).sort()).toEqual(entries(en).filter(([, v]) => typeof v !== "string").map(([k]) => k).sort());
		for (const [key, forms] of plurals) expect(Object.keys(forms).sort(), key).toEqual(categories);
	});

	it("breaks key titles into at most two lines, and key faces not at all", () => {
		for (const [key, value] of entries(catalog)) {
			if (typeof value !== "string") continue;
			const lines = value.split("\n");
			if (key.startsWith("title.") || /^error\..*\.title$/.test(key)) expect(lines.length, key).toBeLessThanOrEqual(2);
			else expect(lines, key).toHaveLength(1);
			for (const line of lines) expect(line, key).toBe(line.trim());
		}
	});

	it("writes key faces in capitals (where the script has them)", () => {
		for (const [key, value] of entries(catalog)) {
			if (!key.startsWith("face.")) continue;
			for (const text of typeof value === "string" ? [value] : Object.values(value)) {
				expect(text, key).toBe(text!.toLocaleUpperCase(localeOf(language)).replace("{COUNT}", "{count}"));
			}
		}
	});
});

describe.each(others)("the %s catalog has no English left in it", (language) => {
	it("differs from English wherever the language has its own word", () => {
		const allowed = new Set([...SAME_EVERYWHERE, ...(SAME_AS_ENGLISH[language] ?? [])]);
		const same = entries(CATALOGS[language])
			.filter(([key, value]) => JSON.stringify(value) === JSON.stringify(en[key as keyof typeof en]))
			.filter(([key, value]) => typeof value !== "string" || !allowed.has(value) || key.startsWith("problem."))
			.filter(([key]) => key !== "plugin.name");
		expect(same.map(([key, value]) => `${key}: ${JSON.stringify(value)}`)).toEqual([]);
	});
});
