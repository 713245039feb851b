import { HTTPError, NetworkError as KyNetworkError, TimeoutError as KyTimeoutError, type NormalizedOptions } from "ky";
import { describe, expect, it } from "vitest";
import { errorFromResponse, parseRetryAfter, toDailymotionError } from "../../../src/dailymotion/error-mapping.ts";
import {
	ApiError,
	AuthError,
	DailymotionError,
	isTransientError,
	NetworkError,
	NotFoundError,
	PermissionError,
	RateLimitError,
	ServerError,
	TimeoutError,
	UnexpectedResponseError,
} from "../../../src/dailymotion/errors.ts";
import { redact } from "../../../src/secrets.ts";

const legacy = (code: number, type: string, message: string) => ({ error: { code, type, message } });

const v2 = (code: string, message: string) => ({
	error: { code, message, correlation_id: "c0ffee", details: {}, documentation_url: "https://developers.dailymotion.com/" },
});

describe("errorFromResponse with API v2 bodies", () => {
	it.each([
		[404, "RESOURCE_NOT_FOUND", NotFoundError, "resource_not_found"],
		[400, "INVALID_PARAMETER", ApiError, "invalid_parameter"],
		[401, "INVALID_TOKEN", AuthError, "invalid_token"],
		[403, "MISSING_PERMISSIONS", PermissionError, "missing_permissions"],
		[503, "SERVICE_UNAVAILABLE", ServerError, "service_unavailable"],
	])("maps %i %s by status and stable code (type %s)", (status, code, cls, type) => {
		const error = errorFromResponse({ status, body: v2(code, "Something human.") }, { source: "api" });
		expect(error).toBeInstanceOf(cls);
		expect(error.type).toBe(type);
		expect(error.status).toBe(status);
	});

	it("MISSING_PERMISSIONS says the key lacks the live permission, keeping the API's scrubbed reason", () => {
		const error = errorFromResponse(
			{ status: 403, body: v2("MISSING_PERMISSIONS", "This API key lacks the live.manage permission (tok-abcdef123).") },
			{ source: "api", redact: (t) => redact(t, ["tok-abcdef123"]) },
		);
		expect(error.message).toBe("API key lacks live permission (This API key lacks the live.manage permission (…f123).)");
	});
});

describe("errorFromResponse", () => {
	it.each([
		[404, "not_found", NotFoundError],
		[400, "invalid_parameter", ApiError],
		[403, "access_forbidden", ApiError],
		[401, "invalid_token", AuthError],
		[429, "rate_limited", RateLimitError],
		[500, "internal", ServerError],
		[503, "unavailable", ServerError],
	])("maps API status %i to the matching class, keeping type and message", (status, type, cls) => {
		const error = errorFromResponse({ status, body: legacy(status, type, "Something human.") }, { source: "api" });
		expect(error).toBeInstanceOf(cls);
		expect(error.status).toBe(status);
		expect(error.type).toBe(type);
		expect(error.message).toContain("Something human.");
	});

	it("classifies by status even when the message reads like another error", () => {
		const error = errorFromResponse({ status: 400, body: legacy(400, "invalid_parameter", "Not found, timeout, 500") }, { source: "api" });
		expect(error).toBeInstanceOf(ApiError);
	});

	it.each(["invalid_client", "invalid_grant", "unsupported_grant_type"])(
		"maps a token-endpoint 400 %s to AuthError with the OAuth code as type",
		(code) => {
			const error = errorFromResponse({ status: 400, body: { error: code, error_description: "Bad creds." } }, { source: "token" });
			expect(error).toBeInstanceOf(AuthError);
			expect(error.type).toBe(code);
			expect(error.message).toContain("Bad creds.");
		},
	);

	it("turns an HTML 502 into a ServerError without copying the HTML", () => {
		const error = errorFromResponse({ status: 502, body: "<html><body>Bad Gateway</body></html>" }, { source: "api" });
		expect(error).toBeInstanceOf(ServerError);
		expect(error.message).toContain("502");
		expect(error.message).not.toContain("<html>");
	});

	it.each([301, 302, 307, 308])("says a %i is a redirect the plugin does not follow", (status) => {
		const error = errorFromResponse({ status, body: "" }, { source: "api" });
		expect(error).toBeInstanceOf(UnexpectedResponseError);
		expect(error.message).toBe(`Dailymotion answered with a redirect (HTTP ${status}); check the API URL`);
	});

	it("reads Retry-After seconds into retryAfterMs on 429", () => {
		const error = errorFromResponse({ status: 429, body: undefined, retryAfter: "7" }, { source: "api" });
		expect(error).toBeInstanceOf(RateLimitError);
		expect((error as RateLimitError).retryAfterMs).toBe(7000);
	});

	it("redacts secrets echoed in the API message", () => {
		const body = legacy(400, "invalid_parameter", "bad value rtmp://h/app/x1?auth=tok123 for s3cr3t-value");
		const error = errorFromResponse({ status: 400, body }, { source: "api", redact: (t) => redact(t, ["s3cr3t-value"]) });
		expect(error.message).not.toContain("tok123");
		expect(error.message).not.toContain("s3cr3t-value");
	});
});

describe("parseRetryAfter", () => {
	it("parses delay seconds and HTTP dates against the given clock", () => {
		const now = Date.parse("2025-01-01T00:00:00Z");
		expect(parseRetryAfter("3")).toBe(3000);
		expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", () => now)).toBe(10_000);
		expect(parseRetryAfter("soon")).toBeUndefined();
		expect(parseRetryAfter(null)).toBeUndefined();
	});
});

describe("toDailymotionError", () => {
	const request = new Request("http://localhost/video/x1", { headers: { authorization: "Bearer tok-secret" } });

	it("maps ky's HTTPError through its status and pre-parsed data", () => {
		const response = new Response(null, { status: 404 });
		const kyError = new HTTPError(response, request, {} as NormalizedOptions);
		kyError.data = legacy(404, "not_found", "No such video");
		const error = toDailymotionError(kyError, { source: "api" });
		expect(error).toBeInstanceOf(NotFoundError);
		expect(error.message).toBe("No such video");
		expect(error.cause).toBeUndefined();
	});

	it("maps ky timeouts and network errors, keeping only the network cause", () => {
		const cause = new TypeError("fetch failed");
		expect(toDailymotionError(new KyTimeoutError(request), { source: "api" })).toBeInstanceOf(TimeoutError);
		const network = toDailymotionError(new KyNetworkError(request, { cause }), { source: "api" });
		expect(network).toBeInstanceOf(NetworkError);
		expect(network.cause).toBe(cause);
	});

	it("maps invalid JSON to UnexpectedResponseError and passes Dailymotion errors through", () => {
		expect(toDailymotionError(new SyntaxError("Unexpected token <"), { source: "api" })).toBeInstanceOf(UnexpectedResponseError);
		const own = new ApiError("x", { status: 400 });
		expect(toDailymotionError(own, { source: "api" })).toBe(own);
		expect(toDailymotionError("weird", { source: "api" })).toBeInstanceOf(DailymotionError);
	});

	it("marks only network, timeout, rate-limit and server errors as transient", () => {
		expect(isTransientError(new ServerError("x"))).toBe(true);
		expect(isTransientError(new TimeoutError("x"))).toBe(true);
		expect(isTransientError(new ApiError("x"))).toBe(false);
		expect(isTransientError(new AuthError("x"))).toBe(false);
	});
});
