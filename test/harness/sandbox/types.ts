/** Public types of the Dailymotion sandbox API (reference dailymotion-api.md §8). */

/** How to start a sandbox. Every option has a test-friendly default. */
export interface SandboxOptions {
	/** Port to bind on 127.0.0.1; default 0 (ephemeral). */
	port?: number;
	/** Artificial delay added to every response (default 0). */
	latencyMs?: number;
	/** `expires_in` of issued tokens (default 36000). */
	tokenTtlSeconds?: number;
	/** RTMP base for publish URLs, default "rtmp://127.0.0.1:1935/live". */
	ingestUrl?: string;
	/** Millisecond clock, default `Date.now` (token expiry, ad breaks, airing time). */
	now?: () => number;
	/** How long `record_status` stays `starting` or `stopping` after a change (default 2000). */
	recordTransitionMs?: number;
}

/**
 * The accounts a sandbox accepts: one partner (private) key and one user (public key + account) on the legacy API,
 * and one API v2 private key that manages the partner's profile (`profileId`) and a second one.
 */
export interface SandboxCredentials {
	partner: { apiKey: string; apiSecret: string; profileId: string };
	user: { apiKey: string; apiSecret: string; username: string; password: string; uid: string };
	v2: { apiKey: string; apiSecret: string; profileId: string; profiles: { profileId: string; name: string }[] };
}

/** One request as the sandbox saw it (form values included: it is a test sandbox). */
export interface RecordedRequest {
	method: string;
	/** Path without query, e.g. "/rest/user/x1/videos". */
	path: string;
	query: Record<string, string>;
	form: Record<string, string>;
	/** The parsed JSON body (API v2 writes), when there was one. */
	json?: unknown;
	/** A valid bearer token for this API prefix was presented. */
	authorized: boolean;
	/** Final HTTP status; 0 while pending or when the socket was dropped. */
	status: number;
	/** Arrival time (ms, from the sandbox clock). */
	at: number;
}

/** A scripted misbehaviour for matching requests. */
export interface Fault {
	/** Match on method, default any. */
	method?: string;
	/** Match on path (string = exact, without query), default any. */
	path?: RegExp | string;
	/** How many matching requests it applies to (default 1). */
	times?: number;
	/** Respond with this status without handling the request... */
	status?: number;
	/** ...and this raw body (default: a legacy error JSON for that status). */
	body?: string;
	headers?: Record<string, string>;
	/** Wait before answering (for client timeouts). */
	delayMs?: number;
	/** Perform the real handling, then destroy the socket without answering. */
	dropAfterHandling?: boolean;
	/** Destroy the socket without handling. */
	drop?: boolean;
}

/** A snapshot of one live as stored by the sandbox. */
export interface LiveRecord {
	id: string;
	title: string;
	channel: string;
	mode: "live";
	published: boolean;
	private: boolean;
	isCreatedForKids: boolean;
	ownerId: string;
	/** Unix seconds. */
	createdTime: number;
	onair: boolean;
	audience: number | null;
	liveAiringTime: number | null;
	adBreaksEnabled: boolean;
	adBreakEndTime: number | null;
	/** Unix seconds of every launch. */
	adBreakLaunches: number[];
	publishToken: string;
	publishUrl: string;
	/** `live_auto_record`. */
	autoRecord: boolean;
	recordStatus: "starting" | "started" | "stopping" | "stopped";
}

/** A running sandbox and its test controls. */
export interface Sandbox {
	/** "http://127.0.0.1:<port>" */
	url: string;
	/** `${url}/rest`, `${url}/oauth/v1/token` */
	partner: { apiUrl: string; tokenUrl: string };
	/** `${url}/user-api`, `${url}/user-api/oauth/token` */
	user: { apiUrl: string; tokenUrl: string };
	/** API v2: `${url}/v2`, `${url}/v2/token` */
	v2: { apiUrl: string; tokenUrl: string };
	/** Random per instance. */
	credentials: SandboxCredentials;
	/** Every request, in arrival order (token and ingest-hook requests included). */
	requests: RecordedRequest[];
	/** Snapshot copies, creation order (deleted lives excluded). */
	lives(): LiveRecord[];
	live(id: string): LiveRecord | undefined;
	/** Simulates a publisher connecting (sets liveAiringTime on true) or leaving. */
	setOnAir(id: string, onair: boolean): void;
	/**
	 * Uses up the live's hourly ad-break quota down to `remaining` (default 0), as breaks launched elsewhere in the last
	 * hour would (none of them running now).
	 */
	useAdBreakQuota(id: string, remaining?: number): void;
	/** Deletes a live as if the owner removed it on dailymotion.com (later reads answer 404). */
	deleteLive(id: string): void;
	/** Every issued access token becomes invalid (401 invalid_token). Refresh tokens survive. */
	expireTokens(): void;
	/** API keys and the user account stop working (token endpoint → 400 invalid_client); refresh tokens die. */
	revokeCredentials(): void;
	/**
	 * The scopes the v2 key is allowed (default `live.manage live.read account.read`): tokens get only these, and calls
	 * needing another answer 403 `MISSING_PERMISSIONS`.
	 */
	setV2Permissions(scopes: readonly string[]): void;
	/** Every access and refresh token the token endpoints issued (secrets tests scan output for them). */
	issuedTokens(): string[];
	/** Queues a fault; faults apply in order of injection. */
	inject(fault: Fault): void;
	/** nginx-rtmp on_publish / on_publish_done callback URLs on this server. */
	ingestHooks: { publish: string; done: string };
	close(): Promise<void>;
}
