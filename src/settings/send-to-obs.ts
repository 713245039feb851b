import * as z from "zod/mini";
import { flag, parseSettings, type Parsed } from "./parse.js";

/** Send to OBS action settings: whether to start streaming once OBS is configured. */
export const sendToObsSettingsSchema = z.object({
	start: flag(false, "problem.start.flag"),
});

export type SendToObsSettings = z.output<typeof sendToObsSettingsSchema>;

export function parseSendToObsSettings(raw: unknown): Parsed<SendToObsSettings> {
	return parseSettings(sendToObsSettingsSchema, raw);
}
