/**
 * Writes com.dailymotion.live.sdPlugin/<lang>.json for every language from the catalogs in src/i18n/catalogs (run by
 * `npm run build`; test/unit/i18n/locale-files.test.ts fails when a committed file is stale).
 *
 * Run: node_modules/.bin/node scripts/make-locales.ts [--check]   (--check: exit 1 instead of writing)
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import "./src-imports.ts";

const { CATALOGS } = await import("../src/i18n/catalogs/index.ts");
const { LANGUAGES } = await import("../src/i18n/languages.ts");
const { localeFile } = await import("../src/i18n/locale-file.ts");

const pluginDir = join(import.meta.dirname, "..", "com.dailymotion.live.sdPlugin");
const check = process.argv.includes("--check");

const manifest = JSON.parse(await readFile(join(pluginDir, "manifest.json"), "utf8")) as { Actions: { UUID: string }[] };
const uuids = manifest.Actions.map((a) => a.UUID);
let stale = 0;
for (const language of LANGUAGES) {
	const path = join(pluginDir, `${language}.json`);
	const text = `${JSON.stringify(localeFile(CATALOGS[language], uuids), null, "\t")}\n`;
	const current = await readFile(path, "utf8").catch(() => "");
	if (current === text) continue;
	stale++;
	if (check) console.error(`${language}.json is out of date: run node_modules/.bin/node scripts/make-locales.ts`);
	else await writeFile(path, text);
	if (!check) console.log(`wrote com.dailymotion.live.sdPlugin/${language}.json`);
}
if (check && stale > 0) process.exitCode = 1;
