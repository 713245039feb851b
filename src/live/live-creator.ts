import type { CreatedLive, CreateLiveInput } from "../dailymotion/index.js";
import type { Logger } from "../log.js";
import { redact } from "../secrets.js";
import { expandTitle, type CreateLiveSettings } from "../settings/create-live.js";
import { currentLiveId, liveIdKey } from "../settings/global.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import type { ApiProvider } from "./api-provider.js";
import { mayHaveCreated, recoverLostCreate } from "./lost-create.js";
import type { ObsPublisher } from "./obs-publisher.js";

/** Presses this soon after a finished create repeat its outcome instead of creating another live. */
export const REPEAT_WINDOW_MS = 3_000;

export interface LiveCreatorDeps {
	api: ApiProvider;
	settings: GlobalSettingsStore;
	publisher: ObsPublisher;
	logger: Logger;
	now?: () => number;
}

/** What one Create Live press achieved: the live always; OBS as asked (its failure does not undo the live). */
export interface CreateOutcome {
	live: CreatedLive;
	obs: { status: "skipped" | "configured" | "streaming" } | { status: "failed"; error: unknown };
}

/**
 * Creates lives, one at a time: presses while a create runs (on any key) share its outcome, so a nervous triple
 * press makes one live. The new live becomes the current one (`liveId`, or `v2LiveId` on API v2), then goes to OBS if the
 * key asks for it, using the publish URL from the create answer (one API round trip). A create whose answer was lost
 * is reconciled against the profile's recent lives instead of being reported (and re-pressed) as a failure.
 */
export class LiveCreator {
	#deps: LiveCreatorDeps;
	#now: () => number;
	#inFlight: Promise<CreateOutcome> | undefined;
	#last: { outcome: CreateOutcome; at: number } | undefined;
	/** Lives this plugin created or adopted: a lost create never adopts one of them. */
	#created = new Set<string>();

	constructor(deps: LiveCreatorDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
	}

	/** True while a create (or its OBS step) is under way. */
	get busy(): boolean {
		return this.#inFlight !== undefined;
	}

	/** Resolves once the create under way (if any), OBS step included, has finished, whatever its outcome. */
	async settled(): Promise<void> {
		await this.#inFlight?.catch(() => undefined);
	}

	create(settings: CreateLiveSettings): Promise<CreateOutcome> {
		if (this.#inFlight) return this.#inFlight;
		if (this.#last && this.#now() - this.#last.at < REPEAT_WINDOW_MS) return Promise.resolve(this.#last.outcome);
		this.#inFlight = this.#run(settings).finally(() => (this.#inFlight = undefined));
		return this.#inFlight;
	}

	async #run(settings: CreateLiveSettings): Promise<CreateOutcome> {
		const live = await this.#createLive(settings);
		const outcome: CreateOutcome = { live, obs: await this.#sendToObs(live, settings) };
		this.#last = { outcome, at: this.#now() };
		return outcome;
	}

	async #createLive(settings: CreateLiveSettings): Promise<CreatedLive> {
		// A press right after launch may beat the host's first global settings: the account is in there.
		await this.#deps.settings.whenReceived();
		const client = this.#deps.api.client();
		// The new live becomes the current one of the API that creates it (each API version keeps its own).
		const liveKey = liveIdKey(this.#deps.settings.current);
		const sentAt = this.#now();
		const input: CreateLiveInput = {
			title: expandTitle(settings.title, new Date(sentAt)),
			channel: settings.channel,
			forKids: settings.forKids,
			private: settings.private,
			autoRecord: settings.autoRecord,
		};
		// Log in first: a login that fails (network, 5xx) sent no create, so it must not be reconciled as a lost one.
		await client.login();
		let live: CreatedLive;
		try {
			live = await client.createLive(input);
		} catch (error) {
			if (!mayHaveCreated(error)) throw error;
			const known = new Set([...this.#created, currentLiveId(this.#deps.settings.current)]);
			live = await recoverLostCreate({ client, input, sentAt, known, error, logger: this.#deps.logger });
		}
		this.#created.add(live.id);
		this.#deps.logger.info(`Created live ${live.id} ("${live.title}") in category ${live.channel}${input.autoRecord ? ", recorded while on air" : ""}`);
		if (live.autoRecordError) this.#deps.logger.warn(`Live ${live.id} created, but its recording was not turned on: ${redact(String(live.autoRecordError))}`);
		await this.#deps.settings.update({ [liveKey]: live.id });
		return live;
	}

	async #sendToObs(live: CreatedLive, settings: CreateLiveSettings): Promise<CreateOutcome["obs"]> {
		if (settings.afterCreate === "none") return { status: "skipped" };
		const start = settings.afterCreate === "obs-start";
		try {
			await this.#deps.publisher.sendPublishUrl(live.id, live.publishUrl, { start });
			return { status: start ? "streaming" : "configured" };
		} catch (error) {
			this.#deps.logger.warn(`Live ${live.id} created, but OBS was not set up: ${redact(String(error))}`);
			return { status: "failed", error };
		}
	}
}
