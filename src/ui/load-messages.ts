import { DEFAULT_LANGUAGE, resolveLanguage } from "../i18n/languages.js";
import { parseLocaleFile } from "../i18n/locale-file.js";
import { Messages, type LoadedCatalog } from "../i18n/messages.js";

/**
 * The inspector's messages for the language Stream Deck gave it (`info.application.language`), never the browser's:
 * `<lang>.json` next to the manifest, one level above ui/. XMLHttpRequest rather than fetch, because the app may load
 * inspectors from file: URLs, which fetch refuses (Elgato's own inspector library reads these files the same way).
 * An unreadable file falls back to English; if that fails too, keys show as themselves.
 */
export async function loadInspectorMessages(reported: unknown): Promise<Messages> {
	const language = resolveLanguage(reported);
	const onMissing = (key: string): void => console.error(`No ${language} text for "${key}"`);
	for (const candidate of new Set([language, DEFAULT_LANGUAGE])) {
		try {
			return new Messages(candidate, parseLocaleFile(await readText(`../${candidate}.json`)), onMissing);
		} catch (err) {
			console.error(`Cannot read ${candidate}.json`, err);
		}
	}
	return new Messages(language, {} as LoadedCatalog, onMissing);
}

function readText(url: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open("GET", url);
		request.overrideMimeType("application/json");
		request.onload = () => (request.status === 0 || (request.status >= 200 && request.status < 300) ? resolve(request.responseText) : reject(new Error(`HTTP ${request.status}`)));
		request.onerror = () => reject(new Error(`cannot load ${url}`));
		request.send();
	});
}
