import type { Messages, ProblemKey } from "../i18n/messages.js";
import { AD_BREAK_MS } from "../live/ad-break-clock.js";
import { MAX_COOLDOWN_S, MIN_COOLDOWN_S } from "./ad-break.js";

/** A settings problem in the user's language; its numbers (`{min}`, `{max}`, `{adBreak}`) come from the rules themselves. */
export function problemText(m: Messages, key: ProblemKey): string {
	return m.format(key, { min: m.seconds(MIN_COOLDOWN_S), max: m.seconds(MAX_COOLDOWN_S), adBreak: m.seconds(AD_BREAK_MS / 1000) });
}
