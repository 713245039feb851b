import * as z from "zod/mini";
import type { LiveExtra } from "./types.js";

/**
 * zod schemas of every JSON answer, validated at the edge (contract §8). Optional/nullable where the API
 * only returns the requested fields or may send `null`. Each is built on its first parse (`z.lazy`): none is needed
 * to draw the keys at start-up (README, Performance).
 */

export const nullableString = z.optional(z.nullable(z.string()));
export const nullableNumber = z.optional(z.nullable(z.number()));
export const nullableBoolean = z.optional(z.nullable(z.boolean()));

/** A non-empty string (ids). */
export const nonEmptyString = z.string().check(z.minLength(1));

/** OAuth token response (§8.2). `expires_in` is accepted as a number or numeric string. */
export const tokenResponseSchema = z.lazy(() =>
	z.object({
		access_token: nonEmptyString,
		token_type: z.optional(z.string()),
		expires_in: z.coerce.number().check(z.positive()),
		scope: z.optional(z.string()),
		refresh_token: z.optional(z.string()),
		uid: z.optional(z.string()),
	}),
);
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** OAuth error body: `{"error":"invalid_grant","error_description":"…"}`. */
export const oauthErrorSchema = z.lazy(() =>
	z.object({
		error: z.string(),
		error_description: z.optional(z.string()),
	}),
);

/** Legacy API error body (§8.13). */
export const legacyErrorSchema = z.lazy(() =>
	z.object({
		error: z.object({
			code: z.optional(z.number()),
			message: z.optional(z.string()),
			type: z.optional(z.string()),
		}),
	}),
);

/** API v2 error body: `code` is a stable string such as `RESOURCE_NOT_FOUND` or `MISSING_PERMISSIONS`. */
export const v2ErrorSchema = z.lazy(() =>
	z.object({
		error: z.object({
			code: nonEmptyString,
			message: z.optional(z.string()),
		}),
	}),
);

/** Create answer: the requested fields `id,title,channel,live_publish_url` (§8.4). */
export const createdLiveSchema = z.lazy(() =>
	z.object({
		id: nonEmptyString,
		title: nullableString,
		channel: nullableString,
		live_publish_url: nullableString,
	}),
);

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
export const videoSchema = z.lazy(() =>
	z.object({
		id: nonEmptyString,
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
	}),
);
export type VideoResponse = z.infer<typeof videoSchema>;

/** Answer to a plain edit: some item object (the fields are not used). */
export const itemSchema = z.lazy(() => z.looseObject({}));

/** Answer to a recording start or stop (`?fields=id,record_status`, §4.5). */
export const recordStatusSchema = z.lazy(() => z.object({ record_status: nullableString }));

/** Answer to an ad-break launch (§8.8). */
export const adBreakLaunchSchema = z.lazy(() =>
	z.object({
		live_ad_break_end_time: nullableNumber,
		live_ad_break_remaining: nullableNumber,
	}),
);

/** Builds the legacy list envelope schema around an item schema (§3). */
export function listSchema<T extends z.ZodMiniType>(item: T) {
	return z.lazy(() =>
		z.object({
			page: z.optional(z.number()),
			limit: z.optional(z.number()),
			total: nullableNumber,
			has_more: z.optional(z.boolean()),
			list: z.array(item),
		}),
	);
}

/** One item of the profile's lives list (§8.10). */
export const liveSummarySchema = z.lazy(() =>
	z.object({
		id: nonEmptyString,
		title: nullableString,
		onair: nullableBoolean,
		created_time: nullableNumber,
	}),
);

/** One category of `GET /channels` (§8.9). */
export const channelSchema = z.lazy(() =>
	z.object({
		id: nonEmptyString,
		name: z.optional(z.string()),
		description: nullableString,
	}),
);
