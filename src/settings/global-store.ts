import { withResolvers } from "@elgato/utils";
import type { Logger } from "../log.js";
import { silentLogger } from "../log.js";
import { parseGlobalSettings, type GlobalSettings } from "./global.js";
import { isRecord, type Parsed } from "./parse.js";

type Listener = (current: GlobalSettings, previous: GlobalSettings) => void;

/**
 * The single holder of global settings on the plugin side. The property inspector writes the whole object too, so
 * every plugin write is merged into the most recently received object, and nothing is written before the first one
 * arrived (stream-deck.md §1.6).
 */
export class GlobalSettingsStore {
	#raw: Record<string, unknown> = {};
	#parsed: Parsed<GlobalSettings> = parseGlobalSettings({});
	#listeners = new Set<Listener>();
	// Not Promise.withResolvers: the bundle must run on Node 20 (OpenDeck uses the system node).
	#received = withResolvers<void>();
	#hasReceived = false;
	#write: (settings: Record<string, unknown>) => Promise<void>;
	#logger: Logger;

	constructor(write: (settings: Record<string, unknown>) => Promise<void>, logger: Logger = silentLogger) {
		this.#write = write;
		this.#logger = logger;
	}

	/** Validated settings, defaults filled in. */
	get current(): GlobalSettings {
		return this.#parsed.value;
	}

	/** What was wrong with the stored settings (for the key and the log). */
	get problems(): readonly string[] {
		return this.#parsed.problems;
	}

	/** True once the host has sent the settings at least once. */
	get received(): boolean {
		return this.#hasReceived;
	}

	/** Resolves once the host has sent the settings at least once. */
	whenReceived(): Promise<void> {
		return this.#received.promise;
	}

	/** Feeds a `didReceiveGlobalSettings` payload (from the inspector or a reply to our own request). */
	receive(raw: unknown): void {
		this.#hasReceived = true;
		this.#apply(isRecord(raw) ? { ...raw } : {});
		this.#received.resolve();
	}

	/**
	 * Feeds the answer to the startup `getGlobalSettings`, unless settings already arrived: the SDK hands that same
	 * answer to the `didReceiveGlobalSettings` listener too, and the awaited copy can resolve after a newer write by
	 * the inspector, which it must not undo.
	 */
	receiveInitial(raw: unknown): void {
		if (!this.#hasReceived) this.receive(raw);
	}

	/** Merges `patch` into the latest received settings and writes the whole object. */
	async update(patch: Partial<GlobalSettings>): Promise<void> {
		await this.#received.promise;
		const merged = { ...this.#raw, ...patch };
		this.#apply(merged);
		await this.#write(merged);
	}

	onChange(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#apply(raw: Record<string, unknown>): void {
		const previous = this.#parsed.value;
		this.#raw = raw;
		this.#parsed = parseGlobalSettings(raw);
		for (const problem of this.#parsed.problems) this.#logger.warn(`Global settings: ${problem}`);
		for (const listener of this.#listeners) listener(this.#parsed.value, previous);
	}
}
