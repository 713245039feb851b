/**
 * Holds answers for the property inspector until the SDK can deliver them: `ui.sendToPropertyInspector` silently
 * drops anything sent before `propertyInspectorDidAppear` for that action (stream-deck.md §1.8), and the inspector
 * asks for its lists as soon as it connects, which can be before the plugin hears that it appeared.
 */
export class InspectorOutbox<T> {
	readonly #queues = new Map<string, T[]>();
	readonly #send: (payload: T) => Promise<void>;
	readonly #current: () => string | undefined;
	readonly #limit: number;

	/**
	 * @param send delivers to the visible inspector (the SDK's `ui.sendToPropertyInspector`).
	 * @param current the action id whose inspector the SDK considers visible (`ui.action?.id`).
	 * @param limit answers kept per action while waiting; the oldest are dropped beyond it.
	 */
	constructor(send: (payload: T) => Promise<void>, current: () => string | undefined, limit = 20) {
		this.#send = send;
		this.#current = current;
		this.#limit = limit;
	}

	/** Sends now when `context`'s inspector is visible, otherwise keeps the payload until it appears. */
	post(context: string, payload: T): Promise<void> {
		if (this.#current() === context) return this.#send(payload);
		const queue = this.#queues.get(context) ?? [];
		queue.push(payload);
		if (queue.length > this.#limit) queue.shift();
		this.#queues.set(context, queue);
		return Promise.resolve();
	}

	/** Call from `ui.onDidAppear`: delivers what was waiting for `context`, in order. */
	async appeared(context: string): Promise<void> {
		const queue = this.#queues.get(context);
		this.#queues.delete(context);
		for (const payload of queue ?? []) await this.#send(payload);
	}

	/** Call from `ui.onDidDisappear`: answers for a closed inspector are stale. */
	disappeared(context: string): void {
		this.#queues.delete(context);
	}

	/** How many answers wait for `context` (for tests and logs). */
	pending(context: string): number {
		return this.#queues.get(context)?.length ?? 0;
	}
}
