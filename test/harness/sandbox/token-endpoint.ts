/** The two OAuth token endpoints (§8.2): partner client_credentials, user password + refresh_token. */
import { jsonResponse, type SandboxResponse } from "./errors.ts";
import type { SandboxRequest } from "./request.ts";
import type { ApiKind, Principal, TokenStore } from "./tokens.ts";
import type { SandboxCredentials } from "./types.ts";

/** Accounts state shared with the server: `revoked` flips on `revokeCredentials()`. */
export interface AccountState {
	credentials: SandboxCredentials;
	revoked: boolean;
	/** Scopes the v2 key may get (see `Sandbox.setV2Permissions`). */
	v2Permissions: ReadonlySet<string>;
}

const knownScopes = new Set(["manage_videos", "userinfo", "email", "manage_playlists", "manage_subtitles", "manage_players"]);
const grantsByKind: Record<Exclude<ApiKind, "v2">, readonly string[]> = {
	partner: ["client_credentials"],
	user: ["password", "refresh_token"],
};

/** An OAuth error body (not the legacy format). */
export function oauthError(error: string, description: string, status = 400): SandboxResponse {
	return jsonResponse(status, { error, error_description: description }, { "Cache-Control": "no-store" });
}

/** Handles `POST` on a token endpoint of the given kind. */
export function handleTokenRequest(
	req: SandboxRequest,
	kind: Exclude<ApiKind, "v2">,
	accounts: AccountState,
	tokens: TokenStore,
): SandboxResponse {
	if (req.method !== "POST") return oauthError("invalid_request", "The token endpoint only accepts POST.", 405);
	if (req.contentType !== "application/x-www-form-urlencoded") {
		return oauthError("invalid_request", "The request body must be application/x-www-form-urlencoded.");
	}
	const form = req.form;
	if (!form.grant_type) return oauthError("invalid_request", "Missing grant_type parameter.");
	if (!grantsByKind[kind].includes(form.grant_type)) {
		return oauthError("unsupported_grant_type", `The grant type "${form.grant_type}" is not supported by this endpoint.`);
	}
	const key = kind === "partner" ? accounts.credentials.partner : accounts.credentials.user;
	if (!form.client_id || !form.client_secret) return oauthError("invalid_client", "Missing client_id or client_secret.");
	if (accounts.revoked || form.client_id !== key.apiKey || form.client_secret !== key.apiSecret) {
		return oauthError("invalid_client", "The client credentials are invalid.");
	}

	let principal: Principal;
	if (form.grant_type === "refresh_token") {
		if (!form.refresh_token) return oauthError("invalid_request", "Missing refresh_token parameter.");
		const found = tokens.takeRefresh(form.refresh_token);
		if (!found) return oauthError("invalid_grant", "Invalid refresh token.");
		principal = found;
	} else {
		const scope = checkScope(form.scope);
		if (typeof scope !== "string") return scope;
		if (form.grant_type === "password") {
			const user = accounts.credentials.user;
			if (!form.username || !form.password) return oauthError("invalid_request", "Missing username or password.");
			if (form.username !== user.username || form.password !== user.password) {
				return oauthError("invalid_grant", "Invalid username or password.");
			}
			principal = { kind, ownerId: user.uid, scope };
		} else {
			principal = { kind, ownerId: accounts.credentials.partner.profileId, scope };
		}
	}

	const issued = tokens.issue(principal);
	const body: Record<string, unknown> = {
		access_token: issued.accessToken,
		token_type: "Bearer",
		expires_in: tokens.ttlSeconds,
		scope: principal.scope,
	};
	if (issued.refreshToken) {
		body.refresh_token = issued.refreshToken;
		body.uid = principal.ownerId;
	}
	return jsonResponse(200, body, { "Cache-Control": "no-store" });
}

/** Scope must be space-separated known scopes including manage_videos (the only one lives need). */
function checkScope(raw: string | undefined): string | SandboxResponse {
	const scopes = (raw ?? "").split(" ").filter(Boolean);
	const unknown = scopes.find((s) => !knownScopes.has(s));
	if (unknown) return oauthError("invalid_scope", `Unknown scope "${unknown}".`);
	if (!scopes.includes("manage_videos")) return oauthError("invalid_scope", "The manage_videos scope is required.");
	return scopes.join(" ");
}
