/** Bearer authentication of API calls (§8.3). The `access_token` query parameter is refused. */
import { invalidToken } from "./errors.ts";
import type { SandboxRequest } from "./request.ts";
import type { ApiKind, Principal, TokenStore } from "./tokens.ts";

/** Returns the caller, or throws 401 invalid_token with a `WWW-Authenticate` header. */
export function authenticate(req: SandboxRequest, kind: ApiKind, tokens: TokenStore): Principal {
	if (!req.authorization) {
		if (req.query.access_token !== undefined) {
			throw invalidToken("The access_token query parameter is not accepted, send an Authorization: Bearer header.");
		}
		throw invalidToken("An access token is required to call this endpoint.");
	}
	const check = tokens.check(req.authorization, kind);
	if (check.ok) return check.principal;
	throw invalidToken(check.reason === "expired" ? "The access token has expired." : "The access token is invalid.");
}

/** True when the request carries a bearer token valid for that API prefix (for request records). */
export function isAuthorized(req: SandboxRequest, kind: ApiKind | undefined, tokens: TokenStore): boolean {
	if (!kind || !req.authorization) return false;
	return tokens.check(req.authorization, kind).ok;
}
