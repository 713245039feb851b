import type { LiveExtra, VideoState } from "../dailymotion/index.js";

/** What the plugin knows about one live, as an immutable snapshot. */
export interface LiveSnapshot {
	readonly id: string;
	/** The last successful read (null before the first one). */
	readonly video: VideoState | null;
	/** The last read's failure, cleared by the next success. */
	readonly error: unknown;
	/** When `video` was read (ms epoch). */
	readonly fetchedAt: number | null;
	/** The extra fields that read asked for (their values in `video` are null otherwise). */
	readonly extras: readonly LiveExtra[];
}

type Listener = (snapshot: LiveSnapshot) => void;

/** The one state holder for a live: every key showing it renders from here, so all keys agree. */
export class LiveStore {
	#snapshot: LiveSnapshot;
	#listeners = new Set<Listener>();

	constructor(id: string) {
		this.#snapshot = { id, video: null, error: null, fetchedAt: null, extras: [] };
	}

	get snapshot(): LiveSnapshot {
		return this.#snapshot;
	}

	get listenerCount(): number {
		return this.#listeners.size;
	}

	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** A fresh read of the live, with the extra fields it asked for. */
	applyVideo(video: VideoState, at: number, extras: readonly LiveExtra[] = []): void {
		this.#set({ ...this.#snapshot, video, error: null, fetchedAt: at, extras });
	}

	/** A failed read: the last known video stays, the error is shown beside it. */
	applyError(error: unknown): void {
		this.#set({ ...this.#snapshot, error });
	}

	/** The live no longer exists (404): the last known video is dropped so no key keeps showing it. */
	applyGone(error: unknown): void {
		this.#set({ ...this.#snapshot, video: null, error });
	}

	/** A partial update from a write the plugin made (ad-break launch, toggle). */
	patchVideo(changes: Partial<VideoState>): void {
		if (!this.#snapshot.video) return;
		this.#set({ ...this.#snapshot, video: { ...this.#snapshot.video, ...changes } });
	}

	#set(snapshot: LiveSnapshot): void {
		this.#snapshot = snapshot;
		for (const listener of this.#listeners) listener(snapshot);
	}
}
