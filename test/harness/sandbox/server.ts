/** The HTTP server: recording, faults, latency, then routing. Only `node:http`. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isAuthorized } from "./auth.ts";
import type { SandboxContext } from "./context.ts";
import { newCredentials } from "./credentials.ts";
import { ApiError, defaultErrorResponse, errorResponse, type SandboxResponse } from "./errors.ts";
import { FaultQueue } from "./faults.ts";
import { ingestPaths } from "./ingest.ts";
import { LiveStore } from "./live-store.ts";
import { BodyTooLargeError, readRequest } from "./request.ts";
import { apiKindOf, paths, route } from "./router.ts";
import { V2Error, v2DefaultErrorResponse, v2ErrorResponse } from "./v2/errors.ts";
import { isV2Path, v2Paths } from "./v2/router.ts";
import { V2_SCOPES } from "./v2/token.ts";
import { TokenStore } from "./tokens.ts";
import type { RecordedRequest, Sandbox, SandboxOptions } from "./types.ts";

/** Starts a sandbox on 127.0.0.1 (ephemeral port by default). Close it in afterAll/afterEach. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const now = options.now ?? Date.now;
	const latencyMs = options.latencyMs ?? 0;
	const accounts = { credentials: newCredentials(), revoked: false, v2Permissions: new Set(["live.manage", "live.read", "account.read"]) };
	const ctx: SandboxContext = {
		now,
		accounts,
		tokens: new TokenStore(now, options.tokenTtlSeconds ?? 36000),
		store: new LiveStore(now, options.ingestUrl ?? "rtmp://127.0.0.1:1935/live", options.recordTransitionMs),
	};
	const faults = new FaultQueue();
	const requests: RecordedRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let closed = false;

	/** Resolves after `ms`, never once the sandbox is closed (the socket is gone anyway). */
	const wait = (ms: number): Promise<void> =>
		ms <= 0
			? Promise.resolve()
			: new Promise((resolve) => {
					const timer = setTimeout(() => {
						timers.delete(timer);
						resolve();
					}, ms);
					timers.add(timer);
				});

	async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? "/", "http://sandbox.invalid");
		const record: RecordedRequest = {
			method: (req.method ?? "GET").toUpperCase(),
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			form: {},
			authorized: false,
			status: 0,
			at: now(),
		};
		requests.push(record);

		let response: SandboxResponse;
		let dropAfter = false;
		try {
			const request = await readRequest(req);
			record.form = { ...request.form };
			if (request.json !== undefined) record.json = request.json;
			record.authorized = isAuthorized(request, apiKindOf(request.path), ctx.tokens);
			const fault = faults.take(record.method, record.path);
			if (fault?.delayMs) await wait(fault.delayMs);
			if (fault?.drop) {
				res.socket?.destroy();
				return;
			}
			if (fault?.status !== undefined) {
				const base = fault.body === undefined ? faultErrorResponse(record.path, fault.status) : rawResponse(fault.status, fault.body);
				response = { ...base, headers: { ...base.headers, ...fault.headers } };
			} else {
				response = safeRoute(request);
				if (fault?.headers) response.headers = { ...response.headers, ...fault.headers };
			}
			dropAfter = fault?.dropAfterHandling === true;
		} catch (error) {
			if (!(error instanceof BodyTooLargeError)) response = internalError(record.path);
			else if (isV2Path(record.path)) response = v2ErrorResponse(new V2Error(413, "PAYLOAD_TOO_LARGE", error.message));
			else response = errorResponse(new ApiError(413, "invalid_parameter", error.message));
		}
		if (dropAfter) {
			res.socket?.destroy();
			return;
		}
		await wait(latencyMs);
		if (closed || res.destroyed) return;
		record.status = response.status;
		res.writeHead(response.status, response.headers);
		res.end(response.body);
	}

	function safeRoute(request: Awaited<ReturnType<typeof readRequest>>): SandboxResponse {
		try {
			return route(request, ctx);
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			return error instanceof V2Error ? v2ErrorResponse(error) : internalError(request.path);
		}
	}

	const server = createServer((req, res) => {
		serve(req, res).catch(() => res.socket?.destroy());
	});
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
	});
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const liveOrThrow = (id: string) => {
		const state = ctx.store.get(id);
		if (!state) throw new Error(`Sandbox: no live with id ${id}`);
		return state;
	};

	return {
		url,
		partner: { apiUrl: `${url}${paths.partnerApi}`, tokenUrl: `${url}${paths.partnerToken}` },
		user: { apiUrl: `${url}${paths.userApi}`, tokenUrl: `${url}${paths.userToken}` },
		v2: { apiUrl: `${url}${v2Paths.api}`, tokenUrl: `${url}${v2Paths.token}` },
		credentials: accounts.credentials,
		requests,
		lives: () => ctx.store.all().map((s) => ctx.store.snapshot(s)),
		live: (id) => {
			const state = ctx.store.get(id);
			return state && ctx.store.snapshot(state);
		},
		setOnAir: (id, onair) => ctx.store.setOnAir(liveOrThrow(id), onair),
		useAdBreakQuota: (id, remaining = 0) => ctx.store.useAdBreakQuota(liveOrThrow(id), remaining),
		deleteLive: (id) => ctx.store.delete(liveOrThrow(id).id),
		expireTokens: () => ctx.tokens.expireAccessTokens(),
		revokeCredentials: () => {
			accounts.revoked = true;
			ctx.tokens.revokeRefreshTokens();
		},
		setV2Permissions: (scopes) => {
			const unknown = scopes.find((s) => !V2_SCOPES.has(s));
			if (unknown) throw new Error(`Sandbox: unknown v2 scope ${unknown}`);
			accounts.v2Permissions = new Set(scopes);
		},
		issuedTokens: () => ctx.tokens.issued(),
		inject: (fault) => faults.add(fault),
		ingestHooks: { publish: `${url}${ingestPaths.publish}`, done: `${url}${ingestPaths.done}` },
		close: async () => {
			if (closed) return;
			closed = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

function rawResponse(status: number, body: string): SandboxResponse {
	const json = /^\s*[[{]/.test(body);
	return { status, headers: { "Content-Type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8" }, body };
}

function internalError(path: string): SandboxResponse {
	if (isV2Path(path)) return v2ErrorResponse(new V2Error(500, "INTERNAL_ERROR", "The sandbox failed to handle this request."));
	return errorResponse(new ApiError(500, "server_error", "The sandbox failed to handle this request."));
}

/** What a fault with only a status answers: the error format of the API the path belongs to. */
function faultErrorResponse(path: string, status: number): SandboxResponse {
	return isV2Path(path) && path !== v2Paths.token ? v2DefaultErrorResponse(status) : defaultErrorResponse(status);
}
