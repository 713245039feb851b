/** A settings object as the host stores it. */
export type Settings = Record<string, unknown>;

/**
 * One settings object (global or the action's) as the inspector sees it. Every write is the latest received
 * object with the patch merged in, never a stale cached copy: the plugin writes global settings too (`liveId`), and
 * the host stores whatever whole object arrives last. Patches made before the first object arrived wait for it.
 */
export class MergedSettings {
	#latest: Settings | undefined;
	#waiting: Settings = {};
	readonly #write: (settings: Settings) => void;
	readonly #listeners = new Set<(settings: Settings) => void>();

	/** @param initial known up front (the action's settings come with `actionInfo`); undefined = wait for the host. */
	constructor(write: (settings: Settings) => void, initial?: Settings) {
		this.#write = write;
		if (initial) this.#latest = { ...initial };
	}

	/** The latest received object with the patches not yet written on top. */
	get current(): Settings {
		return { ...this.#latest, ...this.#waiting };
	}

	/** True once the host's object arrived (writes go out). */
	get ready(): boolean {
		return this.#latest !== undefined;
	}

	/** A didReceive* payload: becomes the base of every later write; waiting patches go out now. */
	receive(settings: Settings): void {
		this.#latest = { ...settings };
		if (Object.keys(this.#waiting).length > 0) this.patch({});
		for (const listener of this.#listeners) listener(this.current);
	}

	/** Merges `patch` into the latest object and writes the whole result (or keeps it until the first receive). */
	patch(patch: Settings): void {
		Object.assign(this.#waiting, patch);
		if (!this.#latest) return;
		this.#latest = { ...this.#latest, ...this.#waiting };
		this.#waiting = {};
		this.#write({ ...this.#latest });
	}

	/** Called with the merged view after each receive. */
	onReceive(listener: (settings: Settings) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}
}

/** A trailing debounce that can be flushed (before a button sends a request that reads the settings). */
export interface Debounced<A extends unknown[]> {
	(...args: A): void;
	flush(): void;
	readonly pending: boolean;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let lastArgs: A | undefined;
	const run = (): void => {
		clearTimeout(timer);
		timer = undefined;
		const args = lastArgs;
		lastArgs = undefined;
		if (args) fn(...args);
	};
	const debounced = (...args: A): void => {
		lastArgs = args;
		clearTimeout(timer);
		timer = setTimeout(run, ms);
	};
	// defineProperty, not Object.assign: assign would copy the getter's value once.
	return Object.defineProperties(debounced, {
		flush: { value: run },
		pending: { get: () => lastArgs !== undefined },
	}) as Debounced<A>;
}
