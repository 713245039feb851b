import type { Logger } from "../log.js";
import { redact } from "../secrets.js";
import type { AdScheduleConfig } from "../settings/ad-schedule.js";
import { DEFAULT_COOLDOWN_S } from "./ad-break-clock.js";
import type { AdBreaks, LaunchResult } from "./ad-breaks.js";
import {
	adSchedulePhase,
	adScheduleSlot,
	freshMemory,
	nextChangeAt,
	SNOOZE_MS,
	type AdScheduleMemory,
	type AdSchedulePhase,
} from "./ad-schedule.js";
import type { LiveRegistry } from "./live-registry.js";

/** A failed automatic launch is tried once more after this; a second failure skips that break. */
export const RETRY_DELAY_MS = 5_000;
/** An automatic launch first re-reads a live read longer ago than this: never launch on a stale "on air". */
export const FRESH_READ_MS = 3_000;
/** Timers re-check at least this often, so a wall-clock jump (sleep, clock sync) cannot hold a break back for long. */
const MAX_TIMER_MS = 60_000;

export interface AdSchedulerDeps {
	adBreaks: AdBreaks;
	lives: LiveRegistry;
	logger: Logger;
	now?: () => number;
	/** The minimum interval the schedule respects, like a key's cooldown; default 35 s (the break itself). */
	cooldownMs?: number;
	retryDelayMs?: number;
	/** How much later a snooze moves the next break; default {@link SNOOZE_MS} (a test may compress time). */
	snoozeMs?: number;
}

/** What an automatic launch did, for keys to alert on (`failed`: it gave up on that break after one retry). */
export type AdScheduleEvent =
	| { kind: "launched"; liveId: string; remaining: number | null }
	| { kind: "retrying"; liveId: string; error: unknown; retryAt: number }
	| { kind: "failed"; liveId: string; error: unknown; nextAt: number | null };

type PhaseListener = (phase: AdSchedulePhase) => void;

/** One running schedule: a live that at least one watcher shows. */
interface Schedule {
	liveId: string;
	listeners: Set<PhaseListener>;
	unwatchLive: () => void;
	timer: ReturnType<typeof setTimeout> | undefined;
	last: AdSchedulePhase | undefined;
	launching: boolean;
}

/**
 * Runs the automatic ad-break schedule: one schedule per live, however many keys show it (each key calls `watch`),
 * launching through {@link AdBreaks.launch} when a break is due. Every decision is taken from deadlines (the live's
 * `live_airing_time` and last break end, see `adSchedulePhase`), re-evaluated when the live is read and at the next
 * deadline, so it survives a restart and all keys agree. A failed launch is retried once, then that break is
 * skipped and reported; the schedule goes on with the next one.
 */
export class AdScheduler {
	#deps: AdSchedulerDeps;
	#now: () => number;
	#cooldownMs: number;
	#retryDelayMs: number;
	#snoozeMs: number;
	#config: AdScheduleConfig | null = null;
	#notBefore = 0;
	#schedules = new Map<string, Schedule>();
	/** Kept when no key shows the live (a page switch), so its snooze and last break survive. */
	#memory = new Map<string, AdScheduleMemory>();
	#eventListeners = new Set<(event: AdScheduleEvent) => void>();

	constructor(deps: AdSchedulerDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
		this.#cooldownMs = deps.cooldownMs ?? DEFAULT_COOLDOWN_S * 1000;
		this.#retryDelayMs = deps.retryDelayMs ?? RETRY_DELAY_MS;
		this.#snoozeMs = deps.snoozeMs ?? SNOOZE_MS;
	}

	get config(): AdScheduleConfig | null {
		return this.#config;
	}

