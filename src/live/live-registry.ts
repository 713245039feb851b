import { NotFoundError, type LiveExtra } from "../dailymotion/index.js";
import type { Logger } from "../log.js";
import { redact } from "../secrets.js";
import type { ApiProvider } from "./api-provider.js";
import { LiveStore, type LiveSnapshot } from "./live-store.js";

export const POLL_INTERVAL_MS = 10_000;
export const MAX_POLL_BACKOFF_MS = 60_000;
/** How soon failed lives are read again after the API settings change (a short pause lets typing settle). */
export const RETRY_AFTER_CONFIG_CHANGE_MS = 500;
/**
 * How long a live's first read waits. Its setup (loading the HTTP client, the token request) costs several ms of CPU,
 * and the keys of the same burst (a profile opening, every device at start-up) should all be drawn before it.
 */
export const FIRST_READ_DELAY_MS = 50;

export interface LiveRegistryDeps {
	api: ApiProvider;
	logger: Logger;
	now?: () => number;
	intervalMs?: number;
}

/** A live's store plus its poller: reads run only while at least one visible key watches it. */
interface Entry {
	store: LiveStore;
	watchers: number;
	timer: ReturnType<typeof setTimeout> | undefined;
	/** An early read asked for by {@link LiveRegistry.refreshSoon}, besides the regular polls. */
	soon: ReturnType<typeof setTimeout> | undefined;
	inFlight: Promise<LiveSnapshot> | undefined;
	failures: number;
	/** The extra fields visible keys need, with how many watchers need each: reads ask for their union. */
	extras: Map<LiveExtra, number>;
}

/**
 * Keeps one store and one poller per live, shared by every key and device that shows it: 32 visible keys on one
 * live still make one request per interval. Polling backs off on errors and stops when no key watches.
 */
export class LiveRegistry {
	#deps: LiveRegistryDeps;
	#now: () => number;
	#intervalMs: number;
	#entries = new Map<string, Entry>();
	#offConfigChange: () => void;

	constructor(deps: LiveRegistryDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
		this.#intervalMs = deps.intervalMs ?? POLL_INTERVAL_MS;
		this.#offConfigChange = deps.api.onConfigChange(() => this.#retryFailed());
	}

	/** The store of a live (created on demand; not polled unless watched). */
	store(id: string): LiveStore {
		return this.#entry(id).store;
	}

