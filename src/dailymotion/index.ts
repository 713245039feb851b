/** Dailymotion legacy REST client: the only public surface of `src/dailymotion/`. */
export { DailymotionClient, type ConnectionInfo } from "./client.js";
export { FALLBACK_CHANNELS } from "./channels.js";
export { type ApiMode, type ClientOptions, type DailymotionConfig } from "./config.js";
export { splitPublishUrl, type PublishTarget } from "./publish-url.js";
export type {
	AdBreakLaunch,
	Channel,
	CreatedLive,
	CreateLiveInput,
	LiveSummary,
	VideoChanges,
	VideoState,
} from "./types.js";
export * from "./errors.js";
