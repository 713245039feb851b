import type { ZodMiniType } from "zod/mini";
import type { Logger } from "../log.js";
import type { ClientOptions } from "./config.js";
import type { ErrorSource } from "./error-mapping.js";
import type { KyTransport } from "./ky-transport.js";

/** The methods the two APIs use: the legacy one writes with POST, v2 also edits with PATCH. */
export type HttpMethod = "GET" | "POST" | "PATCH";

/** One HTTP exchange, described without any ky type (the resource layer never sees ky). */
export interface HttpRequest<T> {
	method: HttpMethod;
	/** Absolute URL without query string. */
	url: string;
	searchParams?: Record<string, string>;
	/** Sent as `application/x-www-form-urlencoded` (legacy API). */
	form?: Record<string, string>;
	/** Sent as `application/json` (API v2). */
	json?: Record<string, unknown>;
	/** Bearer token; omitted for unauthenticated calls. */
	bearer?: string;
	/** Validates the JSON answer. */
	schema: ZodMiniType<T>;
	/** Token endpoint or API, for error classification. */
	source: ErrorSource;
}

/** Construction options of {@link HttpTransport}. */
export interface HttpTransportOptions {
	timeoutMs: number;
	getRetries: number;
	logger: Logger;
	/** Current secret values to scrub from any API text copied into errors. */
	secrets: () => readonly (string | undefined)[];
	/** Default: node:http (node-fetch.ts); tests pass their own. */
	fetch?: typeof fetch;
}

/** Joins a base URL (which may have a path such as `/rest`) and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/**
 * Sends API requests through ky (ky-transport.ts): per-attempt timeout, GET-only retries with backoff, JSON
 * validation, every failure mapped to a typed Dailymotion error. ky and the error mapping are a chunk of their own,
 * loaded on the first request, so drawing the keys at start-up never waits for them (README, Performance).
 */
export class HttpTransport {
	readonly #options: HttpTransportOptions;
	#ky: Promise<KyTransport> | undefined;

	constructor(options: HttpTransportOptions) {
		this.#options = options;
	}

	/** Sends the request and returns the validated JSON; throws a `DailymotionError` subclass on any failure. */
	async send<T>(request: HttpRequest<T>): Promise<T> {
		this.#ky ??= import("./ky-transport.js").then(({ KyTransport }) => new KyTransport(this.#options));
		return (await this.#ky).send(request);
	}
}

/** The transport of a client built with `options` (timeout and GET retries clamped to sane ranges). */
export function transportFor(options: ClientOptions, logger: Logger, secrets: () => readonly (string | undefined)[]): HttpTransport {
	return new HttpTransport({
		timeoutMs: clampInt(options.timeoutMs, 10_000, 1, 2_147_483_647),
		getRetries: clampInt(options.getRetries, 2, 0, 10),
		logger,
		secrets,
		...(options.fetch ? { fetch: options.fetch } : {}),
	});
}

/** A whole number in [min, max], or `fallback` when unset or not a number. */
function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
	if (value === undefined || !Number.isFinite(value)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(value)));
}
