/** API v2 error bodies: `{"error":{"code","message","correlation_id","details","documentation_url"}}`, stable string codes. */
import { randomUUID } from "node:crypto";
import { jsonResponse, type SandboxResponse } from "../errors.ts";

/** A v2 error thrown by the v2 handlers. */
export class V2Error extends Error {
	readonly status: number;
	readonly code: string;
	readonly details: Record<string, unknown>;
	readonly headers: Record<string, string>;

	constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
		super(message);
		this.name = "V2Error";
		this.status = status;
		this.code = code;
		this.details = details;
		this.headers = headers;
	}
}

/** 400 `INVALID_PARAMETER` naming the field (unknown fields, wrong types, bad values, missing ones). */
export function invalidParameter(field: string, message: string): V2Error {
	return new V2Error(400, "INVALID_PARAMETER", message, { field });
}

/** 401 for a missing, unknown or expired token (v2 tokens are JWTs: expiry is the usual reason). */
export function invalidToken(message: string): V2Error {
	return new V2Error(401, "INVALID_TOKEN", message, {}, { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${message}"` });
}

/** 403: the key lacks the scope a route needs. */
export function missingPermissions(scope: string): V2Error {
	return new V2Error(403, "MISSING_PERMISSIONS", `This API key lacks the ${scope} permission.`, { required_scope: scope });
}

export function resourceNotFound(what: string, id: string): V2Error {
	return new V2Error(404, "RESOURCE_NOT_FOUND", `No ${what} with id ${id}.`, { id });
}

/** Serialises a V2Error. */
export function v2ErrorResponse(error: V2Error): SandboxResponse {
	return jsonResponse(
		error.status,
		{
			error: {
				code: error.code,
				message: error.message,
				correlation_id: randomUUID(),
				details: error.details,
				documentation_url: "https://developers.dailymotion.com/v2/reference/errors",
			},
		},
		error.headers,
	);
}

const defaultCodes: Record<number, [string, string]> = {
	400: ["INVALID_PARAMETER", "The request is invalid."],
	401: ["INVALID_TOKEN", "The access token is invalid or expired."],
	403: ["MISSING_PERMISSIONS", "This API key lacks a permission this call needs."],
	404: ["RESOURCE_NOT_FOUND", "The requested resource was not found."],
	429: ["RATE_LIMIT_EXCEEDED", "Too many requests, slow down."],
	500: ["INTERNAL_ERROR", "An internal error occurred, please retry later."],
	502: ["BAD_GATEWAY", "Bad gateway."],
	503: ["SERVICE_UNAVAILABLE", "The service is temporarily unavailable."],
	504: ["GATEWAY_TIMEOUT", "Gateway timeout."],
};

/** The v2 error a fault answers with when it gives only a status. */
export function v2DefaultErrorResponse(status: number): SandboxResponse {
	const [code, message] = defaultCodes[status] ?? ["INTERNAL_ERROR", `Sandbox fault with status ${status}.`];
	if (status === 401) return v2ErrorResponse(invalidToken(message));
	return v2ErrorResponse(new V2Error(status, code, message));
}
