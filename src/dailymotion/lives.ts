import type { ApiRequester } from "./api.js";
import { UnexpectedResponseError } from "./errors.js";
import { createdLiveSchema, listSchema, liveSummarySchema, videoSchema } from "./schemas.js";
import type { CreateLiveInput, CreatedLive, LiveSummary } from "./types.js";
import { videoPath } from "./videos.js";

/** `/user/{profileId}/videos` with the id encoded as one path segment. */
export function profileVideosPath(profileId: string): string {
	return `/user/${encodeURIComponent(profileId)}/videos`;
}

/**
 * The create form of §8.4: `published` (never `publish`), and never `live_ad_break`. `live_auto_record=true` only when
 * asked (§4.3): Dailymotion then records the live whenever it is on air.
 */
export function createLiveForm(input: CreateLiveInput): Record<string, string> {
	return {
		mode: "live",
		published: "true",
		channel: input.channel,
		is_created_for_kids: String(input.forKids),
		title: input.title,
		private: String(input.private),
		...(input.autoRecord ? { live_auto_record: "true" } : {}),
	};
}

/**
 * Creates a live (§8.4). A POST: sent once (only re-sent after a 401, when it was not executed). If the answer
 * lacks the publish URL, it is read once with a GET.
 */
export async function createLive(api: ApiRequester, profileId: string, input: CreateLiveInput): Promise<CreatedLive> {
	const created = await api.call({
		method: "POST",
		path: profileVideosPath(profileId),
		searchParams: { fields: "id,title,channel,live_publish_url" },
		form: createLiveForm(input),
		schema: createdLiveSchema,
	});
	const publishUrl = created.live_publish_url || (await readPublishUrl(api, created.id));
	return {
		id: created.id,
		title: created.title ?? input.title,
		channel: created.channel ?? input.channel,
		publishUrl,
	};
}

async function readPublishUrl(api: ApiRequester, id: string): Promise<string> {
	const video = await api.call({
		method: "GET",
		path: videoPath(id),
		searchParams: { fields: "id,live_publish_url" },
		schema: videoSchema,
	});
	if (!video.live_publish_url) {
		throw new UnexpectedResponseError(`Dailymotion created live ${id} but gave no publish URL`, {
			type: "unexpected_response",
		});
	}
	return video.live_publish_url;
}

const livesListSchema = listSchema(liveSummarySchema);

/** A list page size: `limit` clamped to 1…100 (both APIs' maximum), 20 when it is not a number. */
export function pageSize(limit: number): number {
	return Number.isFinite(limit) ? Math.min(100, Math.max(1, Math.floor(limit))) : 20;
}

/** The profile's lives, newest first (§8.10). `limit` is clamped to 1…100. */
export async function listLives(api: ApiRequester, profileId: string, limit = 20): Promise<LiveSummary[]> {
	const size = pageSize(limit);
	const result = await api.call({
		method: "GET",
		path: profileVideosPath(profileId),
		searchParams: { flags: "live", fields: "id,title,onair,created_time", sort: "recent", limit: String(size) },
		schema: livesListSchema,
	});
	return result.list.map((item) => ({
		id: item.id,
		title: item.title ?? "",
		onair: item.onair ?? false,
		createdTime: item.created_time ?? null,
	}));
}
