import type { ZodMiniType } from "zod/mini";
import type { Logger } from "../log.js";
import type { TokenProvider } from "./auth.js";
import { AuthError } from "./errors.js";
import { type HttpMethod, type HttpRequest, type HttpTransport, joinUrl } from "./http.js";

/** One call to the API (legacy REST or v2), relative to `apiUrl`. */
export interface ApiCall<T> {
	method: HttpMethod;
	/** Path below `apiUrl`, e.g. `/video/x8abc12`. Path segments must already be encoded. */
	path: string;
	searchParams?: Record<string, string>;
	form?: Record<string, string>;
	/** A JSON body (API v2). */
	json?: Record<string, unknown>;
	schema: ZodMiniType<T>;
	/** Default true; only `GET /channels` is anonymous. */
	auth?: boolean;
}

/** What the resource functions (videos, lives, ad breaks, channels) need: send one API call. */
export interface ApiRequester {
	call<T>(call: ApiCall<T>): Promise<T>;
}

/**
 * Authenticated REST calls. On a 401 the token is dropped, a new one obtained and the same request sent once
 * more (a 401 means it was not executed, so this is safe for POSTs); a second 401 is an {@link AuthError}.
 */
export class AuthorizedApi implements ApiRequester {
	readonly #apiUrl: string;
	readonly #http: HttpTransport;
	readonly #tokens: TokenProvider;
	readonly #logger: Logger;

	constructor(apiUrl: string, http: HttpTransport, tokens: TokenProvider, logger: Logger) {
		this.#apiUrl = apiUrl;
		this.#http = http;
		this.#tokens = tokens;
		this.#logger = logger;
	}

	async call<T>(call: ApiCall<T>): Promise<T> {
		if (call.auth === false) return this.#http.send(this.#request(call, undefined));

		const first = await this.#tokens.get();
		try {
			return await this.#http.send(this.#request(call, first.accessToken));
		} catch (error) {
			if (!isUnauthorized(error)) throw error;
			this.#logger.info(`Dailymotion refused the token (${call.method} ${call.path}); logging in again once`);
			this.#tokens.invalidate(first.accessToken);
		}

		const second = await this.#tokens.get();
		try {
			return await this.#http.send(this.#request(call, second.accessToken));
		} catch (error) {
			if (!isUnauthorized(error)) throw error;
			this.#tokens.invalidate(second.accessToken);
			throw new AuthError(`Dailymotion refused the new token too: ${error.message}`, {
				status: 401,
				type: error.type,
			});
		}
	}

	#request<T>(call: ApiCall<T>, bearer: string | undefined): HttpRequest<T> {
		return {
			method: call.method,
			url: joinUrl(this.#apiUrl, call.path),
			schema: call.schema,
			source: "api",
			...(bearer ? { bearer } : {}),
			...(call.searchParams ? { searchParams: call.searchParams } : {}),
			...(call.form ? { form: call.form } : {}),
			...(call.json ? { json: call.json } : {}),
		};
	}
}

function isUnauthorized(error: unknown): error is AuthError {
	return error instanceof AuthError && error.status === 401;
}
