import type { RecordStatus } from "../dailymotion/index.js";
import type { Logger } from "../log.js";
import type { ApiProvider } from "./api-provider.js";
import type { LiveRegistry } from "./live-registry.js";

/** While a recording starts or stops, the live is read again this soon (rather than at the next 10 s poll). */
export const TRANSITION_RECHECK_MS = 2_500;

export interface RecordingDeps {
	api: ApiProvider;
	lives: LiveRegistry;
	logger: Logger;
}

/**
 * Starts and stops Dailymotion's recording of a live (`record_status`). The store changes only once the API accepted
 * the change; while the status is `starting` or `stopping` the live is re-read every few seconds until it settles.
 */
export class Recording {
	#deps: RecordingDeps;
	#busy = new Set<string>();
	#rechecks = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(deps: RecordingDeps) {
		this.#deps = deps;
	}

	/** False on an API without recording on/off (API v2): the key says so and sends nothing. */
	canRecord(): boolean {
		return this.#deps.api.can("recording");
	}

	isBusy(liveId: string): boolean {
		return this.#busy.has(liveId);
	}

	/** Sends `record_status=started|stopped`; rejects when the API refuses (off air, …). Never retried. */
	async set(liveId: string, on: boolean): Promise<RecordStatus | null> {
		this.#busy.add(liveId);
		try {
			const status = await this.#deps.api.client().setRecording(liveId, on);
			this.#deps.lives.store(liveId).patchVideo({ recordStatus: status ?? (on ? "starting" : "stopping") });
			this.#deps.logger.info(`Recording ${on ? "started" : "stopped"} on live ${liveId} (${status ?? "no status"})`);
			return status;
		} finally {
			this.#busy.delete(liveId);
		}
	}

	/** Reads the live again soon when its recording is between two states (call on each redraw; one read at a time). */
	follow(liveId: string, status: RecordStatus | null): void {
		if ((status !== "starting" && status !== "stopping") || this.#rechecks.has(liveId)) return;
		const timer = setTimeout(() => {
			this.#rechecks.delete(liveId);
			this.#deps.lives.refresh(liveId).catch((error: unknown) => this.#deps.logger.error("Recording re-read failed", error));
		}, TRANSITION_RECHECK_MS);
		timer.unref();
		this.#rechecks.set(liveId, timer);
	}

	dispose(): void {
		for (const timer of this.#rechecks.values()) clearTimeout(timer);
		this.#rechecks.clear();
	}
}
