/** The scan the language e2e tests use: it must find English, and must not mistake any translation for English. */
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../../src/i18n/catalogs/index.ts";
import { LANGUAGES } from "../../../src/i18n/languages.ts";
import type { Plural } from "../../../src/i18n/messages.ts";
import { englishLeftovers } from "../../e2e/leftover-english.ts";

/** Every line of a catalog, placeholders filled with a number. */
function lines(language: keyof typeof CATALOGS): string[] {
	return (Object.values(CATALOGS[language]) as (string | Plural)[])
		.flatMap((v) => (typeof v === "string" ? [v] : Object.values(v)))
		.flatMap((text) => String(text).split("\n"))
		.map((line) => line.replace(/\{\w+\}/g, "7"));
}

describe.each(LANGUAGES.filter((l) => l !== "en"))("the leftover-English scan in a %s run", (language) => {
	it("passes every line of the catalog", () => {
		expect(englishLeftovers(lines(language), language)).toEqual([]);
	});

	it("flags the English lines the language replaced, and English words no catalog has", () => {
		expect(englishLeftovers(lines("en"), language).length).toBeGreaterThan(200);
		expect(englishLeftovers(["Hold 1 s", "23 LEFT", "Connected to the legacy API (partner key, no profile id)", "Please wait"], language)).toHaveLength(4);
	});
});
