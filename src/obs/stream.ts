import { OutputState } from "./codes.js";
import type { ObsConnection } from "./connection.js";
import { isObsError, ObsError } from "./errors.js";
import type { StreamState } from "./stream-state.js";

/** Where OBS should publish: the RTMP server URL and the stream key (a secret: never logged). */
export interface StreamTarget {
	server: string;
	key: string;
}

const STOP_FIRST = "Stop stream first";
/** How long OBS may keep reporting an active output after STOPPED. */
const STOP_SETTLE_MS = 5000;

/**
 * Pushes a custom RTMP server and key into OBS (§8 policy): refuses while OBS streams or reconnects,
 * then sets `rtmp_custom` with `use_auth:false` and reads the settings back to verify them (two round trips).
 */
export async function pushStreamSettings(obs: ObsConnection, target: StreamTarget): Promise<void> {
	await obs.ready();
	// The connection keeps the stream state current from OBS's events (and a status read on identify), so this check
	// costs no round trip; a start racing us is still refused by OBS itself (500, handled below).
	if (obs.stream.active || obs.stream.reconnecting) throw new ObsError("output-running", STOP_FIRST);
	try {
		await obs.call("SetStreamServiceSettings", {
			streamServiceType: "rtmp_custom",
			streamServiceSettings: { server: target.server, key: target.key, use_auth: false },
		});
	} catch (e) {
		// Lost the race with a stream start.
		if (isObsError(e) && e.code === "output-running") throw new ObsError("output-running", STOP_FIRST, { obsCode: e.obsCode });
		throw e;
	}
	// The answer holds the key in clear text: compare it, never log it.
	const saved = await obs.call("GetStreamServiceSettings");
	const settings = saved.streamServiceSettings as { server?: unknown; key?: unknown };
	if (saved.streamServiceType !== "rtmp_custom" || settings.server !== target.server || settings.key !== target.key) {
		throw new ObsError("request-failed", "OBS did not keep the stream settings");
	}
}

/**
 * Starts streaming and resolves once OBS reports STARTED (StartStream only means "start requested").
 * STOPPED, or no STARTED within `timeoutMs` (default 15000), is a start failure.
 */
export async function startStream(obs: ObsConnection, opts: { timeoutMs?: number } = {}): Promise<void> {
	await obs.ready();
	const timeoutMs = opts.timeoutMs ?? 15_000;
	try {
		await waitForOutput(obs, OutputState.Started, timeoutMs, () => obs.call("StartStream"), {
			failedOn: OutputState.Stopped,
			failure: () => new ObsError("start-failed", "OBS could not start streaming (ingest refused or unreachable)"),
			timeout: () => new ObsError("start-failed", `OBS did not start streaming within ${timeoutMs / 1000} s`),
		});
	} catch (e) {
		if (isObsError(e) && e.code === "start-failed") {
			// After a refused start, let OBS settle so the next push of settings is not refused.
			if (obs.stream.state === OutputState.Stopped) await waitInactive(obs).catch(() => undefined);
			// No confirmation in time: the tracked state may be stuck at STARTING; adopt what OBS reports now.
			else await obs.resyncStream().catch(() => undefined);
		}
		throw e;
	}
	const status = await obs.call("GetStreamStatus");
	if (!status.outputActive) throw new ObsError("start-failed", "OBS stopped streaming right after starting");
}

/** Stops streaming and resolves once OBS reports STOPPED. Not streaming → ObsError("output-not-running"). */
export async function stopStream(obs: ObsConnection, opts: { timeoutMs?: number } = {}): Promise<void> {
	await obs.ready();
	const timeoutMs = opts.timeoutMs ?? 15_000;
	await waitForOutput(obs, OutputState.Stopped, timeoutMs, () => obs.call("StopStream"), {
		timeout: () => new ObsError("timeout", `OBS did not stop streaming within ${timeoutMs / 1000} s`),
	});
	await waitInactive(obs);
}

/** OBS 29 still reports outputActive for ~0.6 s after STOPPED; settings pushed then would be refused. */
async function waitInactive(obs: ObsConnection): Promise<void> {
	const deadline = Date.now() + STOP_SETTLE_MS;
	while ((await obs.call("GetStreamStatus")).outputActive) {
		if (Date.now() > deadline) throw new ObsError("timeout", "OBS still reports the stream as active after stopping");
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

interface WaitOptions {
	failedOn?: string;
	failure?: () => ObsError;
	timeout: () => ObsError;
}

/** Subscribes first, then sends the request, then waits for `target` (or a failure state / lost connection). */
function waitForOutput(
	obs: ObsConnection,
	target: string,
	timeoutMs: number,
	request: () => Promise<unknown>,
	opts: WaitOptions,
): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		let settled = false;
		const settle = (error?: unknown): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			offStream();
			offStatus();
			if (error === undefined) resolve();
			else reject(error);
		};
		const offStream = obs.onStream((s: StreamState) => {
			if (s.state === target) settle();
			else if (opts.failedOn !== undefined && s.state === opts.failedOn) settle(opts.failure?.());
		});
		const offStatus = obs.onStatus((s) => {
			if (s.kind !== "connected") settle(new ObsError("unreachable", "Lost the connection to OBS"));
		});
		const timer = setTimeout(() => settle(opts.timeout()), timeoutMs);
		request().catch((e: unknown) => settle(e));
	});
}
