import { DEFAULT_COOLDOWN_S } from "../../live/ad-break-clock.js";
import { MAX_COOLDOWN_S, MIN_COOLDOWN_S } from "../../settings/ad-break.js";
import { section } from "../dom.js";
import { validateCooldown } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The Ad Break key's minimum interval between two launches. */
export function adBreakSection({ form }: InspectorContext): HTMLElement {
	const cooldown = form.text({
		scope: "action",
		key: "cooldown",
		label: "Cooldown (s)",
		type: "number",
		min: String(MIN_COOLDOWN_S),
		max: String(MAX_COOLDOWN_S),
		placeholder: String(DEFAULT_COOLDOWN_S),
		hint: `Minimum time between two ad breaks from this key. An ad break lasts 35 s.`,
		validate: validateCooldown,
	});
	return section("adbreak", "Ad Break", cooldown.row);
}

/** The Send to OBS key's option to start streaming once OBS has the live's server and key. */
export function sendToObsSection({ form }: InspectorContext): HTMLElement {
	const start = form.toggle({ scope: "action", key: "start", label: "Start streaming", fallback: false });
	return section("sendtoobs", "Send to OBS", start.row);
}
