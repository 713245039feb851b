/**
 * The words of one language, as every part of the plugin and the inspector uses them. The English catalog
 * (`catalogs/en.ts`) defines the keys and their placeholders; every other catalog must give every key (a type error
 * otherwise, and `test/unit/i18n` checks placeholders and plural forms). Messages are whole sentences with named
 * `{placeholders}`: never glue translated pieces together.
 */
import type { en } from "./catalogs/en.js";
import { localeOf, type Language } from "./languages.js";

type English = typeof en;

/** Every message key. */
export type MessageKey = keyof English;

/** A message with a form per plural category of the language (`Intl.PluralRules`); `{count}` is the number. */
export type Plural = { readonly other: string } & Partial<Readonly<Record<Intl.LDMLPluralRule, string>>>;

/** Keys of plain messages. */
export type TextKey = { [K in MessageKey]: English[K] extends string ? K : never }[MessageKey];
/** Keys of plural messages (see {@link Messages.plural}). */
export type PluralKey = Exclude<MessageKey, TextKey>;
/** Keys of plain messages without placeholders (for tables of keys, such as one per state). */
export type PlainKey = { [K in TextKey]: [Placeholders<English[K]>] extends [never] ? K : never }[TextKey];
/** Keys of the settings problems (zod messages, inline validation). */
export type ProblemKey = Extract<TextKey, `problem.${string}`>;

/** One language's catalog: the same keys as English, a string or plural forms each. */
export type Catalog = { readonly [K in MessageKey]: English[K] extends string ? string : Plural };

/** The placeholder names of an English message. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Values for a message's placeholders (numbers are formatted for the language). */
export type Params<Name extends string> = Readonly<Record<Name, string | number>>;
type ArgsOf<Name extends string> = [Name] extends [never] ? [] : [params: Params<Name>];

/** What a loaded catalog may look like at run time (a `<lang>.json` file is not type-checked). */
export type LoadedCatalog = Readonly<Record<string, unknown>>;

/**
 * Formats messages and numbers for one language. Pure: it holds a catalog and `Intl` formatters, nothing global.
 * A key missing at run time (a damaged `<lang>.json`) shows as the key itself and is reported once to `onMissing`.
 */
export class Messages {
	readonly language: Language;
	/** BCP 47 tag for `Intl` and `<html lang>`. */
	readonly locale: string;
	readonly #catalog: LoadedCatalog;
	// Created on first use: the first NumberFormat loads ICU data (~10 ms), which start-up does not need.
	#plurals: Intl.PluralRules | undefined;
	#numbers: Intl.NumberFormat | undefined;
	#seconds: Intl.NumberFormat | undefined;
	#minutes: Intl.NumberFormat | undefined;
	#compact: Intl.NumberFormat | undefined;
	readonly #missing = new Set<string>();
	readonly #onMissing: (key: string) => void;

	constructor(language: Language, catalog: LoadedCatalog, onMissing: (key: string) => void = () => undefined) {
		this.language = language;
		this.locale = localeOf(language);
		this.#catalog = catalog;
		this.#onMissing = onMissing;
	}

	/** A plain message with its placeholders filled in. */
	t<K extends TextKey>(key: K, ...args: ArgsOf<Placeholders<English[K]>>): string {
		return this.format(key, args[0] ?? {});
	}

	/**
	 * The form of a plural message for `count`; its `{count}` is the number formatted for the language, or `shown`
	 * (a compact "1.2K", or "—" when the count is unknown: then the `other` form is used).
	 */
	plural(key: PluralKey, count: number, shown?: string): string {
		const forms = this.#catalog[key];
		if (typeof forms !== "object" || forms === null) return this.#miss(key);
		const byCategory = forms as Record<string, unknown>;
		this.#plurals ??= new Intl.PluralRules(this.locale);
		const form = (Number.isFinite(count) ? byCategory[this.#plurals.select(count)] : undefined) ?? byCategory.other;
		const text = shown ?? (Number.isFinite(count) ? this.number(count) : "—");
		return typeof form === "string" ? fill(form, { count: text }, (n) => this.number(n)) : this.#miss(key);
	}

	/**
	 * A message whose key is only known at run time (a settings problem, an error code), with any params: unknown
	 * placeholders stay as written. Prefer {@link t}, which checks the params.
	 */
	format(key: string, params: Params<string> = {}): string {
		const text = this.#catalog[key];
		return typeof text === "string" ? fill(text, params, (n) => this.number(n)) : this.#miss(key);
	}

	/** Whether the catalog has this key (for texts that may come from elsewhere, such as a zod default message). */
	has(key: string): boolean {
		return key in this.#catalog;
	}

	/** "1,234" / "1 234" / "1.234". */
	number(n: number): string {
		this.#numbers ??= new Intl.NumberFormat(this.locale);
		return this.#numbers.format(n);
	}

	/** A duration in seconds: "35 s", "35 Sek.", "35 秒". */
	seconds(n: number): string {
		this.#seconds ??= new Intl.NumberFormat(this.locale, { style: "unit", unit: "second", unitDisplay: "short" });
		return this.#seconds.format(n);
	}

	/** A duration in minutes: "15 min", "15 Min.", "15 分". */
	minutes(n: number): string {
		this.#minutes ??= new Intl.NumberFormat(this.locale, { style: "unit", unit: "minute", unitDisplay: "short" });
		return this.#minutes.format(n);
	}

	/** A short count for small screens: "987", "1.2K", "12K", "1.2M" (or the language's own units, "1,2万"). */
	compact(n: number): string {
		// Truncated, never rounded up: 999 999 viewers is "999K", not "1M".
		this.#compact ??= new Intl.NumberFormat(this.locale, { notation: "compact", roundingMode: "trunc" });
		return this.#compact.format(Math.max(0, Math.floor(n)));
	}

	/** "title, category and private flag", with the language's own list words. */
	list(items: readonly string[]): string {
		return new Intl.ListFormat(this.locale, { type: "conjunction" }).format(items);
	}

	#miss(key: string): string {
		if (!this.#missing.has(key)) {
			this.#missing.add(key);
			this.#onMissing(key);
		}
		return key;
	}
}

function fill(text: string, params: Params<string>, number: (n: number) => string): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === "number" ? number(value) : value;
	});
}
