import * as z from "zod/mini";
import type { ProblemKey } from "../i18n/messages.js";

/** The outcome of reading a settings object: always a complete value, plus what was wrong with the input. */
export interface Parsed<T> {
	value: T;
	/**
	 * What was wrong, as message keys (`problem.*`: the inspector shows them in the user's language, logs as they are).
	 * Never the offending value: it may be a secret.
	 */
	problems: ProblemKey[];
}

/**
 * Parses `raw` with `schema`. Fields that fail validation are reported and replaced by their defaults, so one bad
 * field never wipes the others; a non-object input counts as empty.
 */
export function parseSettings<S extends z.ZodMiniObject>(schema: S, raw: unknown): Parsed<z.output<S>> {
	const input = isRecord(raw) ? raw : {};
	const first = schema.safeParse(input);
	if (first.success) return { value: first.data, problems: [] };

	const badKeys = new Set(first.error.issues.map((issue) => String(issue.path[0])));
	const cleaned = Object.fromEntries(Object.entries(input).filter(([key]) => !badKeys.has(key)));
	const problems = first.error.issues.map((issue) => issue.message as ProblemKey);
	return { value: schema.parse(cleaned), problems };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A trimmed string setting; `null`/`undefined` fall back to `fallback`. */
export function text(fallback: string, message: ProblemKey) {
	return preprocess(
		(v) => (v === null || v === undefined ? undefined : v),
		z._default(z.string({ error: message }).check(z.trim()), fallback),
	);
}

/** A boolean setting that also accepts the strings "true"/"false" (as HTML forms produce). */
export function flag(fallback: boolean, message: ProblemKey) {
	return preprocess(
		(v) => (v === "true" ? true : v === "false" ? false : v === null ? undefined : v),
		z._default(z.boolean({ error: message }), fallback),
	);
}

/** zod/mini's spelling of classic zod's `z.preprocess` (which is this very pipe): `prepare`, then `schema`. */
export function preprocess<S extends z.ZodMiniType>(prepare: (value: unknown) => unknown, schema: S) {
	return z.pipe(z.transform(prepare), schema);
}

/** A problem message key, checked against the catalog (zod takes any string). */
export function problem(key: ProblemKey): ProblemKey {
	return key;
}
