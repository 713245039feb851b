import { silentLogger, type Logger } from "../../log.js";
import { AuthorizedApi } from "../api.js";
import { TokenProvider } from "../auth.js";
import { FALLBACK_CHANNELS } from "../channels.js";
import type { ClientOptions, DailymotionConfig } from "../config.js";
import { ConfigError, UnsupportedError } from "../errors.js";
import { transportFor } from "../http.js";
import type { ConnectionInfo, LiveApi, Profile } from "../live-api.js";
import type { PublishTarget } from "../publish-url.js";
import { tokenResponseSchema } from "../schemas.js";
import type { AdBreakLaunch, Channel, CreatedLive, CreateLiveInput, LiveSummary, RecordStatus, VideoChanges, VideoState } from "../types.js";
import { v2PublishTarget } from "./ingest.js";
import { createLivestream, getLivestream, launchAdvertising, listLivestreams, patchLivestream, profileLivestreamsPath } from "./livestreams.js";
import { EDITABLE_LIVESTREAM_FIELDS, meSchema, pageSchema, livestreamSchema } from "./schemas.js";

/** What the v2 client needs (URLs already resolved by the settings layer). Private API key only. */
export interface V2Config {
	apiKey: string;
	/** Secret. */
	apiSecret: string;
	/** The profile (channel) that owns the livestreams. */
	profileId?: string;
	apiUrl: string;
	tokenUrl: string;
}

/** Scopes of the token every live call uses (create/edit/ad breaks; read/list). */
export const V2_LIVE_SCOPES = "live.manage live.read";
/** `GET /me` needs its own scope; asked for only when the inspector lists profiles. */
export const V2_ACCOUNT_SCOPE = "account.read";

/**
 * The Dailymotion API v2 client (`/v2/livestreams`): JSON bodies, PATCH edits, ISO 8601 dates mapped to the same
 * domain types as the legacy client. One instance per configuration, holding the token caches.
 */
export class DailymotionV2Client implements LiveApi {
	readonly version = "v2" as const;
	/** v2 documents no field to allow or forbid ad breaks: the key says so instead of guessing one. */
	/** Nor a manual recording start/stop (only auto-record, set at creation): the Record key says so. */
	readonly capabilities = { adBreakToggle: false, recording: false };
	readonly config: V2Config;
	readonly #logger: Logger;
	readonly #liveTokens: TokenProvider;
	readonly #api: AuthorizedApi;
	readonly #accountApi: AuthorizedApi;

	constructor(config: V2Config, options: ClientOptions = {}) {
		this.config = config;
		this.#logger = options.logger ?? silentLogger;
		const tokenConfig: DailymotionConfig = { mode: "partner", label: "API v2", ...config };
		const providers: TokenProvider[] = [];
		const http = transportFor(options, this.#logger, () => [config.apiSecret, ...providers.flatMap((p) => p.secrets())]);
		const provider = (scope: string): TokenProvider => {
			const tokens = new TokenProvider(
				tokenConfig,
				(form) => http.send({ method: "POST", url: config.tokenUrl, form, schema: tokenResponseSchema, source: "token" }),
				{ now: options.now ?? Date.now, logger: this.#logger, scope },
			);
			providers.push(tokens);
			return tokens;
		};
		this.#liveTokens = provider(V2_LIVE_SCOPES);
		this.#api = new AuthorizedApi(config.apiUrl, http, this.#liveTokens, this.#logger);
		this.#accountApi = new AuthorizedApi(config.apiUrl, http, provider(V2_ACCOUNT_SCOPE), this.#logger);
	}

	/** The configured profile; ConfigError("No profile…") without it (v2 has no default profile). */
	profileId(): string {
		const configured = this.config.profileId?.trim();
		if (!configured) throw new ConfigError("No profile ID set (pick one in the settings)", "profileId");
		return configured;
	}

	async login(): Promise<void> {
		await this.#liveTokens.get();
	}

	createLive(input: CreateLiveInput): Promise<CreatedLive> {
		return this.#withProfile((profileId) => createLivestream(this.#api, profileId, input));
	}

	getVideo(id: string): Promise<VideoState> {
		return getLivestream(this.#api, id);
	}

	getEditableLive(id: string): Promise<VideoState> {
		return getLivestream(this.#api, id, EDITABLE_LIVESTREAM_FIELDS);
	}

	editVideo(id: string, changes: VideoChanges): Promise<void> {
		return patchLivestream(this.#api, id, changes);
	}

	setAdBreaksEnabled(): Promise<void> {
		return Promise.reject(new UnsupportedError("Ad breaks on/off is not available on API v2", { type: "unsupported" }));
	}

	setRecording(): Promise<RecordStatus | null> {
		return Promise.reject(new UnsupportedError("Recording on/off is not available on API v2", { type: "unsupported" }));
	}

	launchAdBreak(id: string): Promise<AdBreakLaunch> {
		return launchAdvertising(this.#api, id);
	}

	listLives(limit?: number): Promise<LiveSummary[]> {
		return this.#withProfile((profileId) => listLivestreams(this.#api, profileId, limit));
	}

	/** v2 documents no category list: the 17 known ids (the same values as the legacy `channel`). */
	listChannels(): Promise<Channel[]> {
		return Promise.resolve(FALLBACK_CHANNELS.map((channel) => ({ ...channel })));
	}

	/** `GET /me` (scope `account.read`): the profiles the key may manage. */
	async listProfiles(): Promise<Profile[]> {
		const me = await this.#accountApi.call({ method: "GET", path: "/me", schema: meSchema });
		return me.profiles.map((p) => ({ id: p.profile_id, name: p.name || p.profile_id }));
	}

	/**
	 * Logs in afresh, then (with a profile set) reads one livestream of it, so a key without the live permission or a
	 * profile it cannot manage fails here rather than at the first press.
	 */
	async testConnection(): Promise<ConnectionInfo> {
		const token = await this.#liveTokens.get({ force: true });
		const profileId = this.config.profileId?.trim() || null;
		if (profileId) {
			await this.#api.call({
				method: "GET",
				path: profileLivestreamsPath(profileId),
				searchParams: { page: "1", page_size: "1", fields: "livestream_id" },
				schema: pageSchema(livestreamSchema),
			});
		}
		return { api: "v2", mode: "partner", profileId, scope: token.scope };
	}

	publishTarget(publishUrl: string): PublishTarget {
		return v2PublishTarget(publishUrl);
	}

	async #withProfile<T>(run: (profileId: string) => Promise<T>): Promise<T> {
		return run(this.profileId());
	}
}
