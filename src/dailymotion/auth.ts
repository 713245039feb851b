import type { Logger } from "../log.js";
import { assertCredentials, type DailymotionConfig } from "./config.js";
import { AuthError } from "./errors.js";
import type { TokenResponse } from "./schemas.js";

/** Scope of every token: all live operations need `manage_videos` (§2.4). */
export const SCOPE = "manage_videos";

/** Share of `expires_in` after which a token is renewed (as the official Python SDK does). */
export const RENEW_RATIO = 0.85;

/** A cached access token with its renewal deadline (ms, on the injected clock). */
export interface AccessToken {
	accessToken: string;
	scope: string;
	/** User mode: the account id, used as default profile. */
	uid?: string;
	/** When to stop using it and get a new one. */
	renewAt: number;
}

/** Sends one token request (form fields) and returns the validated answer, or throws a DailymotionError. */
export type TokenRequester = (form: Record<string, string>) => Promise<TokenResponse>;

/** When a token obtained at `obtainedAtMs`, valid for `expiresInS` seconds, should be renewed. */
export function renewDeadline(obtainedAtMs: number, expiresInS: number): number {
	return obtainedAtMs + Math.max(0, expiresInS) * 1000 * RENEW_RATIO;
}

/** True while the token may still be used at `nowMs`. */
export function isTokenFresh(token: AccessToken | undefined, nowMs: number): token is AccessToken {
	return token !== undefined && nowMs < token.renewAt;
}

/**
 * Gets and caches OAuth tokens. Single-flight: concurrent callers share one token request. Partner mode uses
 * client_credentials; user mode uses the password grant, then refresh_token, falling back to ONE password grant
 * when the refresh token is refused.
 */
export class TokenProvider {
	readonly #config: DailymotionConfig;
	readonly #request: TokenRequester;
	readonly #now: () => number;
	readonly #logger: Logger;
	readonly #scope: string;
	#token: AccessToken | undefined;
	#refreshToken: string | undefined;
	#pending: Promise<AccessToken> | undefined;

	/** `options.scope` replaces {@link SCOPE} (API v2 asks for its own, space-separated scopes). */
	constructor(config: DailymotionConfig, request: TokenRequester, options: { now: () => number; logger: Logger; scope?: string }) {
		this.#config = config;
		this.#request = request;
		this.#now = options.now;
		this.#logger = options.logger;
		this.#scope = options.scope ?? SCOPE;
	}

	/**
	 * A usable token: the cached one, or a new one. `force` ignores the cache and, in user mode, the refresh
	 * token too (so "Test connection" really checks the username and password).
	 */
	get(options: { force?: boolean } = {}): Promise<AccessToken> {
		if (!options.force && isTokenFresh(this.#token, this.#now())) return Promise.resolve(this.#token);
		if (this.#pending) return this.#pending;
		const pending = this.#obtain(options.force === true).finally(() => {
			if (this.#pending === pending) this.#pending = undefined;
		});
		this.#pending = pending;
		return pending;
	}

	/**
	 * Drops the cached token after the API refused it. Passing the refused token makes concurrent 401s drop it
	 * only once: a token obtained meanwhile is kept.
	 */
	invalidate(accessToken?: string): void {
		if (accessToken === undefined || this.#token?.accessToken === accessToken) this.#token = undefined;
	}

	/** Secret values currently held (for redaction of error text). */
	secrets(): string[] {
		return [this.#token?.accessToken, this.#refreshToken].filter((s): s is string => s !== undefined);
	}

	async #obtain(force: boolean): Promise<AccessToken> {
		assertCredentials(this.#config);
		const obtainedAt = this.#now();
		const response = await this.#grant(force);
		if (response.refresh_token) this.#refreshToken = response.refresh_token;
		const token: AccessToken = {
			accessToken: response.access_token,
			scope: response.scope ?? this.#scope,
			renewAt: renewDeadline(obtainedAt, response.expires_in),
			...(response.uid ? { uid: response.uid } : {}),
		};
		this.#token = token;
		this.#logger.debug(`Dailymotion token obtained (${this.#config.mode} mode, expires in ${response.expires_in} s)`);
		return token;
	}

	async #grant(force: boolean): Promise<TokenResponse> {
		const { mode, apiKey, apiSecret } = this.#config;
		const client = { client_id: apiKey, client_secret: apiSecret };
		if (mode === "partner") return this.#request({ grant_type: "client_credentials", ...client, scope: this.#scope });

		const refreshToken = this.#refreshToken;
		if (refreshToken && !force) {
			try {
				return await this.#request({ grant_type: "refresh_token", ...client, refresh_token: refreshToken });
			} catch (error) {
				if (!(error instanceof AuthError) || error.type !== "invalid_grant") throw error;
				this.#logger.info("Dailymotion refresh token refused; logging in again with the password");
				this.#refreshToken = undefined;
			}
		}
		return this.#request({
			grant_type: "password",
			...client,
			username: this.#config.username ?? "",
			password: this.#config.password ?? "",
			scope: this.#scope,
		});
	}
}
