/**
 * Keeps the settings file in step with the host simulator: whatever wrote them (the plugin's setSettings /
 * setGlobalSettings, or the property inspector through the host), a change is saved within a second.
 */
import type { Host } from "../../test/harness/host/index.ts";
import type { SlotInfo } from "./page/protocol.ts";
import { saveSettings, type ApiTarget, type SavedSettings } from "./settings-file.ts";

export const DEFAULT_OBS_URL = "ws://127.0.0.1:4455";
const CHECK_INTERVAL_MS = 1_000;

/**
 * Global settings to start with. Sandbox: the saved ones (OBS URL and password…) with this run's sandbox account
 * over them, and no live id (sandbox lives do not survive a restart). Real API: the saved ones as they are.
 */
export function initialGlobalSettings(opts: {
	saved: SavedSettings;
	target: ApiTarget;
	accountSettings: Record<string, string>;
	obsUrl: string | undefined;
}): Record<string, unknown> {
	const saved = { ...opts.saved.global[opts.target] };
	if (opts.target === "sandbox") {
		delete saved.liveId;
		delete saved.v2LiveId;
	}
	return { ...saved, ...opts.accountSettings, obsUrl: opts.obsUrl ?? (typeof saved.obsUrl === "string" && saved.obsUrl ? saved.obsUrl : DEFAULT_OBS_URL) };
}

export class SettingsSync {
	readonly #file: string;
	readonly #saved: SavedSettings;
	readonly #target: ApiTarget;
	readonly #host: Host;
	readonly #slots: readonly SlotInfo[];
	#last: string;
	#timer: NodeJS.Timeout | undefined;
	#onError: (err: Error) => void;

	constructor(opts: { file: string; saved: SavedSettings; target: ApiTarget; host: Host; slots: readonly SlotInfo[]; onError: (err: Error) => void }) {
		this.#file = opts.file;
		this.#saved = structuredClone(opts.saved);
		this.#target = opts.target;
		this.#host = opts.host;
		this.#slots = opts.slots;
		this.#onError = opts.onError;
		this.#last = ""; // the first check writes the file
	}

	/** Checks every second (and whenever {@link check} is called). */
	start(): void {
		this.#timer ??= setInterval(() => this.check(), CHECK_INTERVAL_MS);
		this.#timer.unref();
	}

	/** Saves when anything changed since the last save. */
	check(): void {
		const current = this.#current();
		const text = JSON.stringify(current);
		if (text === this.#last) return;
		try {
			saveSettings(this.#file, current);
			this.#last = text;
		} catch (err) {
			this.#onError(err as Error);
		}
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
		this.check();
	}

	#current(): SavedSettings {
		const keys = { ...this.#saved.keys };
		for (const slot of this.#slots) keys[slot.id] = this.#host.settingsOf(slot.context);
		return { global: { ...this.#saved.global, [this.#target]: structuredClone(this.#host.globalSettings) }, keys };
	}
}
