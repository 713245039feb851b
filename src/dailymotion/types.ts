/** Domain types returned by the client (API field names never leak past the resource functions). */

/** A live just created, with its RTMP publish URL (a secret: never log it). */
export interface CreatedLive {
	id: string;
	title: string;
	channel: string;
	publishUrl: string;
}

/** A video/live as read with the §8.5 field list. Dates are UNIX seconds. */
export interface VideoState {
	id: string;
	title: string;
	channel: string;
	/** Null when the API did not report it. */
	private: boolean | null;
	mode: string;
	onair: boolean;
	/** Current viewers; null when the API says not to consider it (off air). */
	audience: number | null;
	/** Secret. Null when the API does not return it. */
	publishUrl: string | null;
	liveAiringTime: number | null;
	/** Null when the API does not report the flag. */
	adBreaksEnabled: boolean | null;
	/** End of the running/last ad break; `0` is reported as null. */
	adBreakEndTime: number | null;
	adBreakRemaining: number | null;
}

/** Fields an edit may change; only the given ones are sent. */
export interface VideoChanges {
	title?: string;
	channel?: string;
	private?: boolean;
	forKids?: boolean;
}

/** Answer of an ad-break launch. `endTime` is UNIX seconds. */
export interface AdBreakLaunch {
	endTime: number | null;
	remaining: number | null;
}

/** One of the profile's lives, for pickers. `createdTime` is UNIX seconds. */
export interface LiveSummary {
	id: string;
	title: string;
	onair: boolean;
	createdTime: number | null;
}

/** A Dailymotion category (`channel` value). */
export interface Channel {
	id: string;
	name: string;
}

/** Input of a live creation. */
export interface CreateLiveInput {
	title: string;
	channel: string;
	forKids: boolean;
	private: boolean;
}
