/**
 * One timer for every countdown and elapsed-time display: it fires just after each wall-clock second (deadlines
 * from the API are whole seconds, so displays change exactly then) and only while someone listens.
 */
export class SecondTicker {
	#listeners = new Set<() => void>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#now: () => number;

	/** A few ms past the boundary so `Math.ceil`-based displays have already moved on. */
	static readonly SLACK_MS = 3;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	get running(): boolean {
		return this.#timer !== undefined;
	}

	/** Adds a listener; the ticker runs while there is at least one. Returns the remover. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		if (!this.#timer) this.#schedule();
		return () => {
			this.#listeners.delete(listener);
			if (this.#listeners.size === 0) this.#cancel();
		};
	}

	dispose(): void {
		this.#listeners.clear();
		this.#cancel();
	}

	#schedule(): void {
		const delay = 1000 - (this.#now() % 1000) + SecondTicker.SLACK_MS;
		this.#timer = setTimeout(() => this.#tick(), delay);
	}

	#tick(): void {
		this.#timer = undefined;
		for (const listener of [...this.#listeners]) listener();
		if (this.#listeners.size > 0 && !this.#timer) this.#schedule();
	}

	#cancel(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
