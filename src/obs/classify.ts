import { OBSWebSocketError } from "obs-websocket-js/json";
import { CloseCode, RequestStatus } from "./codes.js";
import { isObsError, ObsError } from "./errors.js";

/**
 * The one place that reads library message text: obs-websocket-js reports a server without (or with a
 * wrong) subprotocol — obs-websocket 4.x or not OBS at all — as code -1, the same code as ECONNREFUSED.
 */
function isSubprotocolError(e: OBSWebSocketError): boolean {
	return e.code === -1 && /subprotocol/i.test(e.message);
}

/** Maps a failed `connect()` or a socket close to a typed error. */
export function classifyConnectionError(e: unknown): ObsError {
	if (isObsError(e)) return e;
	if (!(e instanceof OBSWebSocketError)) {
		return new ObsError("unreachable", "OBS is not reachable", { cause: e });
	}
	const obsCode = e.code;
	switch (obsCode) {
		case CloseCode.AuthenticationFailed:
			return new ObsError("auth-failed", "OBS refused the WebSocket password", { obsCode, cause: e });
		case CloseCode.SessionInvalidated:
			return new ObsError("kicked", "OBS closed this session (kicked)", { obsCode, cause: e });
		case CloseCode.UnsupportedRpcVersion:
		case CloseCode.UnsupportedFeature:
			return new ObsError("unsupported", "OBS WebSocket version is not supported (need v5)", { obsCode, cause: e });
	}
	if (isSubprotocolError(e)) {
		return new ObsError("unsupported", "Not an obs-websocket v5 server (OBS 28 or newer needed)", { obsCode, cause: e });
	}
	return new ObsError("unreachable", "OBS is not reachable", { obsCode, cause: e });
}

/** Maps a failed `call()`: request statuses by code; errors without a code mean the socket is gone. */
export function classifyRequestError(e: unknown, requestType: string): ObsError {
	if (isObsError(e)) return e;
	if (!(e instanceof OBSWebSocketError)) {
		// obs-websocket-js throws plain Errors ("Not connected", "Socket not identified") before sending.
		return new ObsError("unreachable", `OBS is not connected (${requestType})`, { cause: e });
	}
	const obsCode = e.code;
	const detail = e.message ? `: ${e.message}` : "";
	switch (obsCode) {
		case RequestStatus.OutputRunning:
			return new ObsError("output-running", `OBS is already streaming (${requestType})`, { obsCode, cause: e });
		case RequestStatus.OutputNotRunning:
			return new ObsError("output-not-running", `OBS is not streaming (${requestType})`, { obsCode, cause: e });
	}
	// Request statuses are 100–703; anything else is a socket or close code.
	if (obsCode < 100 || obsCode >= 1000) return classifyConnectionError(e);
	return new ObsError("request-failed", `OBS ${requestType} failed with code ${obsCode}${detail}`, { obsCode, cause: e });
}
