/** Maps a request to its handler: token endpoints, ingest hooks, the two legacy API prefixes, then API v2 (`/v2`). */
import { authenticate } from "./auth.ts";
import { channelsResponse } from "./channels.ts";
import type { SandboxContext } from "./context.ts";
import { ApiError, forbidden, invalidParameter, type SandboxResponse } from "./errors.ts";
import { handleDoneHook, handlePublishHook, ingestPaths } from "./ingest.ts";
import type { SandboxRequest } from "./request.ts";
import { handleTokenRequest } from "./token-endpoint.ts";
import type { ApiKind, Principal } from "./tokens.ts";
import { createLive, deleteVideo, editVideo, listLives, readVideo } from "./videos.ts";
import { isV2Path, routeV2, v2Paths } from "./v2/router.ts";

/** Paths of the sandbox endpoints, relative to its base URL. */
export const paths = {
	partnerApi: "/rest",
	partnerToken: "/oauth/v1/token",
	userApi: "/user-api",
	userToken: "/user-api/oauth/token",
} as const;

/** Which API a path belongs to (by prefix), for auth and request records. */
export function apiKindOf(path: string): ApiKind | undefined {
	if (path === paths.userToken || path === v2Paths.token) return undefined;
	if (isV2Path(path)) return "v2";
	if (path.startsWith(`${paths.partnerApi}/`)) return "partner";
	if (path.startsWith(`${paths.userApi}/`)) return "user";
	return undefined;
}

/** Handles one request; throws ApiError for legacy errors. */
export function route(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
	if (isV2Path(req.path)) return routeV2(req, ctx);
	if (req.path === paths.partnerToken) return handleTokenRequest(req, "partner", ctx.accounts, ctx.tokens);
	if (req.path === paths.userToken) return handleTokenRequest(req, "user", ctx.accounts, ctx.tokens);
	if (req.method === "POST" && req.path === ingestPaths.publish) return handlePublishHook(req, ctx);
	if (req.method === "POST" && req.path === ingestPaths.done) return handleDoneHook(req, ctx);

	const kind = apiKindOf(req.path);
	if (!kind || kind === "v2") throw notFound();
	const prefix = kind === "partner" ? paths.partnerApi : paths.userApi;
	const segments = req.path.slice(prefix.length + 1).split("/");
	const [first, second, third] = segments;

	if (segments.length === 1 && first === "channels" && req.method === "GET") return channelsResponse();

	const userRoute = segments.length === 3 && first === "user" && !!second && third === "videos";
	const meRoute = segments.length === 2 && first === "me" && second === "videos";
	if (userRoute || meRoute) {
		if (req.method !== "GET" && req.method !== "POST") throw notFound();
		const principal = authenticate(req, kind, ctx.tokens);
		const ownerId = meRoute ? meOwner(principal) : checkOwner(principal, second!);
		return req.method === "POST" ? createLive(req, ctx, ownerId) : listLives(req, ctx, ownerId);
	}

	if (segments.length === 2 && first === "video" && second) {
		const handler = { GET: readVideo, POST: editVideo, DELETE: deleteVideo }[req.method];
		if (!handler) throw notFound();
		const principal = authenticate(req, kind, ctx.tokens);
		return handler(req, ctx, principal, second);
	}
	throw notFound();
}

function notFound(): ApiError {
	return new ApiError(404, "not_found", "This endpoint does not exist.", { reason: "unknown_endpoint" });
}

/** `/me` needs a user behind the token; client_credentials has none. */
function meOwner(principal: Principal): string {
	if (principal.kind !== "user") {
		throw invalidParameter("me", "There is no user behind a client_credentials token, use /user/{profileId}.");
	}
	return principal.ownerId;
}

function checkOwner(principal: Principal, userId: string): string {
	if (userId !== principal.ownerId) throw forbidden(`You are not allowed to manage the videos of user ${userId}.`);
	return userId;
}
