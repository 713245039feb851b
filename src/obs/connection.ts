import type { OBSEventTypes, OBSRequestTypes, OBSResponseTypes, OBSWebSocket } from "obs-websocket-js/json";
import { silentLogger, type Logger } from "../log.js";
import { redact } from "../secrets.js";
import { Backoff, type BackoffOptions } from "./backoff.js";
import { isBlocking, isObsError, ObsError } from "./errors.js";
import { Listeners } from "./listeners.js";
import { isBlockedStatus, type ObsStatus } from "./status.js";
import { applyStreamEvent, sameStream, streamFromStatus, unknownStream, type StreamState } from "./stream-state.js";
import { withTimeout } from "./timeout.js";

export type { ObsStatus } from "./status.js";
export type { StreamState } from "./stream-state.js";

/** Options of {@link ObsConnection}; all optional. */
export interface ObsConnectionOptions {
	logger?: Logger;
	/** Per-call timeout, default 8000 ms. */
	requestTimeoutMs?: number;
	/** Timeout of one connect + identify attempt, default 5000 ms. */
	connectTimeoutMs?: number;
	backoff?: BackoffOptions;
	now?: () => number;
}

/** How long the first connect attempt waits (see #connectNow). */
export const FIRST_CONNECT_DELAY_MS = 50;

type ObsLibrary = typeof import("./socket.js");
let library: Promise<ObsLibrary> | undefined;
/** obs-websocket-js, loaded on the first connect of any connection (a separate chunk of the bundle). */
const loadLibrary = (): Promise<ObsLibrary> => (library ??= import("./socket.js"));
/** How long a graceful close may take before the socket is destroyed. */
const CLOSE_GRACE_MS = 1000;

/**
 * The plugin's single obs-websocket session: connects lazily once configured, reconnects with capped
 * exponential backoff, stops on auth failure / kick / unsupported server until the settings change,
 * times out every call and tracks OBS's stream output state.
 */
export class ObsConnection {
	/** The library and its socket object: both undefined until the first connect attempt. */
	#lib: ObsLibrary | undefined;
	#obs: OBSWebSocket | undefined;
	readonly #log: Logger;
	readonly #requestTimeoutMs: number;
	readonly #connectTimeoutMs: number;
	readonly #backoff: Backoff;
	readonly #now: () => number;
	readonly #statusListeners: Listeners<ObsStatus>;
	readonly #streamListeners: Listeners<StreamState>;
	readonly #pending = new Set<(e: ObsError) => void>();
	#url = "";
	#password: string | undefined;
	#configured = false;
	#disposed = false;
	#status: ObsStatus = { kind: "idle" };
	#stream: StreamState = unknownStream;
	/** Bumped by configure()/dispose(): an attempt from an older generation drops its result. */
	#generation = 0;
	#attempt: Promise<void> | null = null;
	/** Serialises connects on the one socket. */
	#queue: Promise<void> = Promise.resolve();
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#reportedDown = false;
	#streamEvents = 0;

	constructor(options: ObsConnectionOptions = {}) {
		this.#log = options.logger ?? silentLogger;
		this.#requestTimeoutMs = options.requestTimeoutMs ?? 8000;
		this.#connectTimeoutMs = options.connectTimeoutMs ?? 5000;
		this.#backoff = new Backoff(options.backoff);
		this.#now = options.now ?? Date.now;
		this.#statusListeners = new Listeners(this.#log, "status");
		this.#streamListeners = new Listeners(this.#log, "stream");
	}

	get status(): ObsStatus {
		return this.#status;
	}

	get stream(): StreamState {
		return this.#stream;
	}

