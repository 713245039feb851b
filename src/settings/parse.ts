import { z } from "zod";

/** The outcome of reading a settings object: always a complete value, plus what was wrong with the input. */
export interface Parsed<T> {
	value: T;
	/** Human-readable problems (never contain the offending value: it may be a secret). */
	problems: string[];
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
	const problems = first.error.issues.map((issue) => issue.message);
	return { value: schema.parse(cleaned), problems };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A trimmed string setting; `null`/`undefined` fall back to `fallback`. */
export function text(fallback = "", message?: string) {
	return z.preprocess(
		(v) => (v === null || v === undefined ? undefined : v),
		z.string({ error: message }).trim().default(fallback),
	);
}

/** A boolean setting that also accepts the strings "true"/"false" (as HTML forms produce). */
export function flag(fallback: boolean, message: string) {
	return z.preprocess(
		(v) => (v === "true" ? true : v === "false" ? false : v === null ? undefined : v),
		z.boolean({ error: message }).default(fallback),
	);
}
