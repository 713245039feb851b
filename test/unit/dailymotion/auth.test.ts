import { describe, expect, it } from "vitest";
import { isTokenFresh, renewDeadline, RENEW_RATIO, type TokenRequester, TokenProvider } from "../../../src/dailymotion/auth.ts";
import type { DailymotionConfig } from "../../../src/dailymotion/config.ts";
import { AuthError, ConfigError } from "../../../src/dailymotion/errors.ts";
import type { TokenResponse } from "../../../src/dailymotion/schemas.ts";
import { silentLogger } from "../../../src/log.ts";

const partner: DailymotionConfig = {
	mode: "partner",
	apiKey: "key",
	apiSecret: "secret",
	profileId: "p1",
	apiUrl: "http://localhost/rest",
	tokenUrl: "http://localhost/oauth/v1/token",
};
const user: DailymotionConfig = { ...partner, mode: "user", username: "ann", password: "pw", profileId: undefined };

/** A scripted token endpoint that records every form it receives. */
function fakeEndpoint(answer: (form: Record<string, string>, n: number) => TokenResponse | Error) {
	const forms: Record<string, string>[] = [];
	const request: TokenRequester = async (form) => {
		forms.push(form);
		await Promise.resolve();
		const result = answer(form, forms.length);
		if (result instanceof Error) throw result;
		return result;
	};
	return { forms, request };
}

const token = (n: number, extra: Partial<TokenResponse> = {}): TokenResponse => ({
	access_token: `tok${n}`,
	expires_in: 1000,
	scope: "manage_videos",
	...extra,
});

describe("token expiry math", () => {
	it("renews at 85 % of expires_in after the time the token was requested", () => {
		expect(RENEW_RATIO).toBe(0.85);
		expect(renewDeadline(10_000, 1000)).toBe(10_000 + 850_000);
	});

	it("treats a token as fresh strictly before its renewal deadline", () => {
		const t = { accessToken: "a", scope: "s", renewAt: 5000 };
		expect(isTokenFresh(t, 4999)).toBe(true);
		expect(isTokenFresh(t, 5000)).toBe(false);
		expect(isTokenFresh(undefined, 0)).toBe(false);
	});
});

