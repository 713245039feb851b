/** Backoff settings; every field has a default. */
export interface BackoffOptions {
	/** First delay, default 1000 ms. */
	initialMs?: number;
	/** Cap, default 30000 ms. */
	maxMs?: number;
	/** Relative jitter, default 0.2 (±20 %). */
	jitter?: number;
}

/** The un-jittered delay before retry number `attempt` (0-based): initial·2^attempt, capped. */
export function baseDelay(attempt: number, initialMs: number, maxMs: number): number {
	// Cap the exponent too, so huge attempt counts never overflow to Infinity.
	return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

/**
 * Capped exponential backoff with jitter. `next()` returns the delay for the next retry and advances;
 * `reset()` starts over (after a successful identify). The jittered delay never exceeds `maxMs`.
 */
export class Backoff {
	readonly #initialMs: number;
	readonly #maxMs: number;
	readonly #jitter: number;
	readonly #random: () => number;
	#attempt = 0;

	constructor(options: BackoffOptions = {}, random: () => number = Math.random) {
		this.#initialMs = options.initialMs ?? 1000;
		this.#maxMs = options.maxMs ?? 30_000;
		this.#jitter = options.jitter ?? 0.2;
		this.#random = random;
	}

	/** Retries handed out since the last reset. */
	get attempt(): number {
		return this.#attempt;
	}

	next(): number {
		const base = baseDelay(this.#attempt, this.#initialMs, this.#maxMs);
		this.#attempt++;
		const factor = 1 + this.#jitter * (2 * this.#random() - 1);
		return Math.max(0, Math.min(this.#maxMs, Math.round(base * factor)));
	}

	reset(): void {
		this.#attempt = 0;
	}
}
