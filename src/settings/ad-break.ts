import * as z from "zod/mini";
import { DEFAULT_COOLDOWN_S } from "../live/ad-break-clock.js";
import { parseSettings, preprocess, problem, type Parsed } from "./parse.js";

export const MIN_COOLDOWN_S = 35;
export const MAX_COOLDOWN_S = 3600;

/** Ad Break action settings: the minimum interval between two launches from this key. */
export const adBreakSettingsSchema = z.object({
	cooldown: z._default(
		preprocess(
			(v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
			z.number({ error: problem("problem.cooldown.number") }).check(
				z.int({ error: problem("problem.cooldown.whole") }),
				z.minimum(MIN_COOLDOWN_S, { error: problem("problem.cooldown.min") }),
				z.maximum(MAX_COOLDOWN_S, { error: problem("problem.cooldown.max") }),
			),
		),
		DEFAULT_COOLDOWN_S,
	),
});

export type AdBreakSettings = z.output<typeof adBreakSettingsSchema>;

export function parseAdBreakSettings(raw: unknown): Parsed<AdBreakSettings> {
	return parseSettings(adBreakSettingsSchema, raw);
}
