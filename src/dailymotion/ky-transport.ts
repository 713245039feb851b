import ky, { type KyInstance } from "ky";
import type { Logger } from "../log.js";
import { redact } from "../secrets.js";
import { toDailymotionError } from "./error-mapping.js";
import type { HttpRequest, HttpTransportOptions } from "./http.js";
import { createNodeFetch } from "./node-fetch.js";
import { retryOptions } from "./retry.js";

/** The plugin's fetch: node:http instead of the global fetch's undici (see node-fetch.ts). */
const nodeFetch = createNodeFetch();

/**
 * The configured ky instance behind http.ts's HttpTransport (this module is loaded on the first request): per-attempt timeout, GET-only retries with backoff, JSON validation, and
 * every failure mapped to a typed Dailymotion error. Logs method, path and status only (no bodies, no query).
 */
export class KyTransport {
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
