import * as z from "zod/mini";
import { flag, parseSettings, type Parsed } from "./parse.js";

/** Live Status action settings: whether the key adds OBS's stream health (bitrate, colour) as a second line. */
export const liveStatusSettingsSchema = z.object({
	showHealth: flag(false, "problem.showHealth.flag"),
});

export type LiveStatusSettings = z.output<typeof liveStatusSettingsSchema>;

export function parseLiveStatusSettings(raw: unknown): Parsed<LiveStatusSettings> {
	return parseSettings(liveStatusSettingsSchema, raw);
}
