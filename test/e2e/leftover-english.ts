/**
 * Finds English left in what a non-English user sees: any line that is (or, with placeholders, matches) an English
 * catalog message the language says differently, and common English UI words that no catalog should bring.
 */
import { CATALOGS } from "../../src/i18n/catalogs/index.ts";
import type { Language } from "../../src/i18n/languages.ts";
import type { Plural } from "../../src/i18n/messages.ts";
import type { Host } from "../harness/host/index.ts";
import { imageTexts } from "./support.ts";

/** Words of English interfaces that none of the other languages uses (a hard-coded string would bring them). */
const ENGLISH_WORDS =
	/\b(the|with|your|press|please|settings|loading|failed|ready|select|created|nothing|changed|saved|account|username|current|latest|reconnecting|starting|stopping|viewers?|left|cooldown)\b/i;

function forms(value: string | Plural): string[] {
	return (typeof value === "string" ? [value] : Object.values(value)).filter((v): v is string => typeof v === "string");
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Regular expressions for the English lines the language replaced (placeholders match anything). */
function englishLines(language: Language): RegExp[] {
	const en = CATALOGS.en as Record<string, string | Plural>;
	const own = CATALOGS[language] as Record<string, string | Plural>;
	const ownLines = new Set(Object.values(own).flatMap(forms).flatMap((f) => f.split("\n")));
	const lines = Object.entries(en)
		.filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(own[key]))
		.flatMap(([, value]) => forms(value).flatMap((f) => f.split("\n")))
		.filter((line) => !ownLines.has(line) && /\p{L}{3}/u.test(line.replace(/\{\w+\}/g, "")));
	return [...new Set(lines)].map((line) => new RegExp(`^${line.split(/\{\w+\}/).map(escape).join(".+")}$`, "u"));
}

/** Whether `text` is a run of whole words of one of the language's own lines (a face broken in two: "AUCUN" / "LIVE"). */
function ownFragment(text: string, language: Language): boolean {
	const pattern = new RegExp(`(^|\\s)${escape(text)}(\\s|$)`, "u");
	return (Object.values(CATALOGS[language]) as (string | Plural)[]).flatMap(forms).some((value) => value.split("\n").some((line) => pattern.test(line)));
}

/** The texts among `texts` (one line each) that are English in a `language` run. */
export function englishLeftovers(texts: readonly string[], language: Language): string[] {
	const patterns = englishLines(language);
	return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].filter(
		(text) => ENGLISH_WORDS.test(text) || (patterns.some((p) => p.test(text)) && !ownFragment(text, language)),
	);
}

/** Every text the plugin put on keys and dials since command `since`: image lines, title lines, touch strip, dial triggers. */
export function shownTexts(host: Host, since = 0): string[] {
	const texts: string[] = [];
	for (const c of host.commands.slice(since)) {
		const payload = (c.payload ?? {}) as Record<string, unknown>;
		if (c.event === "setImage") texts.push(...imageTexts(payload.image as string | undefined));
		if (c.event === "setTitle" && typeof payload.title === "string") texts.push(...payload.title.split("\n"));
		if (c.event === "setFeedback") for (const field of ["title", "value"]) if (typeof payload[field] === "string") texts.push(payload[field]);
		if (c.event === "setTriggerDescription") texts.push(...Object.values(payload).map(String));
	}
	return texts;
}
