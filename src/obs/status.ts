/** Where the OBS WebSocket connection stands. Reasons are user-facing and never contain secrets. */
export type ObsStatus =
	| { kind: "idle" } // no URL configured / not started
	| { kind: "connecting" }
	| { kind: "connected"; obsVersion: string; wsVersion: string }
	| { kind: "down"; reason: string; retryInMs: number } // not running/unreachable; retrying with backoff
	| { kind: "auth-failed"; reason: string } // 4009: stopped until settings change
	| { kind: "kicked"; reason: string } // 4011: stopped until settings change
	| { kind: "unsupported"; reason: string }; // no subprotocol / 4010

/** Status kinds after which the connection waits for new settings instead of retrying. */
export function isBlockedStatus(
	status: ObsStatus,
): status is Extract<ObsStatus, { kind: "auth-failed" | "kicked" | "unsupported" }> {
	return status.kind === "auth-failed" || status.kind === "kicked" || status.kind === "unsupported";
}
