import type { Logger } from "../log.js";
import { ConfigError } from "./errors.js";

/** `partner`: private API key + client_credentials. `user`: public API key + account password grant. */
export type ApiMode = "partner" | "user";

/** What the client needs to reach Dailymotion (URLs already resolved by the settings layer). */
export interface DailymotionConfig {
	mode: ApiMode;
	apiKey: string;
	apiSecret: string;
	/** User mode only. */
	username?: string;
	/** User mode only (secret). */
	password?: string;
	/** Owner of the lives. Partner: required. User: defaults to the token's `uid`. */
	profileId?: string;
	apiUrl: string;
	tokenUrl: string;
	/** How messages name this account, default "<mode> mode" (API v2: "API v2"). */
	label?: string;
}

/** Tuning and test seams of the client. */
export interface ClientOptions {
	/** Per request (per attempt), default 10_000. */
	timeoutMs?: number;
	/** Default: silentLogger. */
	logger?: Logger;
	/** Millisecond clock for token expiry, default `Date.now`. */
	now?: () => number;
	/** Passed to ky (tests); default: node:http (see node-fetch.ts). */
	fetch?: typeof fetch;
	/** Retries for idempotent GETs on network error/timeout/429/5xx, default 2. */
	getRetries?: number;
}

const LABELS: Record<string, string> = {
	apiKey: "API key",
	apiSecret: "API secret",
	username: "username",
	password: "password",
	apiUrl: "API URL",
	tokenUrl: "token URL",
};

/**
 * Throws a {@link ConfigError} naming the first missing setting needed to get a token in this mode.
 * Called before any request, so a half-filled form never reaches the network.
 */
export function assertCredentials(config: DailymotionConfig): void {
	const required = ["apiKey", "apiSecret", "tokenUrl", "apiUrl"];
	if (config.mode === "user") required.push("username", "password");
	for (const field of required) {
		const value = config[field as keyof DailymotionConfig];
		if (typeof value !== "string" || value.trim() === "") {
			throw new ConfigError(`Missing ${LABELS[field] ?? field} (${config.label ?? `${config.mode} mode`})`, field);
		}
	}
}
