import { HTTPError, NetworkError as KyNetworkError, TimeoutError as KyTimeoutError, type NormalizedOptions } from "ky";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NetworkError, RateLimitError, ServerError, TimeoutError } from "../../../src/dailymotion/errors.ts";
import { HttpTransport } from "../../../src/dailymotion/http.ts";
import { MAX_RETRY_AFTER_MS, shouldRetry } from "../../../src/dailymotion/retry.ts";
import { silentLogger } from "../../../src/log.ts";

const request = new Request("http://localhost/video/x1");
const httpError = (status: number, headers: Record<string, string> = {}) =>
	new HTTPError(new Response(null, { status, headers }), request, {} as NormalizedOptions);

describe("shouldRetry (decision table)", () => {
	it.each([429, 500, 502, 503, 504])("retries a GET on HTTP %i", (status) => {
		expect(shouldRetry("GET", httpError(status))).toBe(true);
	});

	it.each([400, 401, 403, 404, 408, 413])("does not retry a GET on HTTP %i", (status) => {
		expect(shouldRetry("GET", httpError(status))).toBe(false);
	});

	it("retries a GET on network errors and timeouts", () => {
		expect(shouldRetry("GET", new KyNetworkError(request, { cause: new TypeError("fetch failed") }))).toBe(true);
		expect(shouldRetry("GET", new KyTimeoutError(request))).toBe(true);
		expect(shouldRetry("GET", new TypeError("terminated"))).toBe(true);
	});

	it.each([503, 429])("never retries a POST, even on %i", (status) => {
		expect(shouldRetry("POST", httpError(status))).toBe(false);
		expect(shouldRetry("POST", new KyTimeoutError(request))).toBe(false);
	});

	it("does not retry when Retry-After asks for longer than the cap", () => {
		const seconds = String(MAX_RETRY_AFTER_MS / 1000 + 1);
		expect(shouldRetry("GET", httpError(429, { "retry-after": seconds }))).toBe(false);
		expect(shouldRetry("GET", httpError(429, { "retry-after": "1" }))).toBe(true);
	});

	it("does not retry unknown errors (bugs)", () => {
		expect(shouldRetry("GET", new RangeError("bug"))).toBe(false);
	});
});

/** A fetch that answers from a script and records the methods it was called with. */
function scriptedFetch(answers: (() => Response | Promise<Response>)[]) {
	const calls: { method: string; at: number }[] = [];
	const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const req = input instanceof Request ? input : new Request(input, init);
		calls.push({ method: req.method, at: performance.now() });
		const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
		if (!answer) throw new Error("no scripted answer");
		return answer();
	}) as typeof fetch;
	return { calls, fetchFn };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
	new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

function transport(fetchFn: typeof fetch, getRetries = 2, timeoutMs = 2000) {
	return new HttpTransport({ timeoutMs, getRetries, logger: silentLogger, secrets: () => [], fetch: fetchFn });
}

const schema = z.object({ id: z.string() });
const get = { method: "GET" as const, url: "http://localhost/video/x1", schema, source: "api" as const };
const post = { ...get, method: "POST" as const, form: { title: "t" } };

describe("HttpTransport retries", () => {
	it("retries a GET on 503 and returns the later success", async () => {
		const { calls, fetchFn } = scriptedFetch([json({}, 503), json({ id: "x1" })]);
		await expect(transport(fetchFn).send(get)).resolves.toEqual({ id: "x1" });
		expect(calls).toHaveLength(2);
	});

	it("gives up after getRetries retries with a ServerError", async () => {
		const { calls, fetchFn } = scriptedFetch([json({ error: { code: 500, message: "boom", type: "x" } }, 500)]);
		await expect(transport(fetchFn, 1).send(get)).rejects.toBeInstanceOf(ServerError);
		expect(calls).toHaveLength(2);
	});

	it("does not retry a POST on 503", async () => {
		const { calls, fetchFn } = scriptedFetch([json({}, 503), json({ id: "x1" })]);
		await expect(transport(fetchFn).send(post)).rejects.toBeInstanceOf(ServerError);
		expect(calls).toHaveLength(1);
	});

	it("waits for Retry-After before retrying a 429", async () => {
		const { calls, fetchFn } = scriptedFetch([json({}, 429, { "retry-after": "1" }), json({ id: "x1" })]);
		await transport(fetchFn).send(get);
		expect(calls).toHaveLength(2);
		expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
	});

	it("surfaces a long Retry-After as RateLimitError without waiting", async () => {
		const { calls, fetchFn } = scriptedFetch([json({}, 429, { "retry-after": "120" })]);
		const error = await transport(fetchFn).send(get).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RateLimitError);
		expect((error as RateLimitError).retryAfterMs).toBe(120_000);
		expect(calls).toHaveLength(1);
	});

	it("retries a GET after a network failure and reports NetworkError when it persists", async () => {
		const { calls, fetchFn } = scriptedFetch([
			() => {
				throw new TypeError("fetch failed");
			},
		]);
		await expect(transport(fetchFn, 2).send(get)).rejects.toBeInstanceOf(NetworkError);
		expect(calls).toHaveLength(3);
	});

	it("times out a slow answer with TimeoutError and does not retry a POST", async () => {
		const never = () =>
			new Promise<Response>(() => {
				/* never answers */
			});
		const { calls, fetchFn } = scriptedFetch([never]);
		await expect(transport(fetchFn, 2, 100).send(post)).rejects.toBeInstanceOf(TimeoutError);
		expect(calls).toHaveLength(1);
	});
});
