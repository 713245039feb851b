import type { DailymotionConfig } from "../dailymotion/config.js";
import type { V2Config } from "../dailymotion/v2/client.js";
import type { ProblemKey } from "../i18n/messages.js";
import { API_DEFAULTS, V2_API_DEFAULTS, type GlobalSettings } from "./global.js";

/** The client configuration for the API version the settings choose. */
export type ApiConfig = ({ api: "legacy" } & DailymotionConfig) | ({ api: "v2" } & V2Config);

/** Settings keys of the endpoints, per API version. */
export type EndpointField = "apiUrl" | "tokenUrl" | "v2ApiUrl" | "v2TokenUrl";

export type ApiConfigResult = { ok: true; config: ApiConfig } | { ok: false; problem: ProblemKey; field: EndpointField };

/**
 * Turns global settings into the client's configuration for the API in use (`apiVersion`): endpoint defaults, and
 * plain http refused for anything but this machine (credentials must not cross a network unencrypted).
 */
export function apiConfigFrom(settings: GlobalSettings): ApiConfigResult {
	if (settings.apiVersion === "v2") {
		const urls = endpoints(settings.v2ApiUrl, settings.v2TokenUrl, V2_API_DEFAULTS, ["v2ApiUrl", "v2TokenUrl"]);
		if (!urls.ok) return urls;
		return {
			ok: true,
			config: {
				api: "v2",
				apiKey: settings.v2ApiKey,
				apiSecret: settings.v2ApiSecret,
				...(settings.v2ProfileId ? { profileId: settings.v2ProfileId } : {}),
				...urls.value,
			},
		};
	}
	const urls = endpoints(settings.apiUrl, settings.tokenUrl, API_DEFAULTS[settings.apiMode], ["apiUrl", "tokenUrl"]);
	if (!urls.ok) return urls;
	return {
		ok: true,
		config: {
			api: "legacy",
			mode: settings.apiMode,
			apiKey: settings.apiKey,
			apiSecret: settings.apiSecret,
			username: settings.username || undefined,
			password: settings.password || undefined,
			profileId: settings.profileId || undefined,
			...urls.value,
		},
	};
}

type Endpoints = { ok: true; value: { apiUrl: string; tokenUrl: string } } | { ok: false; problem: ProblemKey; field: EndpointField };

function endpoints(
	apiOverride: string,
	tokenOverride: string,
	defaults: { apiUrl: string; tokenUrl: string },
	fields: readonly [EndpointField, EndpointField],
): Endpoints {
	const apiUrl = (apiOverride || defaults.apiUrl).replace(/\/+$/, "");
	const tokenUrl = tokenOverride || defaults.tokenUrl;
	for (const [field, problem, url] of [[fields[0], "problem.apiUrl.https", apiUrl], [fields[1], "problem.tokenUrl.https", tokenUrl]] as const) {
		if (!isSecureOrLocal(url)) return { ok: false, field, problem };
	}
	return { ok: true, value: { apiUrl, tokenUrl } };
}

function isSecureOrLocal(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === "https:") return true;
	return protocol === "http:" && isLoopback(hostname);
}

function isLoopback(hostname: string): boolean {
	return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
