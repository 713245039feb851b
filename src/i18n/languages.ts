/** The languages this plugin ships, named as Stream Deck names them (`-info.application.language`, `<lang>.json`). */
export const LANGUAGES = ["en", "fr", "de", "es", "ja", "zh_CN", "ko"] as const;

export type Language = (typeof LANGUAGES)[number];

/** The language everything falls back to when Stream Deck asks for one this plugin does not ship (zh_TW). */
export const DEFAULT_LANGUAGE: Language = "en";

export function isLanguage(value: unknown): value is Language {
	return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The shipped language for what Stream Deck reports ("fr", "zh_CN", …; anything else is English). */
export function resolveLanguage(reported: unknown): Language {
	return isLanguage(reported) ? reported : DEFAULT_LANGUAGE;
}

/** The BCP 47 tag `Intl` expects ("zh_CN" → "zh-CN"). */
export function localeOf(language: Language): string {
	return language.replace("_", "-");
}
