/** `POST /v2/token`: client_credentials with the v2 private key only (the password grant is gone in v2). */
import { jsonResponse, type SandboxResponse } from "../errors.ts";
import type { SandboxRequest } from "../request.ts";
import { oauthError, type AccountState } from "../token-endpoint.ts";
import type { TokenStore } from "../tokens.ts";

/** Every scope a v2 key can hold (the live routes need the first two, `GET /me` the third). */
export const V2_SCOPES: ReadonlySet<string> = new Set(["live.manage", "live.read", "account.read", "video.read", "video.manage", "profile.read"]);

/** Grants the requested scopes the key is allowed; an unknown scope, or none allowed, is `invalid_scope`. */
export function handleV2Token(req: SandboxRequest, accounts: AccountState, tokens: TokenStore): SandboxResponse {
	if (req.method !== "POST") return oauthError("invalid_request", "The token endpoint only accepts POST.", 405);
	if (req.contentType !== "application/x-www-form-urlencoded") {
		return oauthError("invalid_request", "The request body must be application/x-www-form-urlencoded.");
	}
	const form = req.form;
	if (!form.grant_type) return oauthError("invalid_request", "Missing grant_type parameter.");
	if (form.grant_type !== "client_credentials") {
		return oauthError("unsupported_grant_type", `The grant type "${form.grant_type}" is not supported by API v2.`);
	}
	const key = accounts.credentials.v2;
	if (!form.client_id || !form.client_secret) return oauthError("invalid_client", "Missing client_id or client_secret.");
	if (accounts.revoked || form.client_id !== key.apiKey || form.client_secret !== key.apiSecret) {
		return oauthError("invalid_client", "The client credentials are invalid.");
	}
	const requested = (form.scope ?? "").split(" ").filter(Boolean);
	const unknown = requested.find((s) => !V2_SCOPES.has(s));
	if (unknown) return oauthError("invalid_scope", `Unknown scope "${unknown}".`);
	const granted = requested.filter((s) => accounts.v2Permissions.has(s));
	if (granted.length === 0) return oauthError("invalid_scope", "None of the requested scopes is allowed for this API key.");
	const scope = granted.join(" ");
	const issued = tokens.issue({ kind: "v2", ownerId: key.profileId, scope });
	return jsonResponse(200, { access_token: issued.accessToken, token_type: "Bearer", expires_in: tokens.ttlSeconds, scope }, { "Cache-Control": "no-store" });
}
