/** Loads the plugin's messages from `<lang>.json` in the plugin folder (the app starts the plugin with it as cwd). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../log.js";
import { DEFAULT_LANGUAGE, resolveLanguage } from "./languages.js";
import { parseLocaleFile } from "./locale-file.js";
import { Messages } from "./messages.js";

/**
 * The messages for the language Stream Deck reports (`-info.application.language`). A language the plugin does not
 * ship is English; an unreadable file falls back to English with an error in the log; if even that fails, keys show
 * as themselves rather than crash the plugin.
 */
export function loadMessages(reported: unknown, logger: Logger, dir: string = process.cwd()): Messages {
	const language = resolveLanguage(reported);
	const onMissing = (key: string): void => void logger.error(`No text for "${key}" in the ${language} messages`);
	for (const candidate of new Set([language, DEFAULT_LANGUAGE])) {
		try {
			const catalog = parseLocaleFile(readFileSync(join(dir, `${candidate}.json`), "utf8"));
			if (candidate !== language) logger.error(`Using English: ${language}.json is unreadable`);
			return new Messages(candidate, catalog, onMissing);
		} catch (err) {
			logger.error(`Cannot read ${candidate}.json`, err);
		}
	}
	return new Messages(language, {}, onMissing);
}
