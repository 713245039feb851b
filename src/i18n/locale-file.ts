/**
 * The `<lang>.json` files in the `.sdPlugin` folder (stream-deck.md §1.9): the action list's names and tooltips at the
 * top level, and every message under `Localization` (the SDK refuses a file without it). They are written from the
 * catalogs by `scripts/make-locales.ts` (run by `npm run build`) and read back at run time, so the plugin and the
 * inspector load one language only.
 */
import type { Catalog, LoadedCatalog } from "./messages.js";

/** What Stream Deck reads from `<lang>.json`, plus our messages. */
export interface LocaleFile {
	Name: string;
	Description: string;
	Localization: Catalog;
	/** `<action UUID>`: the action list entry. */
	[uuid: string]: { Name: string; Tooltip: string } | string | Catalog;
}

/** The catalog key prefix of an action: `com.dailymotion.live.adbreak` → `action.adbreak`. */
export function actionKey(uuid: string): string {
	return `action.${uuid.slice(uuid.lastIndexOf(".") + 1)}`;
}

/** Builds one language's file; throws when the catalog lacks an action of the manifest (a build failure, not a gap). */
export function localeFile(catalog: Catalog, actionUuids: readonly string[]): LocaleFile {
	const file = { Name: catalog["plugin.name"], Description: catalog["plugin.description"] } as LocaleFile;
	const strings = catalog as unknown as Record<string, unknown>;
	for (const uuid of actionUuids) {
		const name = strings[`${actionKey(uuid)}.name`];
		const tooltip = strings[`${actionKey(uuid)}.tooltip`];
		if (typeof name !== "string" || typeof tooltip !== "string") throw new Error(`no ${actionKey(uuid)}.name/.tooltip for ${uuid}`);
		file[uuid] = { Name: name, Tooltip: tooltip };
	}
	file.Localization = catalog; // last, after what the app reads
	return file;
}

/** The messages of a `<lang>.json` text; throws when it is not JSON or has no `Localization` object. */
export function parseLocaleFile(text: string): LoadedCatalog {
	const json: unknown = JSON.parse(text);
	const messages = typeof json === "object" && json !== null ? (json as Record<string, unknown>).Localization : undefined;
	if (typeof messages !== "object" || messages === null || Array.isArray(messages)) throw new TypeError("no Localization object");
	return messages as LoadedCatalog;
}
