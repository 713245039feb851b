import { z } from "zod";
import { DEFAULT_COOLDOWN_S } from "../live/ad-break-clock.js";
import { parseSettings, problem, type Parsed } from "./parse.js";

export const MIN_COOLDOWN_S = 35;
export const MAX_COOLDOWN_S = 3600;

/** Ad Break action settings: the minimum interval between two launches from this key. */
export const adBreakSettingsSchema = z.object({
	cooldown: z
		.preprocess(
			(v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
			z
				.number({ error: problem("problem.cooldown.number") })
				.int({ error: problem("problem.cooldown.whole") })
				.min(MIN_COOLDOWN_S, { error: problem("problem.cooldown.min") })
				.max(MAX_COOLDOWN_S, { error: problem("problem.cooldown.max") }),
		)
		.default(DEFAULT_COOLDOWN_S),
});

export type AdBreakSettings = z.output<typeof adBreakSettingsSchema>;

export function parseAdBreakSettings(raw: unknown): Parsed<AdBreakSettings> {
	return parseSettings(adBreakSettingsSchema, raw);
}
