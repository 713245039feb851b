import { errorText } from "../actions/error-text.js";
import type { Messages } from "../i18n/messages.js";
import { titleLine } from "../keys/index.js";

/**
 * One line for the inspector, in the user's language: what went wrong (the key's short title) and why, e.g. "Timed out:
 * Dailymotion did not answer in time". When Dailymotion or OBS said why, their own (redacted) words are shown instead:
 * "Login failed: Invalid API key or secret".
 */
export function describeError(error: unknown, m: Messages): string {
	const { title, reason, detail, remote } = errorText(error, m);
	const headline = titleLine(title);
	if (remote && detail) return m.t("error.withDetail", { headline, detail });
	return m.t("error.withReason", { headline, reason });
}
