/**
 * Keeps the page's status bar current: API, ingest and live every second (cheap, in-process), OBS reachability
 * every few seconds (a WebSocket handshake to the OBS URL in global settings, so an inspector edit is followed).
 */
import type { Host } from "../../test/harness/host/index.ts";
import type { Backends } from "./backends.ts";
import type { DeckSession } from "./deck-session.ts";
import { probeObs, type ObsReachability } from "./obs-probe.ts";
import { DEFAULT_OBS_URL } from "./settings-sync.ts";
import { apiStatus, ingestStatus, liveStatus, obsStatus } from "./status.ts";

const STATUS_INTERVAL_MS = 1_000;
const OBS_PROBE_INTERVAL_MS = 4_000;

/** Starts the timers; returns the function that stops them. */
export function startStatusMonitor(opts: { host: Host; backends: Backends; session: DeckSession }): () => void {
	const { host, backends, session } = opts;
	let obs: { url: string; reach: ObsReachability | undefined } = { url: "", reach: undefined };
	let probing = false;
	const obsUrl = (): string => (typeof host.globalSettings.obsUrl === "string" && host.globalSettings.obsUrl) || DEFAULT_OBS_URL;

	const refresh = (): void => {
		session.logInspectorMessages();
		const url = obsUrl();
		session.setStatus([
			apiStatus(backends.sandbox, host.globalSettings),
			...(backends.sandbox ? [ingestStatus(backends.ingest?.url, backends.ingestProblem)] : []),
			// Until the new URL was probed, say "checking" rather than the old URL's answer.
			obsStatus(url, obs.url === url ? obs.reach : undefined, Boolean(host.globalSettings.obsPassword)),
			liveStatus(backends.sandbox, host.globalSettings),
		]);
	};
	const probe = (): void => {
		if (probing) return;
		probing = true;
		const url = obsUrl();
		probeObs(url)
			.then((reach) => (obs = { url, reach }))
			.catch(() => undefined)
			.finally(() => {
				probing = false;
				refresh();
			});
	};

	probe();
	refresh();
	const statusTimer = setInterval(refresh, STATUS_INTERVAL_MS);
	const probeTimer = setInterval(probe, OBS_PROBE_INTERVAL_MS);
	return () => {
		clearInterval(statusTimer);
		clearInterval(probeTimer);
	};
}
