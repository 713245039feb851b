import type { OBSEventTypes, OBSResponseTypes } from "obs-websocket-js/json";
import { OutputState } from "./codes.js";

/**
 * OBS's stream output as this plugin sees it. `active` means "live and sending" (STARTED/RECONNECTED);
 * while OBS retries a dropped ingest `active` is false and `reconnecting` true. `since` is when the
 * current stream started (ms epoch), kept across reconnects.
 */
export type StreamState = {
	active: boolean;
	reconnecting: boolean;
	/** `OBS_WEBSOCKET_OUTPUT_*`, or "UNKNOWN" while not connected. */
	state: string;
	since: number | null;
};

/** The state while OBS is not connected. */
export const unknownStream: StreamState = { active: false, reconnecting: false, state: "UNKNOWN", since: null };

/** Folds a `StreamStateChanged` event into the previous state. */
export function applyStreamEvent(
	prev: StreamState,
	event: OBSEventTypes["StreamStateChanged"],
	now: number,
): StreamState {
	const state = event.outputState;
	const reconnecting = state === OutputState.Reconnecting;
	const ended = state === OutputState.Stopped;
	let since = ended ? null : prev.since;
	if (since === null && event.outputActive) since = now;
	return { active: event.outputActive, reconnecting, state, since };
}

/** Derives the state from a `GetStreamStatus` answer (used on identify). */
export function streamFromStatus(status: OBSResponseTypes["GetStreamStatus"], now: number): StreamState {
	if (!status.outputActive) {
		return { active: false, reconnecting: false, state: OutputState.Stopped, since: null };
	}
	const since = now - Math.max(0, status.outputDuration ?? 0);
	if (status.outputReconnecting) {
		return { active: false, reconnecting: true, state: OutputState.Reconnecting, since };
	}
	return { active: true, reconnecting: false, state: OutputState.Started, since };
}

/** Structural equality, to avoid notifying listeners of no-op updates. */
export function sameStream(a: StreamState, b: StreamState): boolean {
	return a.active === b.active && a.reconnecting === b.reconnecting && a.state === b.state && a.since === b.since;
}
