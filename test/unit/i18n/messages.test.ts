import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CATALOGS, catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import { loadMessages } from "../../../src/i18n/load-node.ts";
import { localeFile } from "../../../src/i18n/locale-file.ts";
import { Messages } from "../../../src/i18n/messages.ts";
import { problemText } from "../../../src/settings/problems.ts";

describe("Messages", () => {
	it("fills named placeholders, formatting numbers for the language", () => {
		expect(catalogMessages("en").t("pi.live.notListed", { id: "x1" })).toBe("x1 (not in the list)");
		expect(catalogMessages("de").t("pi.obs.connected", { obs: "30.2.3", websocket: "5.5.2" })).toBe("Mit OBS 30.2.3 verbunden (obs-websocket 5.5.2)");
		expect(catalogMessages("fr").t("title.holdToStop", { duration: catalogMessages("fr").seconds(1) })).toMatch(/^Tenir 1\s?s\npour arrêter$/u);
	});

	it.each([
		["en", 1, "1 LEFT"],
		["en", 23, "23 LEFT"],
		["fr", 0, "0 RESTANTE"],
		["fr", 1, "1 RESTANTE"],
		["fr", 2, "2 RESTANTES"],
		["es", 1, "QUEDA 1"],
		["es", 5, "QUEDAN 5"],
		["de", 1, "1 ÜBRIG"],
		["ja", 3, "残り3回"],
		["ko", 3, "3회 남음"],
	] as const)("picks the %s plural form for %d: %s", (language, count, text) => {
		expect(catalogMessages(language).plural("face.adBreak.left", count)).toBe(text);
	});

	it("uses the 'other' form and the shown text when the count is unknown", () => {
		expect(catalogMessages("en").plural("strip.status.viewers", Number.NaN, "—")).toBe("— viewers");
		expect(catalogMessages("fr").plural("strip.status.viewers", 1234, "1,2\u00a0k")).toBe("1,2\u00a0k spectateurs");
	});

	it.each([
		["en", [987, 1234, 12_345, 999_999, 1_234_567], ["987", "1.2K", "12K", "999K", "1.2M"]],
		["fr", [1234, 999_999], ["1,2\u00a0k", "999\u00a0k"]],
		["de", [1234, 1_234_567], ["1234", "1,2\u00a0Mio."]],
		["ja", [12_345], ["1.2万"]],
	] as const)("shortens viewer counts for %s, truncating", (language, counts, texts) => {
		const m = catalogMessages(language);
		expect(counts.map((n) => m.compact(n))).toEqual(texts);
	});

	it("formats durations and lists for the language", () => {
		expect(catalogMessages("de").seconds(35)).toBe("35 Sek.");
		expect(catalogMessages("ja").seconds(35)).toBe("35 秒");
		expect(catalogMessages("fr").list(["titre", "catégorie", "confidentialité"])).toBe("titre, catégorie et confidentialité");
	});

	it("shows a key missing at run time as itself and reports it once", () => {
		const missing: string[] = [];
		const m = new Messages("fr", {}, (key) => missing.push(key));
		expect(m.t("face.failed")).toBe("face.failed");
		expect(m.t("face.failed")).toBe("face.failed");
		expect(m.plural("face.adBreak.left", 2)).toBe("face.adBreak.left");
		expect(missing).toEqual(["face.failed", "face.adBreak.left"]);
	});

	it("words settings problems with the rules' own numbers", () => {
		expect(problemText(catalogMessages("en"), "problem.cooldown.min")).toBe("Cooldown must be at least 35 sec (an ad break lasts 35 sec)");
		expect(problemText(catalogMessages("de"), "problem.cooldown.max")).toBe("Die Wartezeit darf höchstens 3.600 Sek. betragen");
	});
});

describe("loadMessages (the plugin's <lang>.json)", () => {
	let dir: string | undefined;
	const errors: string[] = [];
	const logger = { error: (...args: unknown[]) => errors.push(args.map(String).join(" ")), warn: () => 0, info: () => 0, debug: () => 0 };
	const write = (language: keyof typeof CATALOGS, text?: string): void => {
		dir ??= mkdtempSync(join(tmpdir(), "locales-"));
		writeFileSync(join(dir, `${language}.json`), text ?? JSON.stringify(localeFile(CATALOGS[language], [])));
	};

	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
		errors.length = 0;
	});

	it("reads the language Stream Deck reports", () => {
		write("en");
		write("fr");
		const m = loadMessages("fr", logger, dir);
		expect([m.language, m.t("face.create.idle")]).toEqual(["fr", "NOUVEAU"]);
		expect(errors).toEqual([]);
	});

	it("speaks English for a language the plugin does not ship (zh_TW)", () => {
		write("en");
		expect(loadMessages("zh_TW", logger, dir).t("face.create.idle")).toBe("NEW LIVE");
		expect(errors).toEqual([]);
	});

	it("falls back to English, loudly, when the language's file is broken or has no Localization", () => {
		write("en");
		write("de", JSON.stringify({ Name: "x" }));
		expect(loadMessages("de", logger, dir).t("face.create.idle")).toBe("NEW LIVE");
		expect(errors.join("\n")).toMatch(/de\.json/);
	});

	it("never throws, even without any file", () => {
		dir = mkdtempSync(join(tmpdir(), "locales-"));
		expect(loadMessages("fr", logger, dir).t("face.failed")).toBe("face.failed");
	});
});
