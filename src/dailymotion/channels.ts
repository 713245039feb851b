import type { Logger } from "../log.js";
import type { ApiRequester } from "./api.js";
import { channelSchema, listSchema } from "./schemas.js";
import type { Channel } from "./types.js";

/** The 17 category ids of the API reference with their English names (§4.2): used when `/channels` fails. */
export const FALLBACK_CHANNELS: readonly Channel[] = Object.freeze([
	{ id: "animals", name: "Animals" },
	{ id: "creation", name: "Creative" },
	{ id: "auto", name: "Cars" },
	{ id: "school", name: "Education" },
	{ id: "people", name: "Celeb" },
	{ id: "fun", name: "Comedy & Entertainment" },
	{ id: "videogames", name: "Gaming" },
	{ id: "tech", name: "Tech" },
	{ id: "kids", name: "Kids" },
	{ id: "lifestyle", name: "Lifestyle & How-To" },
	{ id: "shortfilms", name: "Movies" },
	{ id: "music", name: "Music" },
	{ id: "news", name: "News" },
	{ id: "sport", name: "Sport" },
	{ id: "tv", name: "TV" },
	{ id: "travel", name: "Travel" },
	{ id: "webcam", name: "Webcam" },
].map((channel) => Object.freeze(channel)));

const channelListSchema = listSchema(channelSchema);

/**
 * The live category list (`GET /channels`, no auth, §8.9). Never throws: on any error, or an empty list, it
 * returns {@link FALLBACK_CHANNELS} and logs why.
 */
export async function listChannels(api: ApiRequester, logger: Logger): Promise<Channel[]> {
	try {
		const result = await api.call({
			method: "GET",
			path: "/channels",
			searchParams: { limit: "100" },
			schema: channelListSchema,
			auth: false,
		});
		const channels = result.list.map((item) => ({ id: item.id, name: item.name || item.id }));
		if (channels.length > 0) return channels;
		logger.warn("Dailymotion returned no categories; using the built-in list");
	} catch (error) {
		const reason = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
		logger.warn(`Dailymotion categories unavailable (${reason}); using the built-in list`);
	}
	return FALLBACK_CHANNELS.map((channel) => ({ ...channel }));
}
