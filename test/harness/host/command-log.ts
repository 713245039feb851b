import type { RecordedCommand } from "./types.ts";

type Listener = (c: RecordedCommand) => void;

/** Ordered record of the plugin's commands, with subscriptions and waiting. */
export class CommandLog {
	readonly commands: RecordedCommand[] = [];
	readonly #listeners = new Set<Listener>();

	/** Appends a command and notifies listeners (a throwing listener does not break the host). */
	record(command: RecordedCommand): void {
		this.commands.push(command);
		for (const listener of [...this.#listeners]) {
			try {
				listener(command);
			} catch (err) {
				console.error("[host] command listener threw", err);
			}
		}
	}

	/** Subscribes to new commands; returns the unsubscribe function. */
	on(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Resolves with the first command from index `since` matching `pred`. Rejects after `timeoutMs`, or
	 * when `abort` resolves (e.g. the plugin exited), with `describe()` appended to the message.
	 */
	waitFor(
		pred: (c: RecordedCommand) => boolean,
		opts: { timeoutMs: number; since: number; abort?: Promise<string>; describe: () => string },
	): Promise<RecordedCommand> {
		const found = this.commands.slice(opts.since).find(pred);
		if (found) return Promise.resolve(found);
		return new Promise<RecordedCommand>((resolve, reject) => {
			let done = false;
			const finish = (fn: () => void): void => {
				if (done) return;
				done = true;
				clearTimeout(timer);
				off();
				fn();
			};
			const off = this.on((c) => {
				if (pred(c)) finish(() => resolve(c));
			});
			const fail = (why: string): void => finish(() => reject(new Error(`host.waitFor: ${why}\n${opts.describe()}`)));
			const timer = setTimeout(() => fail(`no matching command within ${opts.timeoutMs} ms`), opts.timeoutMs);
			opts.abort?.then(fail, () => undefined);
		});
	}

	/** Commands for one context, optionally of one event. */
	forContext(context: string, event?: string): RecordedCommand[] {
		return this.commands.filter((c) => c.context === context && (event === undefined || c.event === event));
	}

	/** The last `n` commands, one per line, payloads shortened. */
	describeLast(n = 15): string {
		const last = this.commands.slice(-n);
		if (last.length === 0) return "  (no commands recorded)";
		return last.map((c) => `  ${c.event} ${c.context ?? ""} ${shorten(c.payload)}`.trimEnd()).join("\n");
	}
}

function shorten(payload: unknown): string {
	if (payload === undefined) return "";
	const text = JSON.stringify(payload) ?? "";
	return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
