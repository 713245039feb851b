import { z } from "zod";
import { nullableBoolean, nullableNumber, nullableString } from "../schemas.js";

/**
 * zod schemas of the API v2 answers (`/v2/livestreams`), validated at the edge. Unknown fields are dropped, absent
 * ones parse as missing: the API returns only the requested `fields`.
 */

/** Fields requested when reading a livestream's state (dot notation selects sub-fields). */
export const LIVESTREAM_FIELDS = [
	"livestream_id",
	"title",
	"category",
	"visibility",
	"status.onair",
	"status.airing_at",
	"ingest.rtmp_url",
	"advertising.end_at",
	"advertising.remaining",
] as const;

/** Fields the inspector's "Edit the current live" reads. */
export const EDITABLE_LIVESTREAM_FIELDS = ["livestream_id", "title", "category", "visibility", "status.onair"] as const;

/** Fields of one item of the profile's livestreams list. */
export const SUMMARY_FIELDS = ["livestream_id", "title", "status.onair", "created_at"] as const;

/** A livestream as read with some of the fields above (dates are ISO 8601 strings). */
export const livestreamSchema = z.object({
	livestream_id: z.string().min(1),
	title: nullableString,
	category: nullableString,
	visibility: nullableString,
	created_at: nullableString,
	status: z.object({ onair: nullableBoolean, airing_at: nullableString }).nullable().optional(),
	ingest: z.object({ rtmp_url: nullableString }).nullable().optional(),
	advertising: z.object({ end_at: nullableString, remaining: nullableNumber }).nullable().optional(),
});
export type LivestreamResponse = z.infer<typeof livestreamSchema>;

/** The v2 collection envelope: `{data, page, page_size, total, next, previous}` (follow `next`, not `total`). */
export function pageSchema<T extends z.ZodType>(item: T) {
	return z.object({
		data: z.array(item),
		page: z.number().optional(),
		page_size: z.number().optional(),
		total: z.number().nullable().optional(),
		next: nullableString,
	});
}

/** `POST /livestreams/{id}/advertising` answer. */
export const advertisingSchema = z.object({
	livestream_id: nullableString,
	advertising: z.object({ end_at: nullableString, remaining: nullableNumber }),
});

/** `GET /me`: the user and the profiles the key may manage. */
export const meSchema = z.object({
	user_id: nullableString,
	profiles: z.array(z.object({ profile_id: z.string().min(1), name: nullableString })),
});

/** A PATCH answer: the updated resource, or nothing (204). Its fields are not used. */
export const patchAnswerSchema = z.looseObject({}).optional();
