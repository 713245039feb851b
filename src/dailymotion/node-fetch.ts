// The default export only: the bundle takes node:http through `require` (rollup.config.mjs, require-node-http).
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";

/**
 * `fetch` over `node:http`/`node:https`, for ky. Node's global `fetch` loads undici's connection pool and its
 * WebAssembly HTTP parser on the first request: ~15 MB of resident memory for the life of the plugin, more than
 * the rest of the plugin together (README, Performance). The answer is a real `Response`, the request the
 * `Request` ky builds, so ky works exactly as on the global `fetch`.
 *
 * Deliberately smaller than fetch: redirects are never followed (the 3xx answer comes back as it is: the APIs do not
 * redirect, and following one would carry the Authorization header elsewhere), no compression is asked for, and
 * answers larger than `maxBodyBytes` fail. TLS certificates are always verified; `ca` adds trusted roots (tests).
 */
export interface NodeFetchOptions {
	/** Extra trusted CA certificates (PEM) for `https:`: a test's self-signed server. Verification stays on. */
	ca?: string | Buffer;
	/** Largest answer body accepted, default 4 MiB (Dailymotion answers are a few KB). */
	maxBodyBytes?: number;
}

/** Statuses whose `Response` must have a null body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

/** A `fetch` for ky's `fetch` option (network failures are `TypeError("fetch failed")`, as with undici). */
export function createNodeFetch(options: NodeFetchOptions = {}): typeof fetch {
	const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
	return async (input, init) => {
		const request = input instanceof Request && init === undefined ? input : new Request(input, init);
		request.signal.throwIfAborted();
		const url = new URL(request.url);
		if (url.protocol !== "http:" && url.protocol !== "https:") throw fetchFailed(new Error(`unsupported protocol ${url.protocol}`));
		const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
		const headers: Record<string, string> = Object.fromEntries(request.headers);
		if (body) headers["content-length"] = String(body.length);
		const send = url.protocol === "https:" ? httpsRequest : http.request;
		const requestOptions: RequestOptions = { method: request.method, headers, ...(options.ca ? { ca: options.ca } : {}) };
		return exchange(() => send(url, requestOptions), body, request.signal, maxBody);
	};
}

function exchange(open: () => ClientRequest, body: Buffer | undefined, signal: AbortSignal, maxBody: number): Promise<Response> {
	return new Promise((resolve, reject) => {
		const req = open();
		const onAbort = (): void => {
			req.destroy();
			reject(signal.reason);
		};
		signal.addEventListener("abort", onAbort, { once: true });
		const fail = (error: unknown): void => {
			signal.removeEventListener("abort", onAbort);
			reject(signal.aborted ? signal.reason : fetchFailed(error));
		};
		req.once("error", fail);
		req.once("response", (res: IncomingMessage) => {
			readBody(res, maxBody)
				.then((bytes) => {
					signal.removeEventListener("abort", onAbort);
					resolve(toResponse(res, bytes)); // throws on a status `Response` cannot hold (< 200, > 599)
				})
				.catch(fail);
		});
		req.end(body);
	});
}

function readBody(res: IncomingMessage, maxBody: number): Promise<Buffer<ArrayBuffer>> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		res.on("data", (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBody) res.destroy(new Error(`answer larger than ${maxBody} bytes`));
			else chunks.push(chunk);
		});
		res.once("end", () => resolve(Buffer.concat(chunks)));
		res.once("error", reject);
		// A connection cut mid-body ends with "aborted" and no "end".
		res.once("aborted", () => reject(new Error("connection closed before the answer was complete")));
	});
}

function toResponse(res: IncomingMessage, bytes: Buffer<ArrayBuffer>): Response {
	const status = res.statusCode ?? 0;
	const headers = new Headers();
	const raw = res.rawHeaders;
	for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
	const body = NULL_BODY_STATUSES.has(status) ? null : bytes;
	return new Response(body, { status, statusText: res.statusMessage ?? "", headers });
}

function fetchFailed(cause: unknown): TypeError {
	return new TypeError("fetch failed", { cause });
}