	/**
	 * Sets the schedule (null = off). A changed schedule is armed now: no automatic break comes before its warning
	 * window has run once, so switching it on mid-show (or a restart) never fires a break without a warning.
	 */
	configure(config: AdScheduleConfig | null): void {
		if (JSON.stringify(config) === JSON.stringify(this.#config)) return;
		this.#config = config;
		this.#notBefore = this.#now() + (config?.warnMs ?? 0);
		for (const memory of this.#memory.values()) memory.notBefore = this.#notBefore;
		for (const schedule of this.#schedules.values()) this.#evaluate(schedule);
	}

	/** The phase of a live's schedule now (computed from deadlines: call it on every redraw). */
	phase(liveId: string): AdSchedulePhase {
		if (!liveId) return this.#config ? { kind: "no-live" } : { kind: "off" };
		const adBreak = this.#deps.adBreaks.phase(liveId, this.#cooldownMs);
		const { video } = this.#deps.lives.store(liveId).snapshot;
		return adSchedulePhase(this.#config, video, adBreak, this.#memoryOf(liveId), this.#now());
	}

	/**
	 * Shows a live's schedule: the schedule runs (and the live is polled) while at least one watcher remains.
	 * `listener` gets the phase whenever it changes kind or deadline (not every second). Returns the unwatch function.
	 */
	watch(liveId: string, listener: PhaseListener): () => void {
		if (!liveId) return () => undefined;
		let schedule = this.#schedules.get(liveId);
		if (!schedule) {
			const created: Schedule = { liveId, listeners: new Set(), unwatchLive: () => undefined, timer: undefined, last: undefined, launching: false };
			this.#schedules.set(liveId, created);
			created.unwatchLive = this.#deps.lives.watch(liveId, () => this.#evaluate(created));
			this.#evaluate(created);
			schedule = created;
		}
		const entry: PhaseListener = (phase) => listener(phase);
		schedule.listeners.add(entry);
		const watched = schedule;
		return () => {
			if (!watched.listeners.delete(entry) || watched.listeners.size > 0) return;
			this.#stop(watched);
		};
	}

	/** Calls `listener` after each automatic launch attempt; returns the remover. */
	onEvent(listener: (event: AdScheduleEvent) => void): () => void {
		const entry = (event: AdScheduleEvent): void => listener(event);
		this.#eventListeners.add(entry);
		return () => this.#eventListeners.delete(entry);
	}

	/**
	 * Moves the next break {@link SNOOZE_MS} later (the `snoozeMs` dep), from now if it is already due; snoozes add
	 * up. Only while a break is ahead (waiting, warning, due and not yet launching, failed); otherwise nothing
	 * changes. Returns the new phase.
	 */
	snooze(liveId: string): AdSchedulePhase {
		const phase = this.phase(liveId);
		const schedule = this.#schedules.get(liveId);
		const snoozable = phase.kind === "waiting" || phase.kind === "warning" || phase.kind === "due" || phase.kind === "failed";
		if (!snoozable || !this.#config || schedule?.launching || this.#deps.adBreaks.isLaunching(liveId)) return phase;
		const now = this.#now();
		const slot = this.#slot(liveId);
		if (!slot) return phase;
		const memory = this.#memoryOf(liveId);
		memory.snooze = { base: slot.base, until: Math.max(slot.next, now) + this.#snoozeMs };
		memory.retry = undefined;
		memory.skip = undefined;
		this.#deps.logger.info(`Automatic ad break on live ${liveId} snoozed by ${Math.round(this.#snoozeMs / 1000)} s`);
		if (schedule) this.#evaluate(schedule);
		return this.phase(liveId);
	}

	/**
	 * Launches a break now by hand (a press in the warning window): the interval restarts from it. Same answers as
	 * {@link AdBreaks.launch}, which it calls; rejects when the launch fails.
	 */
	async launchNow(liveId: string): Promise<LaunchResult> {
		try {
			const result = await this.#deps.adBreaks.launch(liveId, this.#cooldownMs);
			if (result.kind === "launched") this.#forgetFailures(liveId);
			return result;
		} finally {
			const schedule = this.#schedules.get(liveId);
			if (schedule) this.#evaluate(schedule);
		}
	}

	/** Stops every schedule (plugin shutdown). */
	dispose(): void {
		for (const schedule of [...this.#schedules.values()]) this.#stop(schedule);
		this.#eventListeners.clear();
	}

	#evaluate(schedule: Schedule): void {
		if (this.#schedules.get(schedule.liveId) !== schedule) return;
		clearTimeout(schedule.timer);
		schedule.timer = undefined;
		this.#observe(schedule.liveId);
		const phase = this.phase(schedule.liveId);
		if (phase.kind === "due" && phase.retryAt === null && !schedule.launching && !this.#deps.adBreaks.isLaunching(schedule.liveId)) {
			this.#launch(schedule, phase.nextAt).catch((error: unknown) => this.#deps.logger.error("Automatic ad break crashed", error));
		}
		const at = this.#config ? nextChangeAt(phase, this.#config.warnMs) : null;
		if (at !== null) {
			const delay = Math.min(Math.max(at - this.#now(), 0), MAX_TIMER_MS);
			schedule.timer = setTimeout(() => this.#evaluate(schedule), delay);
		}
		if (schedule.last && samePhase(schedule.last, phase)) return;
		schedule.last = phase;
		for (const listener of [...schedule.listeners]) this.#safely(() => listener(phase));
	}

	/** Notes what later evaluations need although the API may not say it again: a break's end, the on-air start. */
	#observe(liveId: string): void {
		const memory = this.#memoryOf(liveId);
		const adBreak = this.#deps.adBreaks.phase(liveId, this.#cooldownMs);
		if (adBreak.kind === "running") memory.lastBreakEndAt = Math.max(memory.lastBreakEndAt, adBreak.endsAt);
		const video = this.#deps.lives.store(liveId).snapshot.video;
		if (!video?.onair) memory.onAirSeenAt = null;
		else if (!video.liveAiringTime) memory.onAirSeenAt ??= this.#now();
	}

	async #launch(schedule: Schedule, slot: number): Promise<void> {
		const { liveId } = schedule;
		schedule.launching = true;
		try {
			// A press may have launched one meanwhile: its break moves the schedule.
			if (!(await this.#stillDue(liveId, slot)) || this.#deps.adBreaks.isLaunching(liveId)) return;
			this.#deps.logger.info(`Automatic ad break due on live ${liveId}: launching`);
			const result = await this.#deps.adBreaks.launch(liveId, this.#cooldownMs);
			if (result.kind === "launched") {
				this.#forgetFailures(liveId);
				this.#emit({ kind: "launched", liveId, remaining: this.#deps.lives.store(liveId).snapshot.video?.adBreakRemaining ?? null });
				return;
			}
			this.#deps.logger.info(`Automatic ad break on live ${liveId} not sent: ${result.phase.kind}`);
			// A refusal normally comes with a phase that is not due (off air, quota…); if it still is, it counts as a
			// failed attempt, so the schedule can never loop on it.
			if (!this.#deps.adBreaks.isLaunching(liveId) && this.#dueAt(liveId, slot)) this.#failed(liveId, slot, new Error(`Ad break refused (${result.phase.kind})`));
		} catch (error) {
			this.#failed(liveId, slot, error);
		} finally {
			schedule.launching = false;
			this.#evaluate(schedule);
		}
	}

	/** Re-reads a live read too long ago, then checks the break is still due for the same slot. */
	async #stillDue(liveId: string, slot: number): Promise<boolean> {
		const { fetchedAt } = this.#deps.lives.store(liveId).snapshot;
		if (fetchedAt === null || this.#now() - fetchedAt > FRESH_READ_MS) await this.#deps.lives.refresh(liveId);
		return this.#dueAt(liveId, slot);
	}

	#dueAt(liveId: string, slot: number): boolean {
		const phase = this.phase(liveId);
		return phase.kind === "due" && phase.nextAt === slot;
	}

	/** First failure of a break: one retry later. Second: that break is skipped and reported. */
	#failed(liveId: string, slot: number, error: unknown): void {
		const memory = this.#memoryOf(liveId);
		const text = redact(String(error));
		if (memory.retry?.slot !== slot) {
			const retryAt = this.#now() + this.#retryDelayMs;
			memory.retry = { slot, at: retryAt, error };
			this.#deps.logger.warn(`Automatic ad break on live ${liveId} failed (${text}); trying once more`);
			this.#emit({ kind: "retrying", liveId, error, retryAt });
			return;
		}
		memory.retry = undefined;
		const current = this.#slot(liveId);
		if (current) {
			const slots = memory.skip?.base === current.effective ? memory.skip.slots + 1 : 1;
			memory.skip = { base: current.effective, slots, error };
		}
		const next = this.#slot(liveId)?.next ?? null;
		this.#deps.logger.warn(`Automatic ad break on live ${liveId} failed again (${text}); skipping it`);
		this.#emit({ kind: "failed", liveId, error, nextAt: next });
	}

	#forgetFailures(liveId: string): void {
		const memory = this.#memoryOf(liveId);
		memory.retry = undefined;
		memory.skip = undefined;
	}

	#slot(liveId: string) {
		const video = this.#deps.lives.store(liveId).snapshot.video;
		if (!this.#config || !video) return null;
		const adBreak = this.#deps.adBreaks.phase(liveId, this.#cooldownMs);
		return adScheduleSlot(this.#config, video, adBreak, this.#memoryOf(liveId), this.#now());
	}

	#memoryOf(liveId: string): AdScheduleMemory {
		let memory = this.#memory.get(liveId);
		if (!memory) {
			memory = { ...freshMemory(), notBefore: this.#notBefore };
			this.#memory.set(liveId, memory);
		}
		return memory;
	}

	#emit(event: AdScheduleEvent): void {
		for (const listener of [...this.#eventListeners]) this.#safely(() => listener(event));
	}

	/** A throwing listener (a key's redraw) must not stop the schedule or the other keys. */
	#safely(call: () => void): void {
		try {
			call();
		} catch (error) {
			this.#deps.logger.error("Ad schedule listener failed", error);
		}
	}

	#stop(schedule: Schedule): void {
		clearTimeout(schedule.timer);
		schedule.timer = undefined;
		schedule.unwatchLive();
		schedule.listeners.clear();
		this.#schedules.delete(schedule.liveId);
	}
}

/** Equal for display purposes: same kind and deadlines (remaining times change every instant). */
function samePhase(a: AdSchedulePhase, b: AdSchedulePhase): boolean {
	if (a.kind !== b.kind) return false;
	const deadline = (p: AdSchedulePhase) => ("nextAt" in p ? p.nextAt : null);
	const retry = (p: AdSchedulePhase) => (p.kind === "due" ? p.retryAt : null);
	const breakEnd = (p: AdSchedulePhase) => (p.kind === "blocked" ? p.adBreak.endsAt : null);
	return deadline(a) === deadline(b) && retry(a) === retry(b) && breakEnd(a) === breakEnd(b);
}
