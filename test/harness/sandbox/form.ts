/** Validation of legacy form and query parameters (§3): strict, so client typos fail loudly. */
import { categories } from "./channels.ts";
import { ApiError, invalidParameter } from "./errors.ts";

const trueValues = new Set(["1", "true", "yes"]);
const falseValues = new Set(["0", "false", "no"]);

/** Legacy booleans: 1/true/yes and 0/false/no; anything else is a 400. */
export function parseBoolean(param: string, value: string): boolean {
	if (trueValues.has(value)) return true;
	if (falseValues.has(value)) return false;
	throw invalidParameter(param, `The parameter "${param}" must be a boolean (1/true/yes or 0/false/no).`);
}

/** A category id from §4.2. */
export function parseChannel(value: string): string {
	if (!categories.has(value)) throw invalidParameter("channel", `"${value}" is not a valid channel (category) id.`);
	return value;
}

/** Titles are 1–255 characters. */
export function parseTitle(value: string): string {
	if (value.trim() === "") throw invalidParameter("title", "The title cannot be empty.");
	if (value.length > 255) throw invalidParameter("title", "The title cannot be longer than 255 characters.");
	return value;
}

/** Descriptions are at most 5000 characters (partner limit). */
export function parseDescription(value: string): string {
	if (value.length > 5000) throw invalidParameter("description", "The description cannot be longer than 5000 characters.");
	return value;
}

/** Comma-separated tags. */
export function parseTags(value: string): string[] {
	return value
		.split(",")
		.map((t) => t.trim())
		.filter(Boolean);
}

/** Refuses any parameter outside `allowed` (e.g. `publish` for `published`, `live_ad_break` on create). */
export function rejectUnknown(params: Record<string, string>, allowed: readonly string[], where: string): void {
	for (const name of Object.keys(params)) {
		if (allowed.includes(name)) continue;
		if (name === "access_token") {
			throw invalidParameter(name, "The access_token query parameter is not accepted, send an Authorization: Bearer header.");
		}
		throw invalidParameter(name, `The ${where} parameter "${name}" is not recognized.`);
	}
}

/** Throws 400 missing_required_parameter for the first absent name. */
export function requireParams(params: Record<string, string>, names: readonly string[]): void {
	for (const name of names) {
		if (params[name] === undefined) {
			throw new ApiError(400, "missing_required_parameter", `Missing required parameter "${name}".`, {
				reason: "missing_required_parameter",
				param: name,
			});
		}
	}
}

/** Integer within [min, max], or the default when absent. */
export function parseIntParam(params: Record<string, string>, name: string, min: number, max: number, fallback: number): number {
	const raw = params[name];
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || value < min || value > max) {
		throw invalidParameter(name, `The parameter "${name}" must be an integer between ${min} and ${max}.`);
	}
	return value;
}

/** A POST body must be form-urlencoded (a JSON body would silently lose every field). */
export function requireFormBody(contentType: string, hasBody: boolean): void {
	if (hasBody && contentType !== "application/x-www-form-urlencoded") {
		throw new ApiError(400, "invalid_parameter", "The request body must be application/x-www-form-urlencoded.");
	}
}
