import * as z from "zod/mini";
import type { ProblemKey } from "../i18n/messages.js";
import { flag, parseSettings, preprocess, type Parsed } from "./parse.js";

/** Bounds of the automatic ad-break schedule (minutes, except the warning in seconds). */
export const AUTO_ADS_EVERY_MIN = { min: 5, max: 60, default: 15 } as const;
export const AUTO_ADS_FIRST_MIN = { min: 1, max: 120, default: 10 } as const;
/** At most the shortest interval (5 min), so the warning window never covers a whole interval. */
export const AUTO_ADS_WARN_S = { min: 0, max: 300, default: 60 } as const;

const MINUTE_MS = 60_000;

type Field = "autoAdsEvery" | "autoAdsFirst" | "autoAdsWarn";

/**
 * A whole number within `bounds`; "" and null mean the default, numeric strings (HTML forms) are accepted. Problems
 * are `problem.<field>.*` message keys (their numbers come from these bounds: src/settings/problems.ts).
 */
function wholeNumber(field: Field, bounds: { min: number; max: number; default: number }) {
	const problem = (kind: "number" | "whole" | "min" | "max"): ProblemKey => `problem.${field}.${kind}`;
	return z._default(
		preprocess(
			(v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
			z.number({ error: problem("number") }).check(
				z.int({ error: problem("whole") }),
				z.minimum(bounds.min, { error: problem("min") }),
				z.maximum(bounds.max, { error: problem("max") }),
			),
		),
		bounds.default,
	);
}

/**
 * The automatic ad-break schedule's fields (flat keys, like every other setting), as a shape so they can be spread
 * into the global settings schema (one schedule for the show, whichever key shows it) or into an action's schema.
 */
export const adScheduleFields = {
	/** Off by default: a plugin update must never start launching ads on its own. */
	autoAds: flag(false, "problem.autoAds.flag"),
	/** Minutes between the starts of two breaks while on air. */
	autoAdsEvery: wholeNumber("autoAdsEvery", AUTO_ADS_EVERY_MIN),
	/** Minutes on air before the first break. */
	autoAdsFirst: wholeNumber("autoAdsFirst", AUTO_ADS_FIRST_MIN),
	/** Seconds of warning (amber key) before a scheduled break. */
	autoAdsWarn: wholeNumber("autoAdsWarn", AUTO_ADS_WARN_S),
};

export const adScheduleSettingsSchema = z.object(adScheduleFields);

export type AdScheduleSettings = z.output<typeof adScheduleSettingsSchema>;

export function parseAdScheduleSettings(raw: unknown): Parsed<AdScheduleSettings> {
	return parseSettings(adScheduleSettingsSchema, raw);
}

/** The schedule in milliseconds, as the scheduler uses it. */
export interface AdScheduleConfig {
	everyMs: number;
	firstAfterMs: number;
	warnMs: number;
}

/**
 * The scheduler's config for these settings; null when automatic breaks are off. `minuteMs` is the length of a
 * minute: 60 000 in the plugin; a test may compress time, seconds included.
 */
export function adScheduleConfig(settings: AdScheduleSettings, minuteMs: number = MINUTE_MS): AdScheduleConfig | null {
	if (!settings.autoAds) return null;
	return {
		everyMs: settings.autoAdsEvery * minuteMs,
		firstAfterMs: settings.autoAdsFirst * minuteMs,
		warnMs: (settings.autoAdsWarn * minuteMs) / 60,
	};
}

/**
 * The length of a minute for the schedule: 60 000 ms, or a positive whole number of ms from `DAILYMOTION_LIVE_MINUTE_MS`
 * (a test seam: end-to-end tests run a 5-minute schedule in seconds). Anything else is ignored.
 */
export function minuteLength(value: string | undefined): number {
	const ms = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
	return Number.isSafeInteger(ms) && ms > 0 ? ms : MINUTE_MS;
}
