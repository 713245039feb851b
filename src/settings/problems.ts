import type { Messages, ProblemKey } from "../i18n/messages.js";
import { AD_BREAK_MS } from "../live/ad-break-clock.js";
import { MAX_COOLDOWN_S, MIN_COOLDOWN_S } from "./ad-break.js";
import { AUTO_ADS_EVERY_MIN, AUTO_ADS_FIRST_MIN, AUTO_ADS_WARN_S } from "./ad-schedule.js";

/**
 * A settings problem in the user's language. Its numbers come from the rules themselves, one placeholder name per
 * bound (`{cooldownMin}`, `{everyMax}`…), formatted as durations of the language.
 */
export function problemText(m: Messages, key: ProblemKey): string {
	return m.format(key, {
		adBreak: m.seconds(AD_BREAK_MS / 1000),
		cooldownMin: m.seconds(MIN_COOLDOWN_S),
		cooldownMax: m.seconds(MAX_COOLDOWN_S),
		everyMin: m.minutes(AUTO_ADS_EVERY_MIN.min),
		everyMax: m.minutes(AUTO_ADS_EVERY_MIN.max),
		firstMin: m.minutes(AUTO_ADS_FIRST_MIN.min),
		firstMax: m.minutes(AUTO_ADS_FIRST_MIN.max),
		warnMin: m.seconds(AUTO_ADS_WARN_S.min),
		warnMax: m.seconds(AUTO_ADS_WARN_S.max),
	});
}