describe("TokenProvider", () => {
	it("caches the token until 85 % of its lifetime on the injected clock, then renews", async () => {
		// Arrange
		let now = 1_000_000;
		const endpoint = fakeEndpoint((_f, n) => token(n));
		const provider = new TokenProvider(partner, endpoint.request, { now: () => now, logger: silentLogger });
		// Act
		const first = await provider.get();
		now += 849_999;
		const cached = await provider.get();
		now += 1;
		const renewed = await provider.get();
		// Assert
		expect(first.accessToken).toBe("tok1");
		expect(cached.accessToken).toBe("tok1");
		expect(renewed.accessToken).toBe("tok2");
		expect(endpoint.forms).toHaveLength(2);
	});

	it("uses client_credentials with scope manage_videos in partner mode", async () => {
		const endpoint = fakeEndpoint((_f, n) => token(n));
		await new TokenProvider(partner, endpoint.request, { now: () => 0, logger: silentLogger }).get();
		expect(endpoint.forms[0]).toEqual({
			grant_type: "client_credentials",
			client_id: "key",
			client_secret: "secret",
			scope: "manage_videos",
		});
	});

	it("shares one token request between concurrent callers", async () => {
		const endpoint = fakeEndpoint((_f, n) => token(n));
		const provider = new TokenProvider(partner, endpoint.request, { now: () => 0, logger: silentLogger });
		const tokens = await Promise.all([provider.get(), provider.get(), provider.get()]);
		expect(endpoint.forms).toHaveLength(1);
		expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(["tok1"]));
	});

	it("drops a refused token once even when several callers report it", async () => {
		const endpoint = fakeEndpoint((_f, n) => token(n));
		const provider = new TokenProvider(partner, endpoint.request, { now: () => 0, logger: silentLogger });
		const old = await provider.get();
		provider.invalidate(old.accessToken);
		const fresh = await provider.get();
		provider.invalidate(old.accessToken); // a late 401 for the old token
		expect((await provider.get()).accessToken).toBe(fresh.accessToken);
		expect(endpoint.forms).toHaveLength(2);
	});

	it("in user mode logs in with the password, then renews with the refresh token", async () => {
		let now = 0;
		const endpoint = fakeEndpoint((_f, n) => token(n, { refresh_token: `r${n}`, uid: "u1" }));
		const provider = new TokenProvider(user, endpoint.request, { now: () => now, logger: silentLogger });
		expect((await provider.get()).uid).toBe("u1");
		now = 10_000_000;
		await provider.get();
		expect(endpoint.forms.map((f) => f.grant_type)).toEqual(["password", "refresh_token"]);
		expect(endpoint.forms[0]).toMatchObject({ username: "ann", password: "pw", scope: "manage_videos" });
		expect(endpoint.forms[1]).toMatchObject({ refresh_token: "r1" });
	});

	it("falls back to one password grant when the refresh token is refused with invalid_grant", async () => {
		let now = 0;
		const endpoint = fakeEndpoint((form, n) =>
			form.grant_type === "refresh_token"
				? new AuthError("Login failed: Invalid refresh token.", { status: 400, type: "invalid_grant" })
				: token(n, { refresh_token: `r${n}` }),
		);
		const provider = new TokenProvider(user, endpoint.request, { now: () => now, logger: silentLogger });
		await provider.get();
		now = 10_000_000;
		const renewed = await provider.get();
		expect(renewed.accessToken).toBe("tok3");
		expect(endpoint.forms.map((f) => f.grant_type)).toEqual(["password", "refresh_token", "password"]);
	});

	it("does not fall back to the password when the refresh fails for another reason", async () => {
		let now = 0;
		const endpoint = fakeEndpoint((form, n) =>
			form.grant_type === "refresh_token" ? new AuthError("bad client", { status: 400, type: "invalid_client" }) : token(n, { refresh_token: "r" }),
		);
		const provider = new TokenProvider(user, endpoint.request, { now: () => now, logger: silentLogger });
		await provider.get();
		now = 10_000_000;
		await expect(provider.get()).rejects.toBeInstanceOf(AuthError);
		expect(endpoint.forms).toHaveLength(2);
	});

	it("forcing a token in user mode uses the password even with a refresh token", async () => {
		const endpoint = fakeEndpoint((_f, n) => token(n, { refresh_token: `r${n}` }));
		const provider = new TokenProvider(user, endpoint.request, { now: () => 0, logger: silentLogger });
		await provider.get();
		await provider.get({ force: true });
		expect(endpoint.forms.map((f) => f.grant_type)).toEqual(["password", "password"]);
	});

	it.each([
		["apiKey", partner, { apiKey: "" }],
		["apiSecret", partner, { apiSecret: " " }],
		["username", user, { username: undefined }],
		["password", user, { password: "" }],
	] as const)("rejects a missing %s with ConfigError before any request", async (field, base, patch) => {
		const endpoint = fakeEndpoint((_f, n) => token(n));
		const provider = new TokenProvider({ ...base, ...patch }, endpoint.request, { now: () => 0, logger: silentLogger });
		const error = await provider.get().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as ConfigError).field).toBe(field);
		expect(endpoint.forms).toHaveLength(0);
	});

	it("lets a failed request be retried by the next caller (no cached failure)", async () => {
		const endpoint = fakeEndpoint((_f, n) => (n === 1 ? new AuthError("nope", { status: 400, type: "invalid_client" }) : token(n)));
		const provider = new TokenProvider(partner, endpoint.request, { now: () => 0, logger: silentLogger });
		await expect(provider.get()).rejects.toBeInstanceOf(AuthError);
		expect((await provider.get()).accessToken).toBe("tok2");
	});
});
