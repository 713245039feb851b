/** Legacy error bodies (§6, §8.13) and the internal error type handlers throw. */

/** The response a handler produces; the server writes it (or drops it, for faults). */
export interface SandboxResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** A legacy API error: thrown by handlers, turned into `{"error":{code,message,type,error_data?}}`. */
export class ApiError extends Error {
	readonly status: number;
	readonly type: string;
	readonly errorData: Record<string, string> | undefined;
	readonly headers: Record<string, string>;

	constructor(
		status: number,
		type: string,
		message: string,
		errorData?: Record<string, string>,
		headers: Record<string, string> = {},
	) {
		super(message);
		this.name = "ApiError";
		this.status = status;
		this.type = type;
		this.errorData = errorData;
		this.headers = headers;
	}
}

/** 400 invalid_parameter naming the offending parameter. */
export function invalidParameter(param: string, message: string): ApiError {
	return new ApiError(400, "invalid_parameter", message, { reason: "invalid_parameter", param });
}

/** 401 with the `WWW-Authenticate` header the official SDKs parse (§8.3). */
export function invalidToken(description: string): ApiError {
	return new ApiError(401, "invalid_token", description, undefined, {
		"WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"`,
	});
}

/** 404 for an unknown video id. */
export function videoNotFound(id: string): ApiError {
	return new ApiError(404, "not_found", `Can't find object video for \`id' parameter`, {
		reason: "object_not_found",
		object_type: "video",
		object_id: id,
		param: "id",
	});
}

/** 403 access_forbidden. */
export function forbidden(message: string): ApiError {
	return new ApiError(403, "access_forbidden", message);
}

/** A JSON response with the usual headers. */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
	return {
		status,
		headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
		body: JSON.stringify(value),
	};
}

/** Serialises an ApiError in the legacy format. */
export function errorResponse(error: ApiError): SandboxResponse {
	const inner: Record<string, unknown> = { code: error.status, message: error.message, type: error.type };
	if (error.errorData) inner.error_data = error.errorData;
	return jsonResponse(error.status, { error: inner }, error.headers);
}

const defaultTypes: Record<number, [string, string]> = {
	400: ["invalid_parameter", "The request is invalid."],
	401: ["invalid_token", "The access token is invalid."],
	403: ["access_forbidden", "You are not allowed to perform this action."],
	404: ["not_found", "The requested object was not found."],
	429: ["rate_limit_exceeded", "Too many requests, slow down."],
	500: ["server_error", "An internal error occurred, please retry later."],
	502: ["server_error", "Bad gateway."],
	503: ["server_error", "The service is temporarily unavailable."],
	504: ["server_error", "Gateway timeout."],
};

/** The legacy error a fault answers with when it gives only a status. */
export function defaultErrorResponse(status: number): SandboxResponse {
	const [type, message] = defaultTypes[status] ?? ["server_error", `Sandbox fault with status ${status}.`];
	if (status === 401) return errorResponse(invalidToken(message));
	return errorResponse(new ApiError(status, type, message));
}
