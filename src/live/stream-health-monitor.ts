import type { Logger } from "../log.js";
import { readStreamStats, type ObsConnection } from "../obs/index.js";
import type { ObsLink } from "./obs-link.js";
import { HEALTH_HISTORY_MS, measuredHealth, type StreamHealth, type StreamSample } from "./stream-health.js";

/** At most one `GetStreamStatus` per this interval. */
export const HEALTH_POLL_MS = 1_000;
/** A read unanswered after this shows the health as unknown (OBS busy or stuck); the call's own timeout still applies. */
export const HEALTH_STALE_MS = 2_500;

export interface StreamHealthMonitorDeps {
	obs: ObsLink;
	logger: Logger;
	now?: () => number;
	intervalMs?: number;
	staleMs?: number;
}

const IDLE: StreamHealth = { kind: "idle" };

/**
 * Measures the stream's health from OBS's `GetStreamStatus`, once per second at most, only while someone subscribes
 * (a key showing it) and OBS is streaming or reconnecting. One read at a time: a slow OBS is never asked twice. A
 * failed or late read shows as unknown; the next read may bring figures back.
 */
export class StreamHealthMonitor {
	#deps: StreamHealthMonitorDeps;
	#now: () => number;
	#intervalMs: number;
	#staleMs: number;
	#listeners = new Set<(health: StreamHealth) => void>();
	#offLink: (() => void) | undefined;
	#health: StreamHealth = IDLE;
	#samples: StreamSample[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#watchdog: ReturnType<typeof setTimeout> | undefined;
	#reading = false;
	#lastReadAt = -Infinity;

	constructor(deps: StreamHealthMonitorDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
		this.#intervalMs = deps.intervalMs ?? HEALTH_POLL_MS;
		this.#staleMs = deps.staleMs ?? HEALTH_STALE_MS;
	}

	/** The latest health (idle while nobody subscribes). */
	get health(): StreamHealth {
		return this.#health;
	}

	/**
	 * Calls `listener` whenever the health changes (about once a second while streaming). Subscribing opens the
	 * shared OBS connection if needed; polling stops with the last subscriber. Returns the unsubscribe function.
	 */
	subscribe(listener: (health: StreamHealth) => void): () => void {
		const entry = (health: StreamHealth): void => listener(health);
		this.#listeners.add(entry);
		if (!this.#offLink) {
			this.#offLink = this.#deps.obs.onChange(() => this.#follow());
			this.#follow();
		}
		return () => {
			if (!this.#listeners.delete(entry) || this.#listeners.size > 0) return;
			this.#stop();
		};
	}

	dispose(): void {
		this.#listeners.clear();
		this.#stop();
	}

	get #obs(): ObsConnection {
		return this.#deps.obs.connection;
	}

	get #streaming(): boolean {
		const obs = this.#obs;
		return obs.status.kind === "connected" && (obs.stream.active || obs.stream.reconnecting);
	}

	/** Starts or stops reading as OBS's connection and stream change. */
	#follow(): void {
		if (this.#listeners.size === 0) return;
		if (!this.#streaming) {
			this.#cancel();
			this.#samples = [];
			this.#set(IDLE);
			return;
		}
		// A change (reconnecting, back) is worth a read now, if the last one is at least an interval old.
		if (!this.#reading) this.#schedule();
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		const delay = Math.max(0, this.#lastReadAt + this.#intervalMs - this.#now());
		this.#timer = setTimeout(() => this.#read(), delay);
	}

	#read(): void {
		this.#timer = undefined;
		if (this.#listeners.size === 0 || !this.#streaming) return;
		this.#reading = true;
		this.#lastReadAt = this.#now();
		this.#watchdog = setTimeout(() => this.#set({ kind: "unknown", error: new Error("OBS did not answer in time") }), this.#staleMs);
		readStreamStats(this.#obs)
			.then((stats) => this.#add({ ...stats, at: this.#now() }))
			.catch((error: unknown) => {
				this.#deps.logger.debug(`Reading OBS stream status failed: ${String(error)}`);
				this.#set({ kind: "unknown", error });
			})
			.finally(() => {
				clearTimeout(this.#watchdog);
				this.#watchdog = undefined;
				this.#reading = false;
				if (this.#listeners.size > 0 && this.#streaming) this.#schedule();
			});
	}

	#add(sample: StreamSample): void {
		// The stream may have stopped while the answer was on its way: #follow has shown idle already.
		if (this.#listeners.size === 0 || !this.#streaming) return;
		if (!sample.active && !sample.reconnecting) {
			this.#samples = [];
			this.#set(IDLE);
			return;
		}
		const last = this.#samples.at(-1);
		// OBS restarts its counters when the output reconnects: a new session of figures.
		if (last && (sample.bytes < last.bytes || sample.totalFrames < last.totalFrames)) this.#samples = [];
		this.#samples.push(sample);
		const oldest = sample.at - HEALTH_HISTORY_MS;
		while (this.#samples.length > 1 && this.#samples[0]!.at < oldest) this.#samples.shift();
		this.#set(measuredHealth(this.#samples));
	}

	#set(health: StreamHealth): void {
		if (sameHealth(this.#health, health)) return;
		this.#health = health;
		for (const listener of [...this.#listeners]) {
			try {
				listener(health);
			} catch (error) {
				this.#deps.logger.error("Stream health listener failed", error);
			}
		}
	}

	#cancel(): void {
		clearTimeout(this.#timer);
		clearTimeout(this.#watchdog);
		this.#timer = undefined;
		this.#watchdog = undefined;
	}

	#stop(): void {
		this.#offLink?.();
		this.#offLink = undefined;
		this.#cancel();
		this.#samples = [];
		this.#health = IDLE;
	}
}

function sameHealth(a: StreamHealth, b: StreamHealth): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === "unknown" && b.kind === "unknown") return true;
	return JSON.stringify({ ...a, at: 0 }) === JSON.stringify({ ...b, at: 0 });
}
