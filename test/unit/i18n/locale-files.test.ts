/**
 * The committed `<lang>.json` files are the catalogs as `scripts/make-locales.ts` writes them (run by `npm run build`):
 * one per language, with the action list's names and tooltips for every action of the manifest, and a `Localization`
 * object (the SDK refuses a file without it).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../../../src/i18n/catalogs/index.ts";
import { LANGUAGES } from "../../../src/i18n/languages.ts";
import { localeFile, parseLocaleFile } from "../../../src/i18n/locale-file.ts";

const PLUGIN_DIR = join(import.meta.dirname, "../../../com.dailymotion.live.sdPlugin");
const manifest = JSON.parse(readFileSync(join(PLUGIN_DIR, "manifest.json"), "utf8")) as {
	Name: string;
	Description: string;
	Actions: { UUID: string; Name: string; Tooltip: string; Encoder?: { TriggerDescription?: { Push?: string } } }[];
};
const uuids = manifest.Actions.map((a) => a.UUID);

describe.each(LANGUAGES)("%s.json", (language) => {
	const path = join(PLUGIN_DIR, `${language}.json`);

	it("is up to date with the catalog (node_modules/.bin/node scripts/make-locales.ts rewrites it)", () => {
		expect(existsSync(path)).toBe(true);
		expect(readFileSync(path, "utf8")).toBe(`${JSON.stringify(localeFile(CATALOGS[language], uuids), null, "\t")}\n`);
	});

	it("names every action and carries the plugin's messages under Localization", () => {
		const file = JSON.parse(readFileSync(path, "utf8")) as Record<string, { Name?: string; Tooltip?: string }>;
		for (const uuid of uuids) {
			expect(file[uuid]?.Name, uuid).toBeTruthy();
			expect(file[uuid]?.Tooltip, uuid).toBeTruthy();
		}
		expect(Object.keys(parseLocaleFile(readFileSync(path, "utf8")))).toEqual(Object.keys(CATALOGS.en));
	});
});

describe("the English catalog and the manifest", () => {
	it("say the same things (the manifest is what Stream Deck shows without a language file)", () => {
		const en = JSON.parse(readFileSync(join(PLUGIN_DIR, "en.json"), "utf8")) as Record<string, { Name: string; Tooltip: string }>;
		expect(en.Name).toBe(manifest.Name);
		expect(en.Description).toBe(manifest.Description);
		for (const action of manifest.Actions) {
			expect(en[action.UUID], action.UUID).toEqual({ Name: action.Name, Tooltip: action.Tooltip });
			const push = action.Encoder?.TriggerDescription?.Push;
			if (push) expect(CATALOGS.en[`action.${action.UUID.split(".").pop()}.push` as keyof typeof CATALOGS.en]).toBe(push);
		}
	});
});

describe("localeFile", () => {
	it("refuses a manifest action the catalog does not name (a build failure, not a silent gap)", () => {
		expect(() => localeFile(CATALOGS.fr, ["com.dailymotion.live.newaction"])).toThrow(/action\.newaction/);
	});
});
