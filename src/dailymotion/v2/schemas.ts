import * as z from "zod/mini";
import { nonEmptyString, nullableBoolean, nullableNumber, nullableString } from "../schemas.js";

/**
 * zod schemas of the API v2 answers (`/v2/livestreams`), validated at the edge. Unknown fields are dropped, absent
 * ones parse as missing: the API returns only the requested `fields`. Built on first parse, like ../schemas.ts.
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
export const livestreamSchema = z.lazy(() =>
	z.object({
		livestream_id: nonEmptyString,
		title: nullableString,
		category: nullableString,
		visibility: nullableString,
		created_at: nullableString,
		status: z.optional(z.nullable(z.object({ onair: nullableBoolean, airing_at: nullableString }))),
		ingest: z.optional(z.nullable(z.object({ rtmp_url: nullableString }))),
		advertising: z.optional(z.nullable(z.object({ end_at: nullableString, remaining: nullableNumber }))),
	}),
);
export type LivestreamResponse = z.infer<typeof livestreamSchema>;

/** The v2 collection envelope: `{data, page, page_size, total, next, previous}` (follow `next`, not `total`). */
export function pageSchema<T extends z.ZodMiniType>(item: T) {
	return z.lazy(() =>
		z.object({
			data: z.array(item),
			page: z.optional(z.number()),
			page_size: z.optional(z.number()),
			total: nullableNumber,
			next: nullableString,
		}),
	);
}

/** `POST /livestreams/{id}/advertising` answer. */
export const advertisingSchema = z.lazy(() =>
	z.object({
		livestream_id: nullableString,
		advertising: z.object({ end_at: nullableString, remaining: nullableNumber }),
	}),
);

/** `GET /me`: the user and the profiles the key may manage. */
export const meSchema = z.lazy(() =>
	z.object({
		user_id: nullableString,
		profiles: z.array(z.object({ profile_id: nonEmptyString, name: nullableString })),
	}),
);

/** A PATCH answer: the updated resource, or nothing (204). Its fields are not used. */
export const patchAnswerSchema = z.optional(z.looseObject({}));
