import ky, { type KyInstance } from "ky";
import type { ZodMiniType } from "zod/mini";
import type { Logger } from "../log.js";
import type { ClientOptions } from "./config.js";
import { redact } from "../secrets.js";
import { type ErrorSource, toDailymotionError } from "./error-mapping.js";
import { createNodeFetch } from "./node-fetch.js";
import { retryOptions } from "./retry.js";

/** The plugin's fetch: node:http instead of the global fetch's undici (see node-fetch.ts). */
const nodeFetch = createNodeFetch();

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
	/** Default: node:http ({@link createNodeFetch}); tests pass their own. */
	fetch?: typeof fetch;
}

/** Joins a base URL (which may have a path such as `/rest`) and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/**
 * The configured ky instance: per-attempt timeout, GET-only retries with backoff, JSON validation, and
 * every failure mapped to a typed Dailymotion error. Logs method, path and status only (no bodies, no query).
 */
export class HttpTransport {
	readonly #ky: KyInstance;
	readonly #logger: Logger;
	readonly #secrets: () => readonly (string | undefined)[];

	constructor(options: HttpTransportOptions) {
		this.#logger = options.logger;
		this.#secrets = options.secrets;
		this.#ky = ky.create({
			timeout: options.timeoutMs,
			retry: retryOptions(options.getRetries),
			throwHttpErrors: true,
			fetch: options.fetch ?? nodeFetch,
			hooks: {
				beforeRetry: [
					({ request, retryCount }) => {
						this.#logger.debug(`Retrying ${request.method} ${pathOf(request.url)} (attempt ${retryCount + 1})`);
					},
				],
			},
		});
	}

	/** Sends the request and returns the validated JSON; throws a `DailymotionError` subclass on any failure. */
	async send<T>(request: HttpRequest<T>): Promise<T> {
		const headers: Record<string, string> = {};
		if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
		const started = performance.now();
		const label = `${request.method} ${pathOf(request.url)}`;
		try {
			const result = await this.#ky(request.url, {
				method: request.method,
				headers,
				...(request.searchParams ? { searchParams: request.searchParams } : {}),
				...(request.form ? { body: new URLSearchParams(request.form) } : {}),
				...(request.json ? { json: request.json } : {}),
			}).json(request.schema);
			this.#logger.debug(`${label} → OK (${Math.round(performance.now() - started)} ms)`);
			return result as T;
		} catch (error) {
			const mapped = toDailymotionError(error, {
				source: request.source,
				redact: (text) => redact(text, this.#secrets()),
			});
			const status = mapped.status === undefined ? "" : ` ${mapped.status}`;
			this.#logger.debug(`${label} →${status} ${mapped.name} (${Math.round(performance.now() - started)} ms)`);
			throw mapped;
		}
	}
}

function pathOf(url: string): string {
	try {
		return new URL(url).pathname;
	} catch {
		return "(invalid URL)";
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
