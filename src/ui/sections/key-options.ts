import { AD_BREAK_MS, DEFAULT_COOLDOWN_S } from "../../live/ad-break-clock.js";
import { MAX_COOLDOWN_S, MIN_COOLDOWN_S } from "../../settings/ad-break.js";
import { section } from "../dom.js";
import { validateCooldown } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The Ad Break key's minimum interval between two launches. */
export function adBreakSection({ form, m }: InspectorContext): HTMLElement {
	const cooldown = form.text({
		scope: "action",
		key: "cooldown",
		label: m.t("pi.adBreak.cooldown"),
		type: "number",
		min: String(MIN_COOLDOWN_S),
		max: String(MAX_COOLDOWN_S),
		placeholder: String(DEFAULT_COOLDOWN_S),
		hint: m.t("pi.adBreak.cooldownHint", { adBreak: m.seconds(AD_BREAK_MS / 1000) }),
		validate: validateCooldown,
	});
	return section("adbreak", m.t("action.adbreak.name"), cooldown.row);
}

/** The Send to OBS key's option to start streaming once OBS has the live's server and key. */
export function sendToObsSection({ form, m }: InspectorContext): HTMLElement {
	const start = form.toggle({ scope: "action", key: "start", label: m.t("pi.obsKey.start"), fallback: false });
	return section("sendtoobs", m.t("action.obs.name"), start.row);
}
