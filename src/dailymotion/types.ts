/** Domain types returned by the client (API field names never leak past the resource functions). */

/** A live just created, with its RTMP publish URL (a secret: never log it). */
export interface CreatedLive {
	id: string;
	title: string;
	channel: string;
	publishUrl: string;
	/** Set when the live was created but turning its recording on failed (API v2 needs a second request for it). */
	autoRecordError?: unknown;
}

/** Dailymotion's recording of a live (`record_status`): a start or stop takes a few seconds on its side. */
export const RECORD_STATUSES = ["starting", "started", "stopping", "stopped"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/**
 * Fields a live read adds to the §8.5 list only while a visible key shows them (each costs the API some work):
 * `recording` = `record_status` (the Record On/Off key).
 */
export type LiveExtra = "recording";

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
	/** Null when not read (no Record key visible), not reported, or a status this plugin does not know. */
	recordStatus: RecordStatus | null;
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
	/** Record the live while it is on air (legacy `live_auto_record=true`; API v2 `recording.auto_record`). */
	autoRecord?: boolean;
}
