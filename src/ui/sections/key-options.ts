import { AD_BREAK_MS, DEFAULT_COOLDOWN_S } from "../../live/ad-break-clock.js";
import { SNOOZE_MS } from "../../live/ad-schedule.js";
import { MAX_COOLDOWN_S, MIN_COOLDOWN_S } from "../../settings/ad-break.js";
import { AUTO_ADS_EVERY_MIN, AUTO_ADS_FIRST_MIN, AUTO_ADS_WARN_S } from "../../settings/ad-schedule.js";
import { el, section } from "../dom.js";
import { validateCooldown, validateGlobal } from "../validate.js";
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

/**
 * The automatic ad-break schedule (global settings: one schedule for the show, whichever Ad Break key edits it). The
 * numbers show only while it is on.
 */
export function autoAdsSection({ form, m }: InspectorContext): HTMLElement {
	const g = "global" as const;
	const on = form.toggle({ scope: g, key: "autoAds", label: m.t("pi.autoAds.on"), fallback: false, hint: m.t("pi.autoAds.hint", { snooze: m.minutes(SNOOZE_MS / 60_000) }) });
	const number = (key: "autoAdsEvery" | "autoAdsFirst" | "autoAdsWarn", bounds: { min: number; max: number; default: number }, label: string, hint: string) =>
		form.text({
			scope: g,
			key,
			label,
			type: "number",
			min: String(bounds.min),
			max: String(bounds.max),
			placeholder: String(bounds.default),
			hint,
			validate: validateGlobal(key),
		});
	const every = number("autoAdsEvery", AUTO_ADS_EVERY_MIN, m.t("pi.autoAds.every"), m.t("pi.autoAds.everyHint", { min: m.minutes(AUTO_ADS_EVERY_MIN.min), max: m.minutes(AUTO_ADS_EVERY_MIN.max) }));
	const first = number("autoAdsFirst", AUTO_ADS_FIRST_MIN, m.t("pi.autoAds.first"), m.t("pi.autoAds.firstHint"));
	const warn = number("autoAdsWarn", AUTO_ADS_WARN_S, m.t("pi.autoAds.warn"), m.t("pi.autoAds.warnHint"));
	const details = el("div", { id: "auto-ads-details" }, every.row, first.row, warn.row);
	form.watch(g, "autoAds", (value) => (details.hidden = !(value === true || value === "true")));
	return section("autoads", m.t("pi.autoAds.title"), on.row, details);
}

/** Live Status's option to show OBS's stream health as a second line. */
export function liveStatusSection({ form, m }: InspectorContext): HTMLElement {
	const health = form.toggle({ scope: "action", key: "showHealth", label: m.t("pi.status.showHealth"), fallback: false, hint: m.t("pi.status.showHealthHint") });
	return section("livestatus", m.t("action.status.name"), health.row);
}

/** Record On/Off has nothing to set: when recording works, and the alternative on API v2. */
export function recordSection({ m }: InspectorContext): HTMLElement {
	return section("record", m.t("action.record.name"), el("p", { class: "hint" }, m.t("pi.record.hint")));
}
