/**
 * Every catalog, for the build script that writes `<lang>.json`, the key preview sheet and tests. The plugin and
 * the inspector never import this: they load only the active language's `<lang>.json` at run time.
 */
import type { Language } from "../languages.js";
import { Messages, type Catalog } from "../messages.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ja } from "./ja.js";
import { ko } from "./ko.js";
import { zh_CN } from "./zh_CN.js";

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, fr, de, es, ja, zh_CN, ko };

/** Messages straight from a catalog (tests, scripts); a missing key throws, so a gap can never pass unnoticed. */
export function catalogMessages(language: Language): Messages {
	return new Messages(language, CATALOGS[language], (key) => {
		throw new Error(`no ${language} text for ${key}`);
	});
}
