import type { DailymotionConfig } from "../dailymotion/config.js";
import type { ProblemKey } from "../i18n/messages.js";
import { API_DEFAULTS, type GlobalSettings } from "./global.js";

export type ApiConfigResult =
	| { ok: true; config: DailymotionConfig }
	| { ok: false; problem: ProblemKey; field: "apiUrl" | "tokenUrl" };

/**
 * Turns global settings into the client's configuration: endpoint defaults per mode, and plain http refused for
 * anything but this machine (credentials must not cross a network unencrypted).
 */
export function apiConfigFrom(settings: GlobalSettings): ApiConfigResult {
	const defaults = API_DEFAULTS[settings.apiMode];
	const apiUrl = (settings.apiUrl || defaults.apiUrl).replace(/\/+$/, "");
	const tokenUrl = settings.tokenUrl || defaults.tokenUrl;
	for (const [field, url] of [["apiUrl", apiUrl], ["tokenUrl", tokenUrl]] as const) {
		if (!isSecureOrLocal(url)) return { ok: false, field, problem: `problem.${field}.https` };
	}
	return {
		ok: true,
		config: {
			mode: settings.apiMode,
			apiKey: settings.apiKey,
			apiSecret: settings.apiSecret,
			username: settings.username || undefined,
			password: settings.password || undefined,
			profileId: settings.profileId || undefined,
			apiUrl,
			tokenUrl,
		},
	};
}

function isSecureOrLocal(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === "https:") return true;
	return protocol === "http:" && isLoopback(hostname);
}

function isLoopback(hostname: string): boolean {
	return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
