import { isHTTPError, isNetworkError, isTimeoutError, type RetryOptions } from "ky";
import { parseRetryAfter } from "./error-mapping.js";

/** Statuses worth retrying for a GET. 4xx other than 429 mean the request itself is wrong. */
export const RETRY_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** Statuses whose `Retry-After` header sets the delay. */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/** A server asking to wait longer than this gets no automatic retry: the caller sees the error and waits. */
export const MAX_RETRY_AFTER_MS = 5_000;

/** Cap of the exponential backoff between attempts (300 ms, 600 ms, 1.2 s, …). */
export const BACKOFF_LIMIT_MS = 2_000;

/**
 * The retry decision table for one failed attempt. Only GETs are retried (creates and ad-break launches are
 * sent once); then network errors, timeouts, 429 and 5xx. A `Retry-After` beyond the cap is not waited for.
 */
export function shouldRetry(method: string, error: unknown, maxRetryAfterMs = MAX_RETRY_AFTER_MS): boolean {
	if (method.toUpperCase() !== "GET") return false;
	if (isTimeoutError(error) || isNetworkError(error)) return true;
	if (isHTTPError(error)) {
		const { status, headers } = error.response;
		if (!RETRY_STATUSES.includes(status)) return false;
		if (RETRY_AFTER_STATUSES.includes(status)) {
			const waitMs = parseRetryAfter(headers.get("retry-after"));
			if (waitMs !== undefined && waitMs > maxRetryAfterMs) return false;
		}
		return true;
	}
	// Fetch reports network failures as TypeError; anything else is a bug and is not retried.
	return error instanceof TypeError;
}

/** ky retry options implementing {@link shouldRetry} with `limit` retries (delays honour `Retry-After`). */
export function retryOptions(limit: number): RetryOptions {
	return {
		limit: Math.max(0, Math.floor(limit)),
		methods: ["get"],
		statusCodes: [...RETRY_STATUSES],
		afterStatusCodes: [...RETRY_AFTER_STATUSES],
		maxRetryAfter: MAX_RETRY_AFTER_MS,
		backoffLimit: BACKOFF_LIMIT_MS,
		retryOnTimeout: true,
		jitter: (delay) => delay * (0.8 + Math.random() * 0.4),
		// `undefined` lets ky compute the delay (and read Retry-After) for retriable HTTP statuses.
		shouldRetry: ({ error }) => {
			const request = (error as { request?: Request }).request;
			if (!shouldRetry(request?.method ?? "GET", error)) return false;
			return isHTTPError(error) ? undefined : true;
		},
	};
}
