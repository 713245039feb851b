/**
 * Stream Deck host simulator: launches a plugin like the Stream Deck app does and plays the app's side of
 * the WebSocket protocol (see /work/shared/reference/stream-deck.md §6).
 */
export { startHost } from "./host.ts";
export { DEFAULT_APP_VERSION, DEFAULT_DEVICES } from "./registration-info.ts";
export { DEFAULT_NODE_PATH, APP_NODE_ARGS } from "./plugin-process.ts";
export { OPENDECK_APP_VERSION } from "./profile.ts";
export type { ActionSpec, DeviceInfo, ExitInfo, Host, HostOptions, HostProfileName, RecordedCommand } from "./types.ts";
