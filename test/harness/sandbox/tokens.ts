/** Issued access and refresh tokens, their expiry and revocation. */
import { randomSecret } from "./credentials.ts";

/** Which API prefix a token was issued for: partner tokens work under /rest, user tokens under /user-api, v2 under /v2. */
export type ApiKind = "partner" | "user" | "v2";

/** Who a valid access token speaks for. */
export interface Principal {
	kind: ApiKind;
	/** The owner id lives are created under (partner profile id or user uid). */
	ownerId: string;
	scope: string;
}

interface AccessToken extends Principal {
	expiresAt: number;
	generation: number;
}

/** Result of looking up a bearer token. */
export type TokenCheck = { ok: true; principal: Principal } | { ok: false; reason: "unknown" | "expired" };

/** Token bookkeeping; `now` is the sandbox clock in ms. */
export class TokenStore {
	readonly #now: () => number;
	readonly #ttlSeconds: number;
	readonly #access = new Map<string, AccessToken>();
	readonly #refresh = new Map<string, Principal>();
	/** Every token ever issued, for tests that scan output for secrets. */
	readonly #issued: string[] = [];
	#generation = 0;

	constructor(now: () => number, ttlSeconds: number) {
		this.#now = now;
		this.#ttlSeconds = ttlSeconds;
	}

	get ttlSeconds(): number {
		return this.#ttlSeconds;
	}

	/** Issues an access token (and a refresh token for user principals). */
	issue(principal: Principal): { accessToken: string; refreshToken?: string } {
		const accessToken = randomSecret(24);
		this.#issued.push(accessToken);
		this.#access.set(accessToken, {
			...principal,
			expiresAt: this.#now() + this.#ttlSeconds * 1000,
			generation: this.#generation,
		});
		if (principal.kind !== "user") return { accessToken };
		const refreshToken = randomSecret(24);
		this.#issued.push(refreshToken);
		this.#refresh.set(refreshToken, { ...principal });
		return { accessToken, refreshToken };
	}

	/** Every access and refresh token issued so far (expired and consumed ones included). */
	issued(): string[] {
		return [...this.#issued];
	}

	/** Checks an access token for the given API prefix. */
	check(token: string, kind: ApiKind): TokenCheck {
		const entry = this.#access.get(token);
		if (!entry || entry.kind !== kind) return { ok: false, reason: "unknown" };
		if (entry.generation !== this.#generation || this.#now() >= entry.expiresAt) return { ok: false, reason: "expired" };
		return { ok: true, principal: { kind: entry.kind, ownerId: entry.ownerId, scope: entry.scope } };
	}

	/** Consumes a refresh token (one use: the response carries a new one). */
	takeRefresh(token: string): Principal | undefined {
		const principal = this.#refresh.get(token);
		this.#refresh.delete(token);
		return principal;
	}

	/** Every access token issued so far becomes invalid; refresh tokens survive. */
	expireAccessTokens(): void {
		this.#generation++;
	}

	/** Refresh tokens die (used when credentials are revoked). */
	revokeRefreshTokens(): void {
		this.#refresh.clear();
	}
}
