/** Dailymotion clients (legacy REST and API v2): the only public surface of `src/dailymotion/`. */
export { DailymotionClient } from "./client.js";
export { DailymotionV2Client, type V2Config } from "./v2/client.js";
export { FALLBACK_CHANNELS } from "./channels.js";
export { type ApiMode, type ClientOptions, type DailymotionConfig } from "./config.js";
export type { ApiVersion, ConnectionInfo, LiveApi, Profile } from "./live-api.js";
export { splitPublishUrl, type PublishTarget } from "./publish-url.js";
export type {
	AdBreakLaunch,
	Channel,
	CreatedLive,
	CreateLiveInput,
	LiveExtra,
	LiveSummary,
	RecordStatus,
	VideoChanges,
	VideoState,
} from "./types.js";
export { RECORD_STATUSES } from "./types.js";
export * from "./errors.js";