	/**
	 * Watches a live: `listener` gets every snapshot, polling runs while watched. The first watcher triggers a read
	 * unless a fresh one exists; so does a watcher needing `extras` the last read did not ask for. The poll asks for
	 * the union of what its watchers need, and stops asking for an extra once no watcher needs it. Returns the
	 * function that stops watching.
	 */
	watch(id: string, listener: (snapshot: LiveSnapshot) => void, extras: readonly LiveExtra[] = []): () => void {
		const entry = this.#entry(id);
		const unsubscribe = entry.store.subscribe(listener);
		entry.watchers++;
		for (const extra of extras) entry.extras.set(extra, (entry.extras.get(extra) ?? 0) + 1);
		const missing = extras.some((extra) => !entry.store.snapshot.extras.includes(extra));
		if (entry.watchers === 1 || missing) {
			if (this.#fresh(entry) && !missing) this.#schedule(id, entry);
			else this.#scheduleFirstRead(id, entry);
		}
		let active = true;
		return () => {
			if (!active) return;
			active = false;
			unsubscribe();
			entry.watchers--;
			for (const extra of extras) {
				const left = (entry.extras.get(extra) ?? 1) - 1;
				if (left > 0) entry.extras.set(extra, left);
				else entry.extras.delete(extra);
			}
			if (entry.watchers === 0) this.#stop(entry);
		};
	}

	/** Reads the live now (shared with a read already under way). Never rejects: failures land in the snapshot. */
	refresh(id: string): Promise<LiveSnapshot> {
		const entry = this.#entry(id);
		entry.inFlight ??= this.#read(id, entry).finally(() => (entry.inFlight = undefined));
		return entry.inFlight;
	}

	/**
	 * Reads a watched live once more, `delayMs` from now (the stream just started: the live goes on air within seconds,
	 * and keys should not wait up to a whole interval for the regular poll, which still comes as planned). Nothing
	 * happens for a live no key watches.
	 */
	refreshSoon(id: string, delayMs: number): void {
		const entry = this.#entries.get(id);
		if (!entry || entry.watchers === 0) return;
		clearTimeout(entry.soon);
		entry.soon = setTimeout(() => {
			entry.soon = undefined;
			if (entry.watchers > 0) void this.refresh(id);
		}, delayMs);
	}

	/** Stops every poller (plugin shutdown). */
	dispose(): void {
		this.#offConfigChange();
		for (const entry of this.#entries.values()) this.#stop(entry);
	}

	async #read(id: string, entry: Entry): Promise<LiveSnapshot> {
		try {
			const extras = [...entry.extras.keys()];
			const video = await this.#deps.api.client().getVideo(id, extras);
			entry.failures = 0;
			entry.store.applyVideo(video, this.#now(), extras);
		} catch (error) {
			entry.failures++;
			if (entry.failures === 1) this.#deps.logger.warn(`Reading live ${id} failed: ${redact(String(error))}`);
			if (error instanceof NotFoundError) entry.store.applyGone(error);
			else entry.store.applyError(error);
		}
		return entry.store.snapshot;
	}

	/**
	 * New API settings may fix what made reads fail (credentials): watched lives whose last read failed are read again
	 * soon instead of after their backoff (up to a minute), and the backoff starts over.
	 */
	#retryFailed(): void {
		for (const [id, entry] of this.#entries) {
			if (entry.failures === 0 || entry.watchers === 0) continue;
			entry.failures = 0;
			clearTimeout(entry.timer);
			entry.timer = setTimeout(() => this.#poll(id), RETRY_AFTER_CONFIG_CHANGE_MS);
		}
	}

	#poll(id: string): void {
		const entry = this.#entry(id);
		this.refresh(id)
			.then(() => {
				if (entry.watchers === 0) return;
				// A key that needs an extra field appeared while a read without it was under way: read again now.
				if (entry.failures === 0 && !this.#hasExtras(entry)) this.#scheduleFirstRead(id, entry);
				else this.#schedule(id, entry);
			})
			.catch((err: unknown) => this.#deps.logger.error("Live poll failed unexpectedly", err));
	}

	#fresh(entry: Entry): boolean {
		const { fetchedAt } = entry.store.snapshot;
		return fetchedAt !== null && this.#now() - fetchedAt < this.#intervalMs;
	}

	/** Whether the last read asked for every extra the watchers need now. */
	#hasExtras(entry: Entry): boolean {
		return [...entry.extras.keys()].every((extra) => entry.store.snapshot.extras.includes(extra));
	}

	#scheduleFirstRead(id: string, entry: Entry): void {
		clearTimeout(entry.timer);
		// A refresh() meanwhile (a press) may already have read the live: then only the regular poll is due.
		entry.timer = setTimeout(
			() => (this.#fresh(entry) && this.#hasExtras(entry) ? this.#schedule(id, entry) : this.#poll(id)),
			FIRST_READ_DELAY_MS,
		);
	}

	#schedule(id: string, entry: Entry): void {
		clearTimeout(entry.timer);
		const delay = Math.min(this.#intervalMs * 2 ** entry.failures, MAX_POLL_BACKOFF_MS);
		entry.timer = setTimeout(() => this.#poll(id), delay);
	}

	#stop(entry: Entry): void {
		clearTimeout(entry.timer);
		clearTimeout(entry.soon);
		entry.timer = undefined;
		entry.soon = undefined;
	}

	#entry(id: string): Entry {
		let entry = this.#entries.get(id);
		if (!entry) {
			entry = { store: new LiveStore(id), watchers: 0, timer: undefined, soon: undefined, inFlight: undefined, failures: 0, extras: new Map() };
			this.#entries.set(id, entry);
		}
		return entry;
	}
}
