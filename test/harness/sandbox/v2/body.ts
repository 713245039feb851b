/** Strict JSON bodies and query parameters of API v2: unknown fields and wrong types are a 400, never ignored. */
import { categories } from "../channels.ts";
import type { SandboxRequest } from "../request.ts";
import { invalidParameter, V2Error } from "./errors.ts";

/** Checks one field's value and returns it parsed; throws a 400 naming the field. */
export type Rule = (value: unknown, field: string) => unknown;

/** The body of a write: `application/json`, valid JSON, an object. */
export function jsonObject(req: SandboxRequest): Record<string, unknown> {
	if (req.contentType !== "application/json") {
		throw new V2Error(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be application/json.");
	}
	if (req.invalidJson) throw new V2Error(400, "INVALID_JSON", "The request body is not valid JSON.");
	const body = req.json;
	if (typeof body !== "object" || body === null || Array.isArray(body)) throw new V2Error(400, "INVALID_JSON", "The request body must be a JSON object.");
	return body as Record<string, unknown>;
}

/** Applies `rules` to `body`: unknown fields and missing `required` ones are refused. */
export function checkBody(body: Record<string, unknown>, rules: Record<string, Rule>, required: readonly string[] = []): Record<string, unknown> {
	for (const field of Object.keys(body)) {
		if (!Object.hasOwn(rules, field)) throw invalidParameter(field, `Unknown field "${field}".`);
	}
	for (const field of required) {
		if (body[field] === undefined) throw invalidParameter(field, `The field "${field}" is required.`);
	}
	return Object.fromEntries(Object.entries(body).map(([field, value]) => [field, rules[field]!(value, field)]));
}

/** Refuses query parameters outside `allowed` (e.g. `limit` where v2 wants `page_size`). */
export function checkQuery(query: Record<string, string>, allowed: readonly string[]): void {
	for (const name of Object.keys(query)) {
		if (name === "access_token") throw invalidParameter(name, "Send the token in an Authorization: Bearer header.");
		if (!allowed.includes(name)) throw invalidParameter(name, `Unknown query parameter "${name}".`);
	}
}

/** An integer query parameter in [min, max], or the default. */
export function intParam(query: Record<string, string>, name: string, min: number, max: number, fallback: number): number {
	const raw = query[name];
	if (raw === undefined) return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
		throw invalidParameter(name, `"${name}" must be an integer between ${min} and ${max}.`);
	}
	return Number(raw);
}

/** Titles: 1–255 characters, not blank. */
export const title: Rule = (value, field) => {
	if (typeof value !== "string") throw invalidParameter(field, `"${field}" must be a string.`);
	if (value.trim() === "") throw invalidParameter(field, `"${field}" cannot be blank.`);
	if (value.length > 255) throw invalidParameter(field, `"${field}" cannot be longer than 255 characters.`);
	return value;
};

/** Strict JSON booleans: `"false"`, `0` and `null` are refused (no coercion). */
export const strictBoolean: Rule = (value, field) => {
	if (typeof value !== "boolean") throw invalidParameter(field, `"${field}" must be a JSON boolean (true or false).`);
	return value;
};

export const category: Rule = (value, field) => {
	if (typeof value !== "string" || !categories.has(value)) throw invalidParameter(field, `"${String(value)}" is not a valid category.`);
	return value;
};

/** `public` or `private` (the sandbox has no password-protected livestreams). */
export const visibility: Rule = (value, field) => {
	if (value !== "public" && value !== "private") throw invalidParameter(field, `"${field}" must be "public" or "private".`);
	return value;
};

export const description: Rule = (value, field) => {
	if (typeof value !== "string") throw invalidParameter(field, `"${field}" must be a string.`);
	if (value.length > 3000) throw invalidParameter(field, `"${field}" cannot be longer than 3000 characters.`);
	return value.trim();
};

/** A JSON integer ≥ 1 (`"1"` and `1.5` are refused). */
export const positiveInteger: Rule = (value, field) => {
	if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw invalidParameter(field, `"${field}" must be an integer of at least 1.`);
	return value;
};

/** `{"auto_record": true|false}`: the recording options a PATCH may change (API v2's recording guide). */
export const recordingOptions: Rule = (value, field) => {
	if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalidParameter(field, `"${field}" must be an object.`);
	const options = checkBody(value as Record<string, unknown>, { auto_record: strictBoolean }, ["auto_record"]);
	return options.auto_record;
};
