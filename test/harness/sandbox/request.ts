/** Reading an incoming request into the plain shape the handlers work on. */
import type { IncomingMessage } from "node:http";

/** What handlers see of a request: path without query, decoded query and form. */
export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	form: Record<string, string>;
	/** Bearer value of the Authorization header, if any (undefined when absent or not Bearer). */
	authorization: string | undefined;
	/** Media type of the body without parameters, lower-case ("" when absent). */
	contentType: string;
	/** The body was non-empty. */
	hasBody: boolean;
	/** The parsed body when it is `application/json` (API v2); `invalidJson` when it does not parse. */
	json: unknown;
	invalidJson: boolean;
}

const maxBodyBytes = 1024 * 1024;

/** A body larger than the sandbox accepts. */
export class BodyTooLargeError extends Error {
	constructor() {
		super("Request body too large.");
		this.name = "BodyTooLargeError";
	}
}

/** Collects the body and decodes query and form (form only when the body is form-urlencoded). */
export async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > maxBodyBytes) throw new BodyTooLargeError();
		chunks.push(chunk as Buffer);
	}
	const body = Buffer.concat(chunks).toString("utf8");
	const url = new URL(req.url ?? "/", "http://sandbox.invalid");
	const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
	const form = contentType === "application/x-www-form-urlencoded" ? toRecord(new URLSearchParams(body)) : {};
	const { json, invalidJson } = contentType === "application/json" && body.length > 0 ? parseJson(body) : { json: undefined, invalidJson: false };
	return {
		method: (req.method ?? "GET").toUpperCase(),
		path: url.pathname,
		query: toRecord(url.searchParams),
		form,
		authorization: bearerOf(req.headers.authorization),
		contentType,
		hasBody: body.length > 0,
		json,
		invalidJson,
	};
}

function parseJson(body: string): { json: unknown; invalidJson: boolean } {
	try {
		return { json: JSON.parse(body) as unknown, invalidJson: false };
	} catch {
		return { json: undefined, invalidJson: true };
	}
}

/** Last value wins for repeated names, as PHP-style form parsing does. */
function toRecord(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of params) out[key] = value;
	return out;
}

function bearerOf(header: string | undefined): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
	return match?.[1];
}
