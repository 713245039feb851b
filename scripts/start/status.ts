/** The status bar: which API, the RTMP ingest, OBS reachability and the current live, in words a user acts on. */
import type { Sandbox } from "../../test/harness/sandbox/index.ts";
import type { ObsReachability } from "./obs-probe.ts";
import type { StatusItem } from "./page/protocol.ts";

export const OBS_HINT =
	"Start OBS Studio, then OBS → Tools → WebSocket Server Settings → Enable WebSocket server, set a password, and enter it in the inspector's OBS section (beside the deck).";

/**
 * The current live of the API the settings use (`liveId`, or `v2LiveId` on API v2), as the plugin's `currentLiveId`
 * reads it (scripts run the TypeScript sources directly, so they cannot import the plugin's settings modules).
 */
export function currentLiveIn(globalSettings: Record<string, unknown>): string {
	const value = globalSettings[globalSettings.apiVersion === "v2" ? "v2LiveId" : "liveId"];
	return typeof value === "string" ? value : "";
}

export function apiStatus(sandbox: Sandbox | undefined, globalSettings: Record<string, unknown>): StatusItem {
	const v2 = globalSettings.apiVersion === "v2";
	const which = v2 ? "API v2" : "legacy API";
	if (sandbox) return { id: "api", tone: "ok", text: `Dailymotion sandbox (${v2 ? "API v2 key" : "legacy API, partner account"}) at ${sandbox.url}` };
	const key = v2 ? globalSettings.v2ApiKey : globalSettings.apiKey;
	const configured = typeof key === "string" && key !== "";
	return configured
		? { id: "api", tone: "ok", text: `Real Dailymotion API (${which})` }
		: { id: "api", tone: "warn", text: `Real Dailymotion API (${which}): no credentials yet`, hint: "Select a key and enter your API key and secret in the inspector." };
}

export function ingestStatus(ingestUrl: string | undefined, problem: string | undefined): StatusItem {
	return ingestUrl
		? { id: "ingest", tone: "ok", text: `RTMP ingest at ${ingestUrl}`, hint: "Lives go on air when OBS streams to it (Send to OBS, then Stream On)." }
		: { id: "ingest", tone: "warn", text: "No RTMP ingest", hint: problem };
}

export function obsStatus(url: string, reach: ObsReachability | undefined, hasPassword: boolean): StatusItem {
	if (!reach) return { id: "obs", tone: "info", text: `Checking OBS at ${url}…` };
	if (reach.reachable) {
		const version = reach.version ? ` (obs-websocket ${reach.version})` : "";
		return {
			id: "obs",
			tone: "ok",
			text: `OBS reachable at ${url}${version}`,
			hint: reach.authRequired && !hasPassword ? "OBS asks for a password: enter it in the inspector's OBS section." : undefined,
		};
	}
	return { id: "obs", tone: "warn", text: `OBS not reachable at ${url} (${reach.reason})`, hint: OBS_HINT };
}

export function liveStatus(sandbox: Sandbox | undefined, globalSettings: Record<string, unknown>): StatusItem {
	const liveId = currentLiveIn(globalSettings);
	if (!liveId) return { id: "live", tone: "off", text: "No current live", hint: "Press Create Live." };
	const live = sandbox?.live(liveId);
	if (!sandbox) return { id: "live", tone: "info", text: `Current live ${liveId}` };
	if (!live) return { id: "live", tone: "warn", text: `Current live ${liveId} is unknown to the sandbox` };
	return live.onair
		? { id: "live", tone: "ok", text: `Live ${liveId} “${live.title}” is on air`, onAir: true }
		: { id: "live", tone: "off", text: `Live ${liveId} “${live.title}” is off air`, hint: "Stream to it from OBS, or use “Simulate on air”.", onAir: false };
}
