import * as z from "zod/mini";
import { adScheduleFields } from "./ad-schedule.js";
import { flag, parseSettings, preprocess, problem, text, type Parsed } from "./parse.js";

/** Default endpoints per API mode (dailymotion-api.md §8.1). */
export const API_DEFAULTS = {
	partner: {
		apiUrl: "https://partner.api.dailymotion.com/rest",
		tokenUrl: "https://partner.api.dailymotion.com/oauth/v1/token",
	},
	user: {
		apiUrl: "https://api.dailymotion.com",
		tokenUrl: "https://api.dailymotion.com/oauth/token",
	},
} as const;

/** API v2 endpoints (dailymotion-api.md §9); `v2ApiUrl`/`v2TokenUrl` override them. */
export const V2_API_DEFAULTS = {
	apiUrl: "https://api.dailymotion.com/v2",
	tokenUrl: "https://oauth2.dailymotion.com/v2/token",
} as const;

export const DEFAULT_OBS_URL = "ws://127.0.0.1:4455";

/** Dailymotion ids: letters and digits only (kept strict because they are put into URL paths). */
const ID_PATTERN = /^[A-Za-z0-9]{1,64}$/;

const optionalId = (what: "profileId" | "liveId") =>
	text("", `problem.${what}.text`).check(
		z.refine((v) => v === "" || ID_PATTERN.test(v), { message: problem(`problem.${what}.chars`) }),
	);

const httpUrl = (what: "apiUrl" | "tokenUrl") =>
	text("", `problem.${what}.text`).check(
		z.refine((v) => v === "" || isUrl(v, ["http:", "https:"]), { message: problem(`problem.${what}.url`) }),
	);

/**
 * Global settings (flat keys, the contract shared with the property inspector and the README).
 * Secrets live here and only here: apiSecret, password, v2ApiSecret, obsPassword. Each API version has its own
 * credentials and its own current live, so switching `apiVersion` back and forth loses neither.
 */
export const globalSettingsSchema = z.object({
	apiVersion: z._default(
		preprocess(emptyToUndefined, z.enum(["legacy", "v2"], { error: problem("problem.apiVersion.choice") })),
		"legacy",
	),
	apiMode: z._default(
		preprocess(emptyToUndefined, z.enum(["partner", "user"], { error: problem("problem.apiMode.choice") })),
		"partner",
	),
	apiKey: text("", "problem.apiKey.text"),
	apiSecret: text("", "problem.apiSecret.text"),
	username: text("", "problem.username.text"),
	password: text("", "problem.password.text"),
	profileId: optionalId("profileId"),
	apiUrl: httpUrl("apiUrl"),
	tokenUrl: httpUrl("tokenUrl"),
	v2ApiKey: text("", "problem.apiKey.text"),
	v2ApiSecret: text("", "problem.apiSecret.text"),
	v2ProfileId: optionalId("profileId"),
	v2ApiUrl: httpUrl("apiUrl"),
	v2TokenUrl: httpUrl("tokenUrl"),
	obsUrl: text(DEFAULT_OBS_URL, "problem.obsUrl.text").check(
		z.refine((v) => v === "" || isUrl(v, ["ws:", "wss:"]), { message: problem("problem.obsUrl.url") }),
	),
	obsPassword: text("", "problem.obsPassword.text"),
	liveId: optionalId("liveId"),
	/** The current live on API v2 (ids of the two APIs are not known to be interchangeable). */
	v2LiveId: optionalId("liveId"),
	debugLogging: flag(false, "problem.debugLogging.flag"),
	/** The automatic ad-break schedule: one per show, so every Ad Break key agrees (`autoAds`, `autoAdsEvery`…). */
	...adScheduleFields,
});

export type GlobalSettings = z.output<typeof globalSettingsSchema>;

export function parseGlobalSettings(raw: unknown): Parsed<GlobalSettings> {
	const parsed = parseSettings(globalSettingsSchema, raw);
	if (parsed.value.obsUrl === "") parsed.value.obsUrl = DEFAULT_OBS_URL;
	return parsed;
}

/** The settings key holding the current live of the API in use: `liveId` (legacy) or `v2LiveId`. */
export function liveIdKey(settings: Pick<GlobalSettings, "apiVersion">): "liveId" | "v2LiveId" {
	return settings.apiVersion === "v2" ? "v2LiveId" : "liveId";
}

/** The current live of the API in use ("" when none). */
export function currentLiveId(settings: GlobalSettings): string {
	return settings[liveIdKey(settings)];
}

/** "" and null mean "not set" for choice settings. */
function emptyToUndefined(value: unknown): unknown {
	return value === "" || value === null ? undefined : value;
}

function isUrl(value: string, protocols: string[]): boolean {
	try {
		return protocols.includes(new URL(value).protocol);
	} catch {
		return false;
	}
}
