import type { Logger } from "../log.js";
import { startStream, stopStream, type ObsStatus, type StreamState } from "../obs/index.js";
import type { ObsLink } from "./obs-link.js";

/** The stream as a key shows it: one named state (stream-deck keys render from this, never from raw OBS fields). */
export type StreamPhase =
	| "offline"
	| "connecting"
	| "live"
	| "stopping"
	| "reconnecting"
	| "unreachable"
	| "auth-failed"
	| "kicked";

/** How long a press must be held to stop a live stream: a stray tap must never end a show. */
export const LONG_PRESS_MS = 1_000;

/** Reduces OBS's connection status and output state to the phase a Stream key shows. */
export function streamPhase(status: ObsStatus, stream: StreamState): StreamPhase {
	if (status.kind === "auth-failed") return "auth-failed";
	if (status.kind === "kicked") return "kicked";
	if (status.kind !== "connected") return "unreachable";
	if (stream.reconnecting) return "reconnecting";
	if (stream.active) return stream.state.endsWith("STOPPING") ? "stopping" : "live";
	if (stream.state.endsWith("STARTING")) return "connecting";
	if (stream.state.endsWith("STOPPING")) return "stopping";
	return "offline";
}

/**
 * Starts and stops OBS's stream for the Stream On/Off keys; one operation at a time. A start first waits for
 * `settingsSettled`: work under way elsewhere (Create Live, Send to OBS) that may still be putting a new live's server and
 * key into OBS, so the stream never goes out on the previous live's key.
 */
export class StreamControl {
	#link: ObsLink;
	#logger: Logger;
	#settingsSettled: () => Promise<unknown>;
	#inFlight: { kind: "start" | "stop"; promise: Promise<void> } | undefined;

	constructor(link: ObsLink, logger: Logger, settingsSettled: () => Promise<unknown> = () => Promise.resolve()) {
		this.#link = link;
		this.#logger = logger;
		this.#settingsSettled = settingsSettled;
	}

	/** The shared connection (opening it on first use: a visible Stream key needs OBS's state). */
	get #obs() {
		return this.#link.connection;
	}

	get phase(): StreamPhase {
		return streamPhase(this.#obs.status, this.#obs.stream);
	}

	/** Calls `listener` whenever the phase may have changed; returns the unsubscribe function. */
	onChange(listener: () => void): () => void {
		return this.#link.onChange(listener);
	}

	/** When the current stream started (ms epoch), if known. */
	get liveSince(): number | null {
		return this.#obs.stream.since;
	}

	/** Connects again after OBS kicked this session (the key shows the state once connected). */
	reconnect(): void {
		this.#logger.info("Reconnecting to OBS from Stream Deck");
		this.#link.forPress();
	}

	start(): Promise<void> {
		return this.#once("start", async () => {
			await this.#settingsSettled();
			const obs = this.#link.forPress();
			await obs.ready(4_000);
			// The work waited for may have started the stream itself ("After create: send and start").
			if (obs.stream.active) return;
			await startStream(obs);
			this.#logger.info("Stream started from Stream Deck");
		});
	}

	stop(): Promise<void> {
		return this.#once("stop", async () => {
			const obs = this.#link.forPress();
			await obs.ready(4_000);
			await stopStream(obs);
			this.#logger.info("Stream stopped from Stream Deck (long press)");
		});
	}

	/**
	 * One operation at a time. A repeated press joins the same operation; the other one (a start right after a stop,
	 * while OBS settles) waits for it instead of being swallowed by it.
	 */
	#once(kind: "start" | "stop", run: () => Promise<void>): Promise<void> {
		if (this.#inFlight?.kind === kind) return this.#inFlight.promise;
		const previous = this.#inFlight?.promise.catch(() => undefined) ?? Promise.resolve();
		const promise: Promise<void> = previous.then(run).finally(() => {
			if (this.#inFlight?.promise === promise) this.#inFlight = undefined;
		});
		this.#inFlight = { kind, promise };
		return promise;
	}
}
