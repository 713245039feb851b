import type { Logger } from "../log.js";
import { adBreakPhase, isCountingDown, type AdBreakPhase, type OwnLaunch } from "./ad-break-clock.js";
import type { ApiProvider } from "./api-provider.js";
import type { LiveRegistry } from "./live-registry.js";

export interface AdBreaksDeps {
	api: ApiProvider;
	lives: LiveRegistry;
	logger: Logger;
	now?: () => number;
}

/** The answer to an Ad Break press. `refused` means no request was sent, with the phase that explains why. */
export type LaunchResult = { kind: "launched"; phase: AdBreakPhase } | { kind: "refused"; phase: AdBreakPhase };

const BLOCKING = new Set<AdBreakPhase["kind"]>(["loading", "error", "off-air", "disabled", "quota"]);

/**
 * Launches ad breaks and switches them on or off for a live. A press during a break or its cooldown sends nothing;
 * a press that looks blocked (off air, disabled, quota) re-reads the live once first, since the poll may be stale.
 */
export class AdBreaks {
	#deps: AdBreaksDeps;
	#now: () => number;
	#launching = new Set<string>();
	/** This plugin's last accepted launch per live: the countdown must not depend on the API's end time alone. */
	#ownLaunch = new Map<string, OwnLaunch>();

	constructor(deps: AdBreaksDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
	}

	phase(liveId: string, cooldownMs: number): AdBreakPhase {
		if (!liveId) return { kind: "no-live" };
		const snapshot = this.#deps.lives.store(liveId).snapshot;
		if (!snapshot.video && snapshot.error) return { kind: "error", error: snapshot.error };
		return adBreakPhase(snapshot.video, this.#now(), cooldownMs, this.#ownLaunch.get(liveId));
	}

	isLaunching(liveId: string): boolean {
		return this.#launching.has(liveId);
	}

	async launch(liveId: string, cooldownMs: number): Promise<LaunchResult> {
		let phase = this.phase(liveId, cooldownMs);
		if (phase.kind === "no-live" || isCountingDown(phase) || this.#launching.has(liveId)) return { kind: "refused", phase };
		if (BLOCKING.has(phase.kind)) {
			await this.#deps.lives.refresh(liveId);
			phase = this.phase(liveId, cooldownMs);
			if (phase.kind !== "ready") return { kind: "refused", phase };
		}
		this.#launching.add(liveId);
		try {
			// Taken before sending: the break starts on the server before its answer gets back.
			const sentAt = this.#now();
			const result = await this.#deps.api.client().launchAdBreak(liveId);
			// Kept here rather than in the live's store, which every poll replaces with what the API says.
			this.#ownLaunch.set(liveId, { sentAt, endsAt: result.endTime ? result.endTime * 1000 : null });
			const endTime = result.endTime ? { adBreakEndTime: result.endTime } : {};
			this.#deps.lives.store(liveId).patchVideo({ ...endTime, adBreakRemaining: result.remaining });
			this.#deps.logger.info(`Ad break launched on live ${liveId}; ${result.remaining ?? "?"} left this hour`);
			return { kind: "launched", phase: this.phase(liveId, cooldownMs) };
		} catch (error) {
			// The server may know of a break we don't (launched elsewhere): re-read so the key shows it.
			void this.#deps.lives.refresh(liveId);
			throw error;
		} finally {
			this.#launching.delete(liveId);
		}
	}

	/** Switches ad breaks on or off; the store changes only once the API accepted it. */
	async setEnabled(liveId: string, enabled: boolean): Promise<void> {
		await this.#deps.api.client().setAdBreaksEnabled(liveId, enabled);
		this.#deps.lives.store(liveId).patchVideo({ adBreaksEnabled: enabled });
		this.#deps.logger.info(`Ad breaks ${enabled ? "enabled" : "disabled"} on live ${liveId}`);
	}

	/** False when the API in use has no ad-breaks on/off (API v2): the key says so and sends nothing. */
	canToggle(): boolean {
		return this.#deps.api.can("adBreakToggle");
	}
}
