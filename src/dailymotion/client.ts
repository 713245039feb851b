import { silentLogger, type Logger } from "../log.js";
import { setAdBreaksEnabled, launchAdBreak } from "./ad-breaks.js";
import { AuthorizedApi } from "./api.js";
import { TokenProvider } from "./auth.js";
import { FALLBACK_CHANNELS, listChannels } from "./channels.js";
import type { ClientOptions, DailymotionConfig } from "./config.js";
import { ConfigError, UnsupportedError } from "./errors.js";
import { transportFor } from "./http.js";
import type { ConnectionInfo, LiveApi, Profile } from "./live-api.js";
import { createLive, listLives } from "./lives.js";
import { splitPublishUrl, type PublishTarget } from "./publish-url.js";
import { EDITABLE_FIELDS, tokenResponseSchema } from "./schemas.js";
import type { AdBreakLaunch, Channel, CreatedLive, CreateLiveInput, LiveExtra, LiveSummary, RecordStatus, VideoChanges, VideoState } from "./types.js";
import { setRecording } from "./recording.js";
import { editVideo, getVideo, videoFields } from "./videos.js";

export { FALLBACK_CHANNELS };
export type { AdBreakLaunch, Channel, ConnectionInfo, CreatedLive, LiveSummary, VideoChanges, VideoState };

/**
 * The Dailymotion legacy REST client (contract §8): one instance per configuration, holding the token cache.
 * Every method throws only `DailymotionError` subclasses (except {@link listChannels}, which never throws).
 */
export class DailymotionClient implements LiveApi {
	readonly version = "legacy" as const;
	readonly capabilities = { adBreakToggle: true, recording: true };
	/** The configuration this client was built with. */
	readonly config: DailymotionConfig;
	readonly #logger: Logger;
	readonly #tokens: TokenProvider;
	readonly #api: AuthorizedApi;

	constructor(config: DailymotionConfig, options: ClientOptions = {}) {
		this.config = config;
		this.#logger = options.logger ?? silentLogger;
		const http = transportFor(options, this.#logger, () => [config.apiSecret, config.password, ...this.#tokens.secrets()]);
		this.#tokens = new TokenProvider(
			config,
			(form) => http.send({ method: "POST", url: config.tokenUrl, form, schema: tokenResponseSchema, source: "token" }),
			{ now: options.now ?? Date.now, logger: this.#logger },
		);
		this.#api = new AuthorizedApi(config.apiUrl, http, this.#tokens, this.#logger);
	}

	/** Resolves the owner profile id (config.profileId, or the user token's uid). Throws ConfigError("No profile…") in partner mode without it. */
	async profileId(): Promise<string> {
		const configured = this.config.profileId?.trim();
		if (configured) return configured;
		if (this.config.mode === "partner") {
			throw new ConfigError("No profile ID set (required in partner mode)", "profileId");
		}
		const token = await this.#tokens.get();
		if (!token.uid) throw new ConfigError("No profile ID set and the login did not return one", "profileId");
		return token.uid;
	}

	/** Obtains an access token now (or keeps the cached one), so a failed login is not mistaken for a failed call. */
	async login(): Promise<void> {
		await this.#tokens.get();
	}

	/** POST {apiUrl}/user/{profileId}/videos?fields=id,title,channel,live_publish_url — sent ONCE (retried only after a 401). */
	async createLive(input: CreateLiveInput): Promise<CreatedLive> {
		return createLive(this.#api, await this.profileId(), input);
	}

	/** GET the video with the §8.5 field list and `extras` (retried on network errors, timeouts, 429 and 5xx). */
	getVideo(id: string, extras: readonly LiveExtra[] = []): Promise<VideoState> {
		return getVideo(this.#api, id, videoFields(extras));
	}

	/** GET the fields the inspector edits (title, channel, private) plus id and onair. */
	getEditableLive(id: string): Promise<VideoState> {
		return getVideo(this.#api, id, EDITABLE_FIELDS);
	}

	/** POST only the given fields; resolves without a request when `changes` is empty. */
	editVideo(id: string, changes: VideoChanges): Promise<void> {
		return editVideo(this.#api, id, changes);
	}

	/** `live_ad_break=true|false`. */
	setAdBreaksEnabled(id: string, enabled: boolean): Promise<void> {
		return setAdBreaksEnabled(this.#api, id, enabled);
	}

	/** `live_ad_break_launch=1` with `?fields=live_ad_break_end_time,live_ad_break_remaining` — never retried. */
	launchAdBreak(id: string): Promise<AdBreakLaunch> {
		return launchAdBreak(this.#api, id);
	}

	/** `record_status=started|stopped` with `?fields=id,record_status` — never retried. */
	setRecording(id: string, on: boolean): Promise<RecordStatus | null> {
		return setRecording(this.#api, id, on);
	}

	/** The profile's lives, newest first (§8.10); `limit` defaults to 20 (max 100). */
	async listLives(limit?: number): Promise<LiveSummary[]> {
		return listLives(this.#api, await this.profileId(), limit);
	}

	/** Categories from `GET /channels` (no auth); on ANY error returns FALLBACK_CHANNELS (never throws). */
	listChannels(): Promise<Channel[]> {
		return listChannels(this.#api, this.#logger);
	}

	/** Gets a token (forcing a fresh one) and returns who/what it is for the inspector's "Test connection". */
	async testConnection(): Promise<ConnectionInfo> {
		const token = await this.#tokens.get({ force: true });
		const profileId = this.config.profileId?.trim() || token.uid || null;
		return { api: "legacy", mode: this.config.mode, profileId, scope: token.scope };
	}

	/** The legacy API cannot list profiles under client_credentials (no `/me`): the profile id is typed in. */
	listProfiles(): Promise<Profile[]> {
		return Promise.reject(new UnsupportedError("Profiles are listed on API v2 only", { type: "unsupported" }));
	}

	/** §8.11: split at the last `/`. */
	publishTarget(publishUrl: string): PublishTarget {
		return splitPublishUrl(publishUrl);
	}
}
