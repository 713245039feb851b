/** API v2 under `/v2`: token endpoint, `GET /me`, the livestream routes; scopes enforced per route. */
import type { SandboxContext } from "../context.ts";
import { jsonResponse, type SandboxResponse } from "../errors.ts";
import type { LiveState } from "../live-store.ts";
import type { SandboxRequest } from "../request.ts";
import type { Principal } from "../tokens.ts";
import { checkQuery } from "./body.ts";
import { invalidToken, missingPermissions, resourceNotFound, V2Error } from "./errors.ts";
import { createLivestream, launchAdvertising, listLivestreams, patchLivestream, readLivestream } from "./livestreams.ts";
import { handleV2Token } from "./token.ts";

export const v2Paths = { api: "/v2", token: "/v2/token" } as const;

/** True for paths the v2 router answers. */
export function isV2Path(path: string): boolean {
	return path === v2Paths.api || path.startsWith(`${v2Paths.api}/`);
}

/** Handles one v2 request; throws V2Error for errors. */
export function routeV2(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
	if (req.path === v2Paths.token) return handleV2Token(req, ctx.accounts, ctx.tokens);
	const segments = req.path.slice(v2Paths.api.length + 1).split("/");
	const [first, second, third, fourth] = segments;
	const route = (method: string, scope: string): Principal => {
		if (req.method !== method) throw new V2Error(405, "METHOD_NOT_ALLOWED", `${req.method} is not allowed on ${req.path}.`);
		return authorize(req, ctx, scope);
	};

	if (segments.length === 1 && first === "me") {
		route("GET", "account.read");
		checkQuery(req.query, ["fields"]);
		const { profiles } = ctx.accounts.credentials.v2;
		return jsonResponse(200, { user_id: "sandbox-user", profiles: profiles.map((p) => ({ profile_id: p.profileId, name: p.name })) });
	}
	if (segments.length === 3 && first === "profiles" && second && third === "livestreams") {
		const write = req.method === "POST";
		route(write ? "POST" : "GET", write ? "live.manage" : "live.read");
		const profileId = managedProfile(ctx, second);
		return write ? createLivestream(req, ctx, profileId) : listLivestreams(req, ctx, profileId);
	}
	if (segments.length === 2 && first === "livestreams" && second) {
		const write = req.method === "PATCH";
		route(write ? "PATCH" : "GET", write ? "live.manage" : "live.read");
		const state = managedLive(ctx, second);
		return write ? patchLivestream(req, ctx, state) : readLivestream(req, ctx, state);
	}
	if (segments.length === 3 && first === "livestreams" && second && third === "advertising" && fourth === undefined) {
		route("POST", "live.manage");
		return launchAdvertising(req, ctx, managedLive(ctx, second));
	}
	throw new V2Error(404, "RESOURCE_NOT_FOUND", "This endpoint does not exist.", { path: req.path });
}

/** Bearer check, then the route's scope: in the token, and still allowed for the key. */
function authorize(req: SandboxRequest, ctx: SandboxContext, scope: string): Principal {
	if (!req.authorization) throw invalidToken("An access token is required to call this endpoint.");
	const check = ctx.tokens.check(req.authorization, "v2");
	if (!check.ok) throw invalidToken(check.reason === "expired" ? "The access token has expired." : "The access token is invalid.");
	const scopes = check.principal.scope.split(" ");
	if (!scopes.includes(scope) || !ctx.accounts.v2Permissions.has(scope)) throw missingPermissions(scope);
	return check.principal;
}

function managedProfile(ctx: SandboxContext, profileId: string): string {
	if (!ctx.accounts.credentials.v2.profiles.some((p) => p.profileId === profileId)) {
		throw new V2Error(403, "FORBIDDEN", `This API key cannot manage profile ${profileId}.`, { profile_id: profileId });
	}
	return profileId;
}

/** A livestream of a profile the key manages; others are not found (their existence is not revealed). */
function managedLive(ctx: SandboxContext, id: string): LiveState {
	const state = ctx.store.get(id);
	const managed = state && ctx.accounts.credentials.v2.profiles.some((p) => p.profileId === state.ownerId);
	if (!state || !managed) throw resourceNotFound("livestream", id);
	return state;
}
