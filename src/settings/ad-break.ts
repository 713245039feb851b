import { z } from "zod";
import { DEFAULT_COOLDOWN_S } from "../live/ad-break-clock.js";
import { parseSettings, type Parsed } from "./parse.js";

export const MIN_COOLDOWN_S = 35;
export const MAX_COOLDOWN_S = 3600;

/** Ad Break action settings: the minimum interval between two launches from this key. */
export const adBreakSettingsSchema = z.object({
	cooldown: z
		.preprocess(
			(v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
			z
				.number({ error: "Cooldown must be a number of seconds" })
				.int({ error: "Cooldown must be a whole number of seconds" })
				.min(MIN_COOLDOWN_S, { error: `Cooldown must be at least ${MIN_COOLDOWN_S} s (an ad break lasts 35 s)` })
				.max(MAX_COOLDOWN_S, { error: `Cooldown must be at most ${MAX_COOLDOWN_S} s` }),
		)
		.default(DEFAULT_COOLDOWN_S),
});

export type AdBreakSettings = z.output<typeof adBreakSettingsSchema>;

export function parseAdBreakSettings(raw: unknown): Parsed<AdBreakSettings> {
	return parseSettings(adBreakSettingsSchema, raw);
}
