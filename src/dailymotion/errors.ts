/**
 * Typed errors of the Dailymotion client. Callers decide what to do next from the class (or `status`/`type`),
 * never from message text. Messages are short, human, and never contain secrets.
 */

/** Options shared by every Dailymotion error. */
export interface DailymotionErrorOptions {
	/** HTTP status, when a response was received. */
	status?: number;
	/** The API's error `type` (legacy body) or OAuth `error` code; otherwise a client-side kind. */
	type?: string;
	/** The underlying error (ky error, fetch error…), kept for debugging. */
	cause?: unknown;
}

/** Base class: every error thrown by the client is one of these. */
export class DailymotionError extends Error {
	override name: string = "DailymotionError";
	/** HTTP status, when a response was received. */
	readonly status?: number;
	/** API error `type` / OAuth `error`, or a client-side kind such as `timeout`. */
	readonly type: string;

	constructor(message: string, options: DailymotionErrorOptions = {}) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		if (options.status !== undefined) this.status = options.status;
		this.type = options.type ?? "error";
	}
}

/** Wrong key/secret/credentials (token endpoint), or a 401 that persisted after the single re-authentication. */
export class AuthError extends DailymotionError {
	override name = "AuthError" as const;
}

/** A setting the request needs is missing; `field` says which. Thrown before any request is sent. */
export class ConfigError extends DailymotionError {
	override name = "ConfigError" as const;
	/** The missing setting (`apiKey`, `apiSecret`, `username`, `password`, `profileId`, `apiUrl`, `tokenUrl`), when known. */
	readonly field?: string;

	constructor(message: string, field?: string) {
		super(message, { type: "config" });
		if (field !== undefined) this.field = field;
	}
}

/** HTTP 404: the video (or route) does not exist. */
export class NotFoundError extends DailymotionError {
	override name = "NotFoundError" as const;
}

/** HTTP 429. `retryAfterMs` comes from the `Retry-After` header when present. */
export class RateLimitError extends DailymotionError {
	override name = "RateLimitError" as const;
	readonly retryAfterMs?: number;

	constructor(message: string, options: DailymotionErrorOptions & { retryAfterMs?: number } = {}) {
		super(message, options);
		if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
	}
}

/** HTTP 5xx: a Dailymotion-side failure. */
export class ServerError extends DailymotionError {
	override name = "ServerError" as const;
}

/** The connection failed or dropped before a complete answer arrived (`cause` keeps the original). */
export class NetworkError extends DailymotionError {
	override name = "NetworkError" as const;
}

/** The request did not answer within the timeout. */
export class TimeoutError extends DailymotionError {
	override name = "TimeoutError" as const;
}

/** A 2xx answer that is not JSON or does not have the expected shape. */
export class UnexpectedResponseError extends DailymotionError {
	override name = "UnexpectedResponseError" as const;
}

/** The live's publish URL cannot be split into an OBS server and key. Never contains the URL. */
export class PublishUrlError extends DailymotionError {
	override name = "PublishUrlError" as const;
}

/** The API key lacks a permission the call needs (API v2 `MISSING_PERMISSIONS`): set it on the key in Dailymotion Studio. */
export class PermissionError extends DailymotionError {
	override name = "PermissionError" as const;
}

/** The API in use has no such operation (Ad Breaks On/Off on API v2): nothing was sent. */
export class UnsupportedError extends DailymotionError {
	override name = "UnsupportedError" as const;
}

/** Any other 4xx from the API (400 `invalid_parameter`, 403 `access_forbidden`…): show `message`. */
export class ApiError extends DailymotionError {
	override name = "ApiError" as const;
}

/** True for any error thrown by the Dailymotion client. */
export function isDailymotionError(error: unknown): error is DailymotionError {
	return error instanceof DailymotionError;
}

/** True for {@link AuthError}. */
export function isAuthError(error: unknown): error is AuthError {
	return error instanceof AuthError;
}

/** True for {@link ConfigError}. */
export function isConfigError(error: unknown): error is ConfigError {
	return error instanceof ConfigError;
}

/** True for {@link NotFoundError}. */
export function isNotFoundError(error: unknown): error is NotFoundError {
	return error instanceof NotFoundError;
}

/** True for {@link RateLimitError}. */
export function isRateLimitError(error: unknown): error is RateLimitError {
	return error instanceof RateLimitError;
}

/** True for {@link ServerError}. */
export function isServerError(error: unknown): error is ServerError {
	return error instanceof ServerError;
}

/** True for {@link NetworkError}. */
export function isNetworkError(error: unknown): error is NetworkError {
	return error instanceof NetworkError;
}

/** True for {@link TimeoutError}. */
export function isTimeoutError(error: unknown): error is TimeoutError {
	return error instanceof TimeoutError;
}

/** True for {@link UnexpectedResponseError}. */
export function isUnexpectedResponseError(error: unknown): error is UnexpectedResponseError {
	return error instanceof UnexpectedResponseError;
}

/** True for {@link PublishUrlError}. */
export function isPublishUrlError(error: unknown): error is PublishUrlError {
	return error instanceof PublishUrlError;
}

/** True for {@link PermissionError}. */
export function isPermissionError(error: unknown): error is PermissionError {
	return error instanceof PermissionError;
}

/** True for {@link UnsupportedError}. */
export function isUnsupportedError(error: unknown): error is UnsupportedError {
	return error instanceof UnsupportedError;
}

/** True for {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
	return error instanceof ApiError;
}

/** True when retrying later may help (network, timeout, rate limit, server errors). */
export function isTransientError(error: unknown): boolean {
	return (
		error instanceof NetworkError ||
		error instanceof TimeoutError ||
		error instanceof RateLimitError ||
		error instanceof ServerError
	);
}