	/** Sets/changes url+password. Same values: no-op. Changed: disconnect, reset blocked state, connect again. */
	configure(url: string, password: string | undefined): void {
		const nextUrl = url.trim();
		const nextPassword = password ? password : undefined;
		if (this.#disposed) return;
		if (this.#configured && nextUrl === this.#url && nextPassword === this.#password) return;
		this.#configured = true;
		this.#url = nextUrl;
		this.#password = nextPassword;
		this.#generation++;
		this.#attempt = null;
		this.#clearRetry();
		this.#backoff.reset();
		this.#reportedDown = false;
		this.#rejectPending(new ObsError("unreachable", "OBS settings changed"));
		this.#setStream(unknownStream);
		// Aborts an attempt in flight too: its connect() rejects and it sees the new generation.
		void this.#closeSocket();
		if (!nextUrl) {
			this.#setStatus({ kind: "idle" });
			return;
		}
		this.#log.info(`OBS WebSocket set to ${redact(nextUrl, [nextPassword])}`);
		void this.#connectNow();
	}

	/** Listeners return an unsubscribe function. */
	onStatus(listener: (s: ObsStatus) => void): () => void {
		return this.#statusListeners.add(listener);
	}

	onStream(listener: (s: StreamState) => void): () => void {
		return this.#streamListeners.add(listener);
	}

	/** Resolves when connected (connecting now if down, bypassing the backoff wait); rejects quickly if blocked or not configured. */
	ready(timeoutMs = 10_000): Promise<void> {
		if (this.#status.kind === "connected") return Promise.resolve();
		const early = this.#disposed ? new ObsError("not-configured", "OBS connection is closed") : this.#statusError();
		if (early && this.#status.kind !== "down" && this.#status.kind !== "connecting") return Promise.reject(early);
		return new Promise<void>((resolve, reject) => {
			const settle = (error?: ObsError): void => {
				clearTimeout(timer);
				unsubscribe();
				if (error) reject(error);
				else resolve();
			};
			const timer = setTimeout(
				() => settle(new ObsError("timeout", `OBS did not connect within ${timeoutMs} ms`)),
				timeoutMs,
			);
			const unsubscribe = this.onStatus((s) => {
				if (s.kind === "connected") settle();
				else if (s.kind !== "connecting") settle(this.#statusError() ?? undefined);
			});
			if (this.#status.kind === "down") void this.#connectNow();
		});
	}

	/**
	 * Connects again after OBS kicked this session, because the user just asked for OBS (a key press). Other blocks
	 * (wrong password, unsupported server) still wait for new settings: retrying them cannot help.
	 */
	reconnect(): void {
		if (this.#disposed || this.#status.kind !== "kicked") return;
		this.#log.info("Reconnecting to OBS after a kick, on request");
		this.#backoff.reset();
		this.#reportedDown = false;
		void this.#connectNow();
	}

	/** Typed call with per-call timeout; rejects pending calls when the socket closes. */
	call<T extends keyof OBSRequestTypes>(type: T, data?: OBSRequestTypes[T]): Promise<OBSResponseTypes[T]> {
		if (this.#status.kind !== "connected") {
			return Promise.reject(this.#statusError() ?? new ObsError("unreachable", "OBS is not connected"));
		}
		return this.#rawCall(type, data);
	}

	/**
	 * Reads OBS's stream status and adopts it, for when events may have been missed (a start that never confirmed
	 * leaves the tracked state at STARTING). A StreamStateChanged arriving meanwhile is newer and wins.
	 */
	async resyncStream(): Promise<void> {
		const eventsBefore = this.#streamEvents;
		const status = await this.call("GetStreamStatus");
		if (this.#streamEvents === eventsBefore) this.#setStream(streamFromStatus(status, this.#now()));
	}

	async getVersion(): Promise<{ obsVersion: string; wsVersion: string }> {
		const v = await this.call("GetVersion");
		return { obsVersion: v.obsVersion, wsVersion: v.obsWebSocketVersion };
	}

	/** Stops timers, closes the socket; nothing keeps the event loop alive afterwards. */
	async dispose(): Promise<void> {
		if (this.#disposed) return;
		this.#disposed = true;
		this.#generation++;
		this.#clearRetry();
		this.#rejectPending(new ObsError("not-configured", "OBS connection is closed"));
		const attempt = this.#attempt;
		await this.#closeSocket();
		await attempt?.catch(() => undefined);
		this.#setStatus({ kind: "idle" });
		this.#statusListeners.clear();
		this.#streamListeners.clear();
	}

	#rawCall<T extends keyof OBSRequestTypes>(type: T, data?: OBSRequestTypes[T]): Promise<OBSResponseTypes[T]> {
		return new Promise((resolve, reject) => {
			const done = (): void => {
				clearTimeout(timer);
				this.#pending.delete(fail);
			};
			const fail = (e: ObsError): void => {
				done();
				reject(e);
			};
			const timer = setTimeout(
				() => fail(new ObsError("timeout", `OBS did not answer ${type} within ${this.#requestTimeoutMs} ms`)),
				this.#requestTimeoutMs,
			);
			this.#pending.add(fail);
			if (!this.#obs || !this.#lib) return fail(new ObsError("unreachable", `OBS is not connected (${type})`));
			const lib = this.#lib;
			this.#obs.call(type, data).then(
				(value) => {
					done();
					resolve(value);
				},
				(e: unknown) => {
					const error = lib.classifyRequestError(e, type);
					if (error.code === "unreachable") this.#onCallFoundNoSocket();
					fail(error);
				},
			);
		});
	}

	#connectNow(): Promise<void> {
		// An attempt that already reported "down" is finishing; a new one queues behind it.
		if (this.#attempt && this.#status.kind === "connecting") return this.#attempt;
		this.#clearRetry();
		const generation = this.#generation;
		this.#setStatus({ kind: "connecting" });
		const attempt: Promise<void> = (this.#queue = this.#queue
			// The first attempt waits a moment: the keys that asked for OBS (a profile opening, start-up) draw before
			// the library loads, and settings changed right after (the first global settings) replace the attempt
			// instead of racing it. Later ones wait one turn of the event loop, for the same settings reason. Plain timers:
			// loading node:timers/promises costs a start-up ~1.5 ms.
			.then(() => new Promise<void>((resolve) => (this.#obs ? setImmediate(resolve) : setTimeout(resolve, FIRST_CONNECT_DELAY_MS))))
			.then(() => this.#tryConnect(generation))
			.catch((e: unknown) => {
				this.#log.error("OBS connect attempt crashed", e);
			})
			.finally(() => {
				if (this.#attempt === attempt) this.#attempt = null;
			}));
		this.#attempt = attempt;
		return attempt;
	}

	async #tryConnect(generation: number): Promise<void> {
		const stale = (): boolean => generation !== this.#generation || this.#disposed;
		if (stale()) return;
		try {
			const { obs, subscriptions } = await this.#socket();
			if (stale()) return;
			await withTimeout(
				obs.connect(this.#url, this.#password, { rpcVersion: 1, eventSubscriptions: subscriptions }),
				this.#connectTimeoutMs,
				() => new ObsError("unreachable", "OBS did not complete the WebSocket handshake"),
			);
			if (stale()) return await this.#closeSocket();
			const version = await this.#rawCall("GetVersion");
			const eventsBefore = this.#streamEvents;
			const streamStatus = await this.#rawCall("GetStreamStatus");
			if (stale()) return await this.#closeSocket();
			// A StreamStateChanged that arrived meanwhile is newer than the status answer.
			if (this.#streamEvents === eventsBefore) this.#setStream(streamFromStatus(streamStatus, this.#now()));
			this.#backoff.reset();
			this.#reportedDown = false;
			this.#log.info(`Connected to OBS ${version.obsVersion} (obs-websocket ${version.obsWebSocketVersion})`);
			this.#setStatus({ kind: "connected", obsVersion: version.obsVersion, wsVersion: version.obsWebSocketVersion });
		} catch (e) {
			await this.#closeSocket();
			if (stale()) return;
			this.#fail(this.#classifyConnection(e));
		}
	}

	/** The socket object, made on the first connect; its listeners live as long as this connection. */
	async #socket(): Promise<{ obs: OBSWebSocket; subscriptions: number }> {
		const lib = (this.#lib ??= await loadLibrary());
		if (!this.#obs) {
			const obs = (this.#obs = new lib.OBSWebSocket());
			obs.on("ConnectionClosed", (e) => this.#onClosed(e));
			obs.on("ExitStarted", () => this.#onExitStarted());
			obs.on("StreamStateChanged", (e) => this.#onStreamEvent(e));
		}
		// Only what we render: stream state (Outputs) and ExitStarted (General).
		return { obs: this.#obs, subscriptions: lib.EventSubscription.Outputs | lib.EventSubscription.General };
	}

	/** A failed connect or a close as a typed error (before the library loaded, any failure is "unreachable"). */
	#classifyConnection(e: unknown): ObsError {
		if (this.#lib) return this.#lib.classifyConnectionError(e);
		return isObsError(e) ? e : new ObsError("unreachable", "OBS is not reachable", { cause: e });
	}

	/** Records a failure: blocked until settings change, or down with one retry timer. */
	#fail(error: ObsError): void {
		this.#setStream(unknownStream);
		if (isBlocking(error)) {
			this.#clearRetry();
			this.#log.warn(`OBS connection stopped: ${error.message}`);
			this.#setStatus({ kind: error.code, reason: error.message });
			return;
		}
		const retryInMs = this.#backoff.next();
		if (!this.#reportedDown) {
			this.#reportedDown = true;
			this.#log.debug(`OBS not reachable (${error.message}); retrying with backoff`);
		}
		this.#clearRetry();
		this.#retryTimer = setTimeout(() => {
			this.#retryTimer = undefined;
			void this.#connectNow();
		}, retryInMs);
		this.#setStatus({ kind: "down", reason: error.message, retryInMs });
	}

	#onClosed(e: unknown): void {
		const error = this.#classifyConnection(e);
		this.#rejectPending(
			error.code === "unreachable" ? new ObsError("unreachable", "OBS connection closed", { cause: e }) : error,
		);
		// During an attempt the failed connect() reports the close itself.
		if (this.#status.kind !== "connected") return;
		this.#log.info(`OBS connection closed${error.obsCode === undefined ? "" : ` (${error.obsCode})`}`);
		this.#fail(error);
	}

	#onExitStarted(): void {
		if (this.#status.kind !== "connected") return;
		this.#log.info("OBS is quitting");
		this.#rejectPending(new ObsError("unreachable", "OBS is quitting"));
		this.#fail(new ObsError("unreachable", "OBS is quitting"));
	}

	/** A call found no socket although we thought we were connected: treat as a lost connection. */
	#onCallFoundNoSocket(): void {
		if (this.#status.kind === "connected" && !this.#obs?.identified) {
			this.#fail(new ObsError("unreachable", "OBS connection lost"));
		}
	}

	#onStreamEvent(event: OBSEventTypes["StreamStateChanged"]): void {
		this.#streamEvents++;
		this.#log.debug(`OBS stream ${event.outputState}`);
		this.#setStream(applyStreamEvent(this.#stream, event, this.#now()), true);
	}

	/** The error matching a non-connected status, or null when connecting/down (worth waiting for). */
	#statusError(): ObsError | null {
		const s = this.#status;
		if (isBlockedStatus(s)) return new ObsError(s.kind, s.reason);
		if (s.kind === "idle") return new ObsError("not-configured", "OBS WebSocket is not configured");
		if (s.kind === "down") return new ObsError("unreachable", s.reason);
		return null;
	}

	#setStatus(status: ObsStatus): void {
		if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
		this.#status = status;
		this.#statusListeners.emit(status);
	}

	#setStream(stream: StreamState, always = false): void {
		if (!always && sameStream(stream, this.#stream)) return;
		this.#stream = stream;
		this.#streamListeners.emit(stream);
	}

	#rejectPending(error: ObsError): void {
		for (const fail of [...this.#pending]) fail(error);
	}

	#clearRetry(): void {
		clearTimeout(this.#retryTimer);
		this.#retryTimer = undefined;
	}

	/** Closes gracefully, then destroys the socket if the server does not finish the close handshake. */
	async #closeSocket(): Promise<void> {
		const obs = this.#obs;
		if (!obs) return;
		// obs-websocket-js keeps the socket protected and has no terminate(): reach it to free the handle.
		const socket = (obs as unknown as { socket?: { terminate?: () => void } }).socket;
		try {
			await withTimeout(obs.disconnect(), CLOSE_GRACE_MS, () => new Error("close timed out"));
		} catch {
			socket?.terminate?.();
		}
	}
}
