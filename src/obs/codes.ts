/**
 * obs-websocket numeric codes we act on. obs-websocket-js exports no enum for them, so they live here
 * (values from obs-websocket's `RequestStatus.h` and `WebSocketCloseCode.h`).
 */

/** `requestStatus.code` values. */
export const RequestStatus = {
	Success: 100,
	NotReady: 207,
	OutputRunning: 500,
	OutputNotRunning: 501,
} as const;

/** WebSocket close codes sent by obs-websocket (4xxx) or the socket layer. */
export const CloseCode = {
	Normal: 1000,
	GoingAway: 1001,
	Abnormal: 1006,
	AuthenticationFailed: 4009,
	UnsupportedRpcVersion: 4010,
	SessionInvalidated: 4011,
	UnsupportedFeature: 4012,
} as const;

/** Values of `StreamStateChanged.outputState`. */
export const OutputState = {
	Unknown: "OBS_WEBSOCKET_OUTPUT_UNKNOWN",
	Starting: "OBS_WEBSOCKET_OUTPUT_STARTING",
	Started: "OBS_WEBSOCKET_OUTPUT_STARTED",
	Stopping: "OBS_WEBSOCKET_OUTPUT_STOPPING",
	Stopped: "OBS_WEBSOCKET_OUTPUT_STOPPED",
	Reconnecting: "OBS_WEBSOCKET_OUTPUT_RECONNECTING",
	Reconnected: "OBS_WEBSOCKET_OUTPUT_RECONNECTED",
} as const;
