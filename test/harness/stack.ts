/**
 * The whole product on one machine, for end-to-end tests, `npm start` and the bench: the Dailymotion sandbox,
 * optionally a real RTMP ingest (its publish hooks go to the sandbox) and real OBS, and the built plugin
 * launched by the Stream Deck host simulator with global settings that point at all of them.
 */
import { fileURLToPath } from "node:url";
import { startHost, type Host, type HostOptions } from "./host/index.ts";
import { startIngest, type Ingest } from "./ingest.ts";
import { startObs, type RealObs } from "./obs.ts";
import { startSandbox, type Sandbox, type SandboxOptions } from "./sandbox/index.ts";
import { startTcpProxy, viaProxy, type TcpProxy } from "./tcp-proxy.ts";

/** The plugin folder whose `bin/plugin.js` `npm run build` writes. */
export const PLUGIN_DIR = fileURLToPath(new URL("../../com.dailymotion.live.sdPlugin", import.meta.url));

/** The manifest's action UUIDs, by short name. */
export const ACTION_UUID = {
	create: "com.dailymotion.live.create",
	obs: "com.dailymotion.live.obs",
	stream: "com.dailymotion.live.stream",
	adBreak: "com.dailymotion.live.adbreak",
	adToggle: "com.dailymotion.live.adtoggle",
	status: "com.dailymotion.live.status",
	record: "com.dailymotion.live.record",
} as const;

/** Which sandbox account the plugin uses: legacy partner key, legacy user key + login, or an API v2 key. */
export type AccountKind = "partner" | "user" | "v2";

export interface StackOptions {
	/** Account the plugin uses (default "partner"). */
	mode?: AccountKind;
	/** Start nginx-rtmp as the sandbox's ingest (default false: publish URLs point at a closed port). */
	ingest?: boolean;
	/** With `ingest`: publish URLs go through a TCP proxy in front of it, which a test can throttle, stall or cut. */
	ingestProxy?: boolean;
	/** Start real OBS and put its URL and password into global settings (default false). */
	obs?: boolean;
	sandbox?: SandboxOptions;
	/** Merged over the generated global settings (e.g. `{ apiSecret: "wrong" }`). */
	globalSettings?: Record<string, unknown>;
	/** Passed to the host simulator (devices, env, appVersion, …). */
	host?: Partial<HostOptions>;
}

export interface Stack {
	sandbox: Sandbox;
	host: Host;
	ingest: Ingest | undefined;
	/** The proxy in front of the ingest (`ingestProxy`). */
	proxy: TcpProxy | undefined;
	obs: RealObs | undefined;
	/** Global settings for an account of the sandbox (what the inspector would have saved). */
	accountSettings(mode: AccountKind): Record<string, string>;
	/** Stops everything that was started, in reverse order; safe to call twice. */
	close(): Promise<void>;
}

/**
 * Global settings for an account of the sandbox (what the inspector would have saved for it). An API v2 account
 * carries only v2 settings, so a v2 run cannot fall back on legacy credentials unnoticed.
 */
export function sandboxAccountSettings(sandbox: Sandbox, mode: AccountKind): Record<string, string> {
	const { partner, user, v2 } = sandbox.credentials;
	if (mode === "v2") {
		const urls = { v2ApiUrl: sandbox.v2.apiUrl, v2TokenUrl: sandbox.v2.tokenUrl };
		return { apiVersion: "v2", ...urls, v2ApiKey: v2.apiKey, v2ApiSecret: v2.apiSecret, v2ProfileId: v2.profileId };
	}
	return mode === "partner"
		? { apiMode: "partner", ...sandbox.partner, apiKey: partner.apiKey, apiSecret: partner.apiSecret, profileId: partner.profileId }
		: { apiMode: "user", ...sandbox.user, apiKey: user.apiKey, apiSecret: user.apiSecret, username: user.username, password: user.password };
}

/** Starts the stack; anything started before a failure is stopped again before the error is rethrown. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const stops: (() => Promise<unknown>)[] = [];
	const close = async (): Promise<void> => {
		for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
	};
	try {
		// The ingest reads its hook URLs per publish, so they can be filled in once the sandbox exists.
		const hooks = { publish: "", done: "" };
		const ingest = options.ingest ? await startIngest({ hooks }) : undefined;
		if (ingest) stops.push(() => ingest.stop());
		const proxy = ingest && options.ingestProxy ? await startTcpProxy({ port: Number(new URL(ingest.url).port) }) : undefined;
		if (proxy) stops.push(() => proxy.close());
		const ingestUrl = ingest && proxy ? viaProxy(ingest.url, proxy) : ingest?.url;
		const sandbox = await startSandbox({ ingestUrl, ...options.sandbox });
		stops.push(() => sandbox.close());
		Object.assign(hooks, sandbox.ingestHooks);
		const obs = options.obs ? await startObs() : undefined;
		if (obs) stops.push(() => obs.stop());

		const accountSettings = (mode: AccountKind): Record<string, string> => sandboxAccountSettings(sandbox, mode);
		const globalSettings = {
			...accountSettings(options.mode ?? "partner"),
			// Without OBS, a closed port: "OBS unreachable" must not depend on what runs on the developer's 4455.
			...(obs ? { obsUrl: obs.url, obsPassword: obs.password } : { obsUrl: "ws://127.0.0.1:9" }),
			...options.globalSettings,
		};
		const host = await startHost({ pluginDir: PLUGIN_DIR, ...options.host, globalSettings });
		stops.push(() => host.stop());
		return { sandbox, host, ingest, proxy, obs, accountSettings, close };
	} catch (err) {
		await close();
		throw err;
	}
}
