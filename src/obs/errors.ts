/** What went wrong, named for what the caller does next. */
export type ObsErrorCode =
	| "not-configured"
	| "unreachable"
	| "auth-failed"
	| "kicked"
	| "unsupported"
	| "timeout"
	| "output-running"
	| "output-not-running"
	| "start-failed"
	| "request-failed";

/** The only error type `src/obs/` lets out. Messages never contain passwords or stream keys. */
export class ObsError extends Error {
	override readonly name = "ObsError";
	readonly code: ObsErrorCode;
	/** obs-websocket request status or close code, when OBS gave one. */
	readonly obsCode?: number;

	constructor(code: ObsErrorCode, message: string, options?: { obsCode?: number; cause?: unknown }) {
		super(message, options?.cause === undefined ? undefined : { cause: options.cause });
		this.code = code;
		if (options?.obsCode !== undefined) this.obsCode = options.obsCode;
	}
}

/** Narrows `unknown` to {@link ObsError}. */
export function isObsError(e: unknown): e is ObsError {
	return e instanceof ObsError;
}

/** Error codes after which the connection stops retrying until settings change. */
export type BlockingCode = "auth-failed" | "kicked" | "unsupported";

/** True when the error means the connection must not retry on its own. */
export function isBlocking(e: ObsError): e is ObsError & { code: BlockingCode } {
	return e.code === "auth-failed" || e.code === "kicked" || e.code === "unsupported";
}
