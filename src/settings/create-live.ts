import * as z from "zod/mini";
import { flag, parseSettings, preprocess, problem, text, type Parsed } from "./parse.js";

export const DEFAULT_TITLE = "Live {date} {time}";
export const DEFAULT_CHANNEL = "videogames";
export const AFTER_CREATE = ["none", "obs", "obs-start"] as const;

/** Create Live action settings. Never holds secrets (action settings are exported with profiles). */
export const createLiveSettingsSchema = z.object({
	title: text(DEFAULT_TITLE, "problem.title.text").check(
		z.refine((v) => v.length <= 255, { message: problem("problem.title.long") }),
	),
	channel: text(DEFAULT_CHANNEL, "problem.channel.text").check(
		z.refine((v) => /^[a-z]{1,32}$/.test(v) || v === "", { message: problem("problem.channel.id") }),
	),
	forKids: flag(false, "problem.forKids.flag"),
	private: flag(false, "problem.private.flag"),
	/** Record the live into a video (`live_auto_record=true` at creation): Dailymotion records while it is on air. */
	autoRecord: flag(false, "problem.autoRecord.flag"),
	afterCreate: z._default(
		preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(AFTER_CREATE, {
			error: problem("problem.afterCreate.choice"),
		})),
		"obs",
	),
});

export type CreateLiveSettings = z.output<typeof createLiveSettingsSchema>;

export function parseCreateLiveSettings(raw: unknown): Parsed<CreateLiveSettings> {
	const parsed = parseSettings(createLiveSettingsSchema, raw);
	if (parsed.value.title === "") parsed.value.title = DEFAULT_TITLE;
	if (parsed.value.channel === "") parsed.value.channel = DEFAULT_CHANNEL;
	return parsed;
}

/** Expands `{date}` (YYYY-MM-DD) and `{time}` (HH:MM), in local time, in a title template. */
export function expandTitle(template: string, at: Date): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
	const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
	return template.replaceAll("{date}", date).replaceAll("{time}", time).trim().slice(0, 255);
}
