/** The sandbox's lives: mutable state inside, snapshot copies outside. */
import { newXid, randomSecret } from "./credentials.ts";
import type { LiveRecord } from "./types.ts";

/** Internal mutable state of one live. */
export interface LiveState {
	seq: number;
	id: string;
	title: string;
	channel: string;
	published: boolean;
	private: boolean;
	isCreatedForKids: boolean;
	description: string;
	tags: string[];
	ownerId: string;
	createdTime: number;
	onair: boolean;
	/** When the current on-air session started (ms), for the simulated audience. */
	airingSinceMs: number | null;
	liveAiringTime: number | null;
	/** Audience accumulated by finished on-air sessions. */
	audienceTotalBefore: number;
	adBreaksEnabled: boolean;
	adBreakEndTime: number | null;
	adBreakLaunches: number[];
	publishToken: string;
	/** `live_auto_record`: recording starts whenever the live goes on air. */
	autoRecord: boolean;
	/** Where the recording is heading and since when (ms): the status passes through starting/stopping first. */
	recording: { target: "started" | "stopped"; since: number };
}

/** What `record_status` a request may set (the guide's two values). */
export type RecordTarget = LiveState["recording"]["target"];

/** Fields a create call sets. */
export type NewLive = Pick<
	LiveState,
	"title" | "channel" | "published" | "private" | "isCreatedForKids" | "description" | "tags" | "ownerId"
> &
	Partial<Pick<LiveState, "autoRecord">>;

/** How long a recording takes to start or stop (`starting` → `started`, `stopping` → `stopped`), by default. */
export const RECORD_TRANSITION_MS = 2_000;

/** Unix seconds from a ms clock. */
export function seconds(ms: number): number {
	return Math.floor(ms / 1000);
}

/** Store of lives; `now` is the sandbox clock (ms). */
export class LiveStore {
	readonly #now: () => number;
	readonly #ingestUrl: string;
	readonly #recordTransitionMs: number;
	readonly #lives = new Map<string, LiveState>();
	#seq = 0;

	constructor(now: () => number, ingestUrl: string, recordTransitionMs = RECORD_TRANSITION_MS) {
		this.#now = now;
		this.#ingestUrl = ingestUrl.replace(/\/+$/, "");
		this.#recordTransitionMs = recordTransitionMs;
	}

	create(fields: NewLive): LiveState {
		let id = newXid();
		while (this.#lives.has(id)) id = newXid();
		const state: LiveState = {
			...fields,
			seq: this.#seq++,
			id,
			createdTime: seconds(this.#now()),
			onair: false,
			airingSinceMs: null,
			liveAiringTime: null,
			audienceTotalBefore: 0,
			adBreaksEnabled: true,
			adBreakEndTime: null,
			adBreakLaunches: [],
			publishToken: randomSecret(16),
			autoRecord: fields.autoRecord ?? false,
			recording: { target: "stopped", since: -Infinity },
		};
		this.#lives.set(id, state);
		return state;
	}

	get(id: string): LiveState | undefined {
		return this.#lives.get(id);
	}

	delete(id: string): void {
		this.#lives.delete(id);
	}

	/** All lives in creation order. */
	all(): LiveState[] {
		return [...this.#lives.values()];
	}

	/** `rtmp://…/<app>/<id>?auth=<token>` (§8.12). */
	publishUrl(state: LiveState): string {
		return `${this.#ingestUrl}/${state.id}?auth=${state.publishToken}`;
	}

	/**
	 * Flips on-air; `live_airing_time` is set only on an off → on transition. Going on air starts the recording of an
	 * auto-recorded live; going off air stops any recording (there is nothing left to record).
	 */
	setOnAir(state: LiveState, onair: boolean): void {
		if (onair === state.onair) return;
		const now = this.#now();
		if (onair) {
			state.airingSinceMs = now;
			state.liveAiringTime = seconds(now);
		} else {
			state.audienceTotalBefore += this.audience(state) ?? 0;
			state.airingSinceMs = null;
		}
		state.onair = onair;
		if (onair && state.autoRecord) this.setRecording(state, "started");
		if (!onair) this.setRecording(state, "stopped");
	}

	/** `record_status` now: `starting`/`stopping` for a short while after a change, then `started`/`stopped`. */
	recordStatus(state: LiveState): "starting" | "started" | "stopping" | "stopped" {
		const settled = this.#now() - state.recording.since >= this.#recordTransitionMs;
		if (state.recording.target === "started") return settled ? "started" : "starting";
		return settled ? "stopped" : "stopping";
	}

	/** Heads the recording to `target`; asking for where it already goes changes nothing. */
	setRecording(state: LiveState, target: RecordTarget): void {
		if (state.recording.target === target) return;
		state.recording = { target, since: this.#now() };
	}

	/**
	 * Uses up the rolling hour's ad-break quota down to `remaining`, as if breaks had run in the last hour (launched
	 * long enough ago that none is running); the quota comes back as those launches age past an hour (§8.8).
	 */
	useAdBreakQuota(state: LiveState, remaining: number): void {
		const now = seconds(this.#now());
		while (this.adBreakRemaining(state) > Math.max(0, remaining)) state.adBreakLaunches.push(now - 600);
		state.adBreakLaunches.sort((a, b) => a - b);
	}

	/** Simulated viewers: grows slowly with time on air, stable within a second; null off air. */
	audience(state: LiveState): number | null {
		if (!state.onair || state.airingSinceMs === null) return null;
		const secondsOnAir = Math.max(0, seconds(this.#now() - state.airingSinceMs));
		return 3 + Math.floor(secondsOnAir / 10);
	}

	audienceTotal(state: LiveState): number {
		return state.audienceTotalBefore + (this.audience(state) ?? 0);
	}

	/** Ad breaks left in the rolling hour (24 per 3600 s, §8.8). */
	adBreakRemaining(state: LiveState): number {
		const from = seconds(this.#now()) - 3600;
		return 24 - state.adBreakLaunches.filter((t) => t > from).length;
	}

	snapshot(state: LiveState): LiveRecord {
		return {
			id: state.id,
			title: state.title,
			channel: state.channel,
			mode: "live",
			published: state.published,
			private: state.private,
			isCreatedForKids: state.isCreatedForKids,
			ownerId: state.ownerId,
			createdTime: state.createdTime,
			onair: state.onair,
			audience: this.audience(state),
			liveAiringTime: state.liveAiringTime,
			adBreaksEnabled: state.adBreaksEnabled,
			adBreakEndTime: state.adBreakEndTime,
			adBreakLaunches: [...state.adBreakLaunches],
			publishToken: state.publishToken,
			publishUrl: this.publishUrl(state),
			autoRecord: state.autoRecord,
			recordStatus: this.recordStatus(state),
		};
	}
}
