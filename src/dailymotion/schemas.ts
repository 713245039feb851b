import { z } from "zod";
import type { LiveExtra } from "./types.js";

/**
 * zod schemas of every JSON answer, validated at the edge (contract §8). Optional/nullable where the API
 * only returns the requested fields or may send `null`.
 */

export const nullableString = z.string().nullable().optional();
export const nullableNumber = z.number().nullable().optional();
export const nullableBoolean = z.boolean().nullable().optional();

/** OAuth token response (§8.2). `expires_in` is accepted as a number or numeric string. */
export const tokenResponseSchema = z.object({
	access_token: z.string().min(1),
	token_type: z.string().optional(),
	expires_in: z.coerce.number().positive(),
	scope: z.string().optional(),
	refresh_token: z.string().optional(),
	uid: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth error body: `{"error":"invalid_grant","error_description":"…"}`. */
export const oauthErrorSchema = z.object({
	error: z.string(),
	error_description: z.string().optional(),
});

/** Legacy API error body (§8.13). */
export const legacyErrorSchema = z.object({
	error: z.object({
		code: z.number().optional(),
		message: z.string().optional(),
		type: z.string().optional(),
	}),
});

/** API v2 error body: `code` is a stable string such as `RESOURCE_NOT_FOUND` or `MISSING_PERMISSIONS`. */
export const v2ErrorSchema = z.object({
	error: z.object({
		code: z.string().min(1),
		message: z.string().optional(),
	}),
});

/** Create answer: the requested fields `id,title,channel,live_publish_url` (§8.4). */
export const createdLiveSchema = z.object({
	id: z.string().min(1),
	title: nullableString,
	channel: nullableString,
	live_publish_url: nullableString,
});

/** Fields requested when reading a video (§8.5), in the order sent. */
export const VIDEO_FIELDS = [
	"id",
	"title",
	"channel",
	"mode",
	"onair",
	"audience",
	"live_publish_url",
	"live_airing_time",
	"live_ad_break",
	"live_ad_break_end_time",
	"live_ad_break_remaining",
] as const;

/** The field each {@link LiveExtra} adds to {@link VIDEO_FIELDS} (only while a key shows it). */
export const EXTRA_VIDEO_FIELDS = { recording: "record_status" } as const satisfies Record<LiveExtra, string>;

/** Fields the inspector's "Edit the current live" reads: §8.5's list has no `private`, so it gets its own request. */
export const EDITABLE_FIELDS = ["id", "title", "channel", "private", "onair"] as const;

/** A video read with {@link VIDEO_FIELDS} or {@link EDITABLE_FIELDS} (absent fields parse as missing). */
export const videoSchema = z.object({
	id: z.string().min(1),
	title: nullableString,
	channel: nullableString,
	private: nullableBoolean,
	mode: nullableString,
	onair: nullableBoolean,
	audience: nullableNumber,
	live_publish_url: nullableString,
	live_airing_time: nullableNumber,
	live_ad_break: nullableBoolean,
	live_ad_break_end_time: nullableNumber,
	live_ad_break_remaining: nullableNumber,
	record_status: nullableString,
});
export type VideoResponse = z.infer<typeof videoSchema>;

/** Answer to a plain edit: some item object (the fields are not used). */
export const itemSchema = z.looseObject({});

/** Answer to a recording start or stop (`?fields=id,record_status`, §4.5). */
export const recordStatusSchema = z.object({ record_status: nullableString });

/** Answer to an ad-break launch (§8.8). */
export const adBreakLaunchSchema = z.object({
	live_ad_break_end_time: nullableNumber,
	live_ad_break_remaining: nullableNumber,
});

/** Builds the legacy list envelope schema around an item schema (§3). */
export function listSchema<T extends z.ZodType>(item: T) {
	return z.object({
		page: z.number().optional(),
		limit: z.number().optional(),
		total: z.number().nullable().optional(),
		has_more: z.boolean().optional(),
		list: z.array(item),
	});
}

/** One item of the profile's lives list (§8.10). */
export const liveSummarySchema = z.object({
	id: z.string().min(1),
	title: nullableString,
	onair: nullableBoolean,
	created_time: nullableNumber,
});

/** One category of `GET /channels` (§8.9). */
export const channelSchema = z.object({
	id: z.string().min(1),
	name: z.string().optional(),
	description: nullableString,
});
