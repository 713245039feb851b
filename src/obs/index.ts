/** OBS Studio over obs-websocket v5: the connection, typed errors and the stream helpers. */
export { ObsConnection, type ObsConnectionOptions, type ObsStatus, type StreamState } from "./connection.js";
export { unknownStream } from "./stream-state.js";
export { ObsError, isObsError, type ObsErrorCode } from "./errors.js";
export { pushStreamSettings, startStream, stopStream, type StreamTarget } from "./stream.js";
export { readStreamStats, type StreamStats } from "./stream-stats.js";
export { Backoff, type BackoffOptions } from "./backoff.js";
export { OutputState } from "./codes.js";
