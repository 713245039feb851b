import { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError, SchemaValidationError } from "ky";
import {
	ApiError,
	AuthError,
	DailymotionError,
	NetworkError,
	NotFoundError,
	PermissionError,
	RateLimitError,
	ServerError,
	TimeoutError,
	UnexpectedResponseError,
} from "./errors.js";
import { legacyErrorSchema, oauthErrorSchema, v2ErrorSchema } from "./schemas.js";

/** Which endpoint answered: the OAuth token endpoint or the REST API. */
export type ErrorSource = "token" | "api";

/** How to turn a failure into a message: where it came from and how to scrub secrets from API text. */
export interface MappingContext {
	source: ErrorSource;
	/** Removes secrets from text copied from an answer (defaults to identity). */
	redact?: (text: string) => string;
	/** Clock for HTTP-date `Retry-After` values (default `Date.now`). */
	now?: () => number;
}

/** A non-2xx answer, reduced to what classification needs. */
export interface ErrorResponse {
	status: number;
	/** Parsed JSON body, the raw text (HTML…), or undefined. */
	body: unknown;
	retryAfter?: string | null;
}

const MAX_MESSAGE = 200;

/** `Retry-After` (delay seconds or HTTP date) → milliseconds, or undefined when absent/malformed. */
export function parseRetryAfter(value: string | null | undefined, now: () => number = Date.now): number | undefined {
	if (value === null || value === undefined || value.trim() === "") return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

/**
 * Pulls `type`/`message` from a legacy, v2 or OAuth error body; nothing from HTML or other text. A v2 `code`
 * (`RESOURCE_NOT_FOUND`) becomes the lower-case `type` (`resource_not_found`), in the legacy types' style.
 */
function describeBody(body: unknown): { type?: string; message?: string } {
	const v2 = v2ErrorSchema.safeParse(body);
	if (v2.success) return { type: v2.data.error.code.toLowerCase(), message: v2.data.error.message };
	const legacy = legacyErrorSchema.safeParse(body);
	if (legacy.success) return { type: legacy.data.error.type, message: legacy.data.error.message };
	const oauth = oauthErrorSchema.safeParse(body);
	if (oauth.success) return { type: oauth.data.error, message: oauth.data.error_description };
	return {};
}

function clean(text: string | undefined, context: MappingContext): string | undefined {
	if (!text) return undefined;
	const scrubbed = (context.redact ?? ((t: string) => t))(text.trim());
	return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE - 1)}…` : scrubbed;
}

/** Classifies a non-2xx answer by status (and endpoint), never by message text. */
export function errorFromResponse(response: ErrorResponse, context: MappingContext): DailymotionError {
	const { status } = response;
	const described = describeBody(response.body);
	const apiMessage = clean(described.message, context);
	const options = { status, type: described.type ?? `http_${status}` };

	if (context.source === "token" && (status === 400 || status === 401 || status === 403)) {
		const reason = apiMessage ?? described.type ?? `HTTP ${status}`;
		return new AuthError(`Dailymotion login failed: ${reason}`, options);
	}
	if (status === 401) return new AuthError(apiMessage ?? "Dailymotion rejected the access token", options);
	if (described.type === "missing_permissions") {
		return new PermissionError(`API key lacks live permission${apiMessage ? ` (${apiMessage})` : ""}`, options);
	}
	// v2 codes are stable: a RESOURCE_NOT_FOUND is a missing live whatever the status says.
	if (status === 404 || described.type === "resource_not_found") return new NotFoundError(apiMessage ?? "Not found on Dailymotion", options);
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(response.retryAfter, context.now);
		const message = apiMessage ?? "Too many requests to Dailymotion, try again later";
		return new RateLimitError(message, retryAfterMs === undefined ? options : { ...options, retryAfterMs });
	}
	if (status >= 500) {
		const suffix = apiMessage ? `: ${apiMessage}` : "";
		return new ServerError(`Dailymotion server error (HTTP ${status})${suffix}`, options);
	}
	if (status >= 400) return new ApiError(apiMessage ?? `Dailymotion refused the request (HTTP ${status})`, options);
	// The transport never follows redirects (node-fetch.ts): the APIs do not send them, so one is a misconfigured URL.
	if (status >= 300 && status < 400) {
		return new UnexpectedResponseError(`Dailymotion answered with a redirect (HTTP ${status}); check the API URL`, options);
	}
	return new UnexpectedResponseError(`Unexpected answer from Dailymotion (HTTP ${status})`, options);
}

/**
 * The one place where ky/fetch/zod failures become typed Dailymotion errors. ky's own errors are not kept
 * as `cause` because they carry the request (Authorization header, form body with secrets).
 */
export function toDailymotionError(error: unknown, context: MappingContext): DailymotionError {
	if (error instanceof DailymotionError) return error;
	if (isHTTPError(error)) {
		return errorFromResponse(
			{ status: error.response.status, body: error.data, retryAfter: error.response.headers.get("retry-after") },
			context,
		);
	}
	if (isKyTimeoutError(error)) return new TimeoutError("Dailymotion did not answer in time", { type: "timeout" });
	if (isKyNetworkError(error)) {
		return new NetworkError("Cannot reach Dailymotion", { type: "network", cause: error.cause });
	}
	if (error instanceof SchemaValidationError) {
		const path = error.issues[0]?.path?.map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".");
		const where = path ? ` (${path})` : "";
		return new UnexpectedResponseError(`Unexpected answer from Dailymotion${where}`, { type: "unexpected_response" });
	}
	if (error instanceof SyntaxError) {
		return new UnexpectedResponseError("Dailymotion sent an answer that is not JSON", { type: "unexpected_response" });
	}
	// Fetch rejects with a TypeError for network failures, including a connection dropped mid-body.
	if (error instanceof TypeError) return new NetworkError("Connection to Dailymotion lost", { type: "network", cause: error });
	if (error instanceof Error && error.name === "TimeoutError") {
		return new TimeoutError("Dailymotion did not answer in time", { type: "timeout" });
	}
	return new DailymotionError("Unexpected error while talking to Dailymotion", { type: "unknown", cause: error });
}
