import type { Logger } from "../log.js";
import { pushStreamSettings, startStream } from "../obs/index.js";
import type { ApiProvider } from "./api-provider.js";
import type { ObsLink } from "./obs-link.js";

export interface ObsPublisherDeps {
	api: ApiProvider;
	obs: ObsLink;
	logger: Logger;
}

/** How long to wait for OBS to be reachable before a press gives up (it may be starting). */
const OBS_READY_TIMEOUT_MS = 4_000;

/** Raised when there is no current live to send. */
export class NoLiveError extends Error {
	override name = "NoLiveError" as const;
	constructor() {
		super("No live selected: create one first or pick one in the settings");
	}
}

/**
 * Puts a live's ingest into OBS: the publish URL is split into server and stream key and set as OBS's custom RTMP
 * service, then the stream is optionally started and confirmed. One operation at a time.
 */
export class ObsPublisher {
	#deps: ObsPublisherDeps;
	#inFlight: Promise<void> | undefined;

	constructor(deps: ObsPublisherDeps) {
		this.#deps = deps;
	}

	get busy(): boolean {
		return this.#inFlight !== undefined;
	}

	/** Resolves once the operation under way (if any) has finished, whatever its outcome. */
	settled(): Promise<void> {
		return this.#inFlight?.catch(() => undefined) ?? Promise.resolve();
	}

	/** Reads the live's publish URL from the API, then pushes it (and starts streaming if asked). */
	sendLive(liveId: string, options: { start: boolean }): Promise<void> {
		return this.#once(async () => {
			if (!liveId) throw new NoLiveError();
			const video = await this.#deps.api.client().getVideo(liveId);
			if (!video.publishUrl) throw new NoLiveError();
			await this.#push(liveId, video.publishUrl, options.start);
		});
	}

	/** Pushes a publish URL already known (Create Live gets it in its single round trip). */
	sendPublishUrl(liveId: string, publishUrl: string, options: { start: boolean }): Promise<void> {
		return this.#once(() => this.#push(liveId, publishUrl, options.start));
	}

	async #push(liveId: string, publishUrl: string, start: boolean): Promise<void> {
		const target = this.#deps.api.client().publishTarget(publishUrl);
		const obs = this.#deps.obs.forPress();
		await obs.ready(OBS_READY_TIMEOUT_MS);
		await pushStreamSettings(obs, target);
		this.#deps.logger.info(`OBS stream settings set for live ${liveId} (server ${target.server})`);
		if (!start) return;
		await startStream(obs);
		this.#deps.logger.info(`OBS is streaming live ${liveId}`);
	}

	#once(run: () => Promise<void>): Promise<void> {
		if (this.#inFlight) return this.#inFlight;
		this.#inFlight = run().finally(() => (this.#inFlight = undefined));
		return this.#inFlight;
	}
}
