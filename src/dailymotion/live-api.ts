import type { PublishTarget } from "./publish-url.js";
import type { AdBreakLaunch, Channel, CreatedLive, CreateLiveInput, LiveExtra, LiveSummary, RecordStatus, VideoChanges, VideoState } from "./types.js";

/** Which Dailymotion API a client talks to: the legacy REST API (§8) or API v2 (`/v2/livestreams`). */
export type ApiVersion = "legacy" | "v2";

/** A profile (channel) the API key may manage, for the inspector's picker. */
export interface Profile {
	id: string;
	name: string;
}

/** Result of "Test connection" in the property inspector. */
export interface ConnectionInfo {
	/** Which API answered. */
	api: ApiVersion;
	/** Legacy: `partner` or `user`; v2: `partner` (private key, client_credentials). */
	mode: "partner" | "user";
	/** The configured profile, or the user token's uid; null when neither is known. */
	profileId: string | null;
	scope: string;
}

/**
 * What the rest of the plugin needs from Dailymotion, whichever API is in use. Both clients map their API's
 * answers to the same domain types (dates in UNIX seconds) and throw only `DailymotionError` subclasses.
 */
export interface LiveApi {
	readonly version: ApiVersion;
	/** Operations that exist on one API only; keys check this before offering them (and send nothing). */
	readonly capabilities: { adBreakToggle: boolean; recording: boolean };
	/** Obtains an access token now (or keeps the cached one), so a failed login is not mistaken for a failed call. */
	login(): Promise<void>;
	/** Creates a live, sent ONCE (retried only after a 401). */
	createLive(input: CreateLiveInput): Promise<CreatedLive>;
	/**
	 * Reads a live's state (retried on network errors, timeouts, 429 and 5xx), with the `extras` a visible key needs
	 * (an API without them leaves those fields null).
	 */
	getVideo(id: string, extras?: readonly LiveExtra[]): Promise<VideoState>;
	/** Reads the fields the inspector edits (title, category, private) plus id and onair. */
	getEditableLive(id: string): Promise<VideoState>;
	/** Sends only the given fields; resolves without a request when `changes` is empty. */
	editVideo(id: string, changes: VideoChanges): Promise<void>;
	/** Allows or forbids ad breaks; UnsupportedError (no request) where `capabilities.adBreakToggle` is false. */
	setAdBreaksEnabled(id: string, enabled: boolean): Promise<void>;
	/** Starts or stops recording the live (only while on air); UnsupportedError (no request) where `capabilities.recording` is false. */
	setRecording(id: string, on: boolean): Promise<RecordStatus | null>;
	/** Launches one ad break; never retried. */
	launchAdBreak(id: string): Promise<AdBreakLaunch>;
	/** The profile's lives, newest first; `limit` defaults to 20 (max 100). */
	listLives(limit?: number): Promise<LiveSummary[]>;
	/** Categories; never throws (falls back to the built-in list). */
	listChannels(): Promise<Channel[]>;
	/** The profiles the key may manage (API v2 `GET /me`); UnsupportedError on the legacy API. */
	listProfiles(): Promise<Profile[]>;
	/** Logs in afresh and says who answered, for "Test connection". */
	testConnection(): Promise<ConnectionInfo>;
	/** Splits a live's publish URL into OBS server and stream key; PublishUrlError when it has no usable key. */
	publishTarget(publishUrl: string): PublishTarget;
}
