/** nginx-rtmp `on_publish` / `on_publish_done` callbacks (obs-websocket.md §7, dailymotion-api.md §8.12). */
import type { SandboxContext } from "./context.ts";
import type { SandboxResponse } from "./errors.ts";
import type { SandboxRequest } from "./request.ts";

/** Hook paths on the sandbox (not part of the API: no bearer). */
export const ingestPaths = { publish: "/_ingest/publish", done: "/_ingest/done" } as const;

function text(status: number, body: string): SandboxResponse {
	return { status, headers: { "Content-Type": "text/plain; charset=utf-8" }, body };
}

/** Args as nginx-rtmp sends them: form fields for POST, query for `notify_method get`. */
function argsOf(req: SandboxRequest): Record<string, string> {
	return { ...req.query, ...req.form };
}

/** 2xx allows the publish only for an existing live id with its own `auth` token, and puts it on air. */
export function handlePublishHook(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
	const args = argsOf(req);
	const state = args.name ? ctx.store.get(args.name) : undefined;
	if (!state || !args.auth || args.auth !== state.publishToken) return text(403, "Publishing refused.");
	ctx.store.setOnAir(state, true);
	return text(200, "OK");
}

/** The publisher left: the live goes off air. Unknown names are ignored. */
export function handleDoneHook(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
	const args = argsOf(req);
	const state = args.name ? ctx.store.get(args.name) : undefined;
	if (state) ctx.store.setOnAir(state, false);
	return text(200, "OK");
}
