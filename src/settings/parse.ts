import { z } from "zod";
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
export function parseSettings<S extends z.ZodObject>(schema: S, raw: unknown): Parsed<z.output<S>> {
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
	return z.preprocess(
		(v) => (v === null || v === undefined ? undefined : v),
		z.string({ error: message }).trim().default(fallback),
	);
}

/** A boolean setting that also accepts the strings "true"/"false" (as HTML forms produce). */
export function flag(fallback: boolean, message: ProblemKey) {
	return z.preprocess(
		(v) => (v === "true" ? true : v === "false" ? false : v === null ? undefined : v),
		z.boolean({ error: message }).default(fallback),
	);
}

/** A problem message key, checked against the catalog (zod takes any string). */
export function problem(key: ProblemKey): ProblemKey {
	return key;
}
