import type { Logger } from "../log.js";

/** A tiny listener set: `add` returns its own unsubscribe; a throwing listener never breaks the others. */
export class Listeners<T> {
	readonly #set = new Set<(value: T) => void>();
	readonly #logger: Logger;
	readonly #name: string;

	constructor(logger: Logger, name: string) {
		this.#logger = logger;
		this.#name = name;
	}

	add(listener: (value: T) => void): () => void {
		// Wrap so the same function subscribed twice gets two independent subscriptions.
		const entry = (value: T): void => listener(value);
		this.#set.add(entry);
		return () => {
			this.#set.delete(entry);
		};
	}

	emit(value: T): void {
		for (const listener of [...this.#set]) {
			try {
				listener(value);
			} catch (e) {
				this.#logger.error(`OBS ${this.#name} listener failed`, e);
			}
		}
	}

	clear(): void {
		this.#set.clear();
	}
}
