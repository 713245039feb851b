/** The 17 category ids (§4.2) served by `GET /channels` (§8.9). */
import { jsonResponse, type SandboxResponse } from "./errors.ts";

/** Category id → display name. */
export const categories: ReadonlyMap<string, string> = new Map([
	["animals", "Animals"],
	["creation", "Creative"],
	["auto", "Cars"],
	["school", "Education"],
	["people", "Celeb"],
	["fun", "Comedy & Entertainment"],
	["videogames", "Gaming"],
	["tech", "Tech"],
	["kids", "Kids"],
	["lifestyle", "Lifestyle & How-To"],
	["shortfilms", "Movies"],
	["music", "Music"],
	["news", "News"],
	["sport", "Sport"],
	["tv", "TV"],
	["travel", "Travel"],
	["webcam", "Webcam"],
]);

/** The list envelope of every category; needs no auth. */
export function channelsResponse(): SandboxResponse {
	const list = [...categories].map(([id, name]) => ({ id, name, description: `${name} videos on Dailymotion.` }));
	return jsonResponse(200, { page: 1, limit: 100, explicit: false, total: list.length, has_more: false, list });
}
