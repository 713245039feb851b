/**
 * An in-memory Dailymotion for unit tests on a fake clock: one live that reads and launches ad breaks by the
 * contract's rules (§8.8: on air, enabled, no break running, 24 per rolling hour, a break lasts 35 s). Handed to the
 * real LiveRegistry and AdBreaks through an ApiProvider look-alike.
 */
import { ApiError, ServerError, type AdBreakLaunch, type VideoState } from "../../../src/dailymotion/index.ts";
import type { ApiProvider } from "../../../src/live/api-provider.ts";

export class FakeLive {
	readonly id = "x1live";
	onair = false;
	airingTime: number | null = null;
	endTime: number | null = null;
	enabled = true;
	/** Launch times (ms) accepted. */
	launches: number[] = [];
	/** Every launch request, accepted or not (ms). */
	attempts: number[] = [];
	reads = 0;
	/** Errors the next launches throw, in order (a 5xx by default). */
	failures: unknown[] = [];
	/** Whether the API reports the end time (the contract is unsure it always does). */
	reportsEndTime = true;

	goOnAir(): void {
		this.onair = true;
		this.airingTime = Math.floor(Date.now() / 1000);
	}

	remaining(): number {
		return 24 - this.launches.filter((at) => at > Date.now() - 3_600_000).length;
	}

	video(): VideoState {
		return {
			id: this.id,
			title: "Show",
			channel: "videogames",
			private: false,
			mode: "live",
			onair: this.onair,
			audience: this.onair ? 10 : null,
			publishUrl: null,
			liveAiringTime: this.airingTime,
			adBreaksEnabled: this.enabled,
			adBreakEndTime: this.reportsEndTime ? this.endTime : null,
			adBreakRemaining: this.remaining(),
			recordStatus: null,
		};
	}

	launch(): AdBreakLaunch {
		const now = Date.now();
		this.attempts.push(now);
		const failure = this.failures.shift();
		if (failure) throw failure;
		if (!this.onair) throw new ApiError("not on air", { status: 400, type: "invalid_parameter" });
		if (!this.enabled) throw new ApiError("ad breaks are disabled", { status: 403, type: "access_forbidden" });
		if (this.endTime && now < this.endTime * 1000) throw new ApiError("an ad break is already running", { status: 400 });
		if (this.remaining() <= 0) throw new ApiError("hourly quota reached", { status: 400 });
		this.launches.push(now);
		this.endTime = Math.floor(now / 1000) + 35;
		return { endTime: this.reportsEndTime ? this.endTime : null, remaining: this.remaining() };
	}

	/** A 5xx for the next `count` launches. */
	failNext(count: number): void {
		for (let i = 0; i < count; i++) this.failures.push(new ServerError("Dailymotion is unavailable", { status: 503 }));
	}
}

/** The ApiProvider surface LiveRegistry and AdBreaks use, answering from `live`. */
export function fakeApi(live: FakeLive): ApiProvider {
	const client = {
		getVideo: async (id: string) => {
			live.reads++;
			if (id !== live.id) throw new Error(`unknown live ${id}`);
			return live.video();
		},
		launchAdBreak: async () => live.launch(),
	};
	return { client: () => client, onConfigChange: () => () => undefined } as unknown as ApiProvider;
}
