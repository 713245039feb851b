/**
 * The ad-break scheduler on a fake clock, wired as the plugin wires it (real LiveRegistry polling every 10 s, real
 * AdBreaks), against an in-memory live that follows the contract's ad-break rules.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AD_BREAK_MS } from "../../../src/live/ad-break-clock.ts";
import { AdBreaks } from "../../../src/live/ad-breaks.ts";
import { AdScheduler, RETRY_DELAY_MS, type AdScheduleEvent } from "../../../src/live/ad-scheduler.ts";
import { FIRST_READ_DELAY_MS, LiveRegistry } from "../../../src/live/live-registry.ts";
import type { AdSchedulePhase } from "../../../src/live/ad-schedule.ts";
import { silentLogger } from "../../../src/log.ts";
import type { AdScheduleConfig } from "../../../src/settings/ad-schedule.ts";
import { fakeApi, FakeLive } from "./fake-live-api.ts";

const MIN = 60_000;
const T0 = 1_800_000_000_000;
const config: AdScheduleConfig = { everyMs: 15 * MIN, firstAfterMs: 10 * MIN, warnMs: 60_000 };

let live: FakeLive;
let plugins: { lives: LiveRegistry; scheduler: AdScheduler; adBreaks: AdBreaks }[];

/** One plugin instance (a restart builds a new one on the same live, with fresh memory). */
function startPlugin(cfg: AdScheduleConfig | null = config) {
	const api = fakeApi(live);
	const lives = new LiveRegistry({ api, logger: silentLogger });
	const adBreaks = new AdBreaks({ api, lives, logger: silentLogger });
	const scheduler = new AdScheduler({ adBreaks, lives, logger: silentLogger });
	scheduler.configure(cfg);
	const plugin = { lives, scheduler, adBreaks };
	plugins.push(plugin);
	return plugin;
}

/** The live goes on air now; a plugin starts and a key shows the schedule. */
function onAirWithKey() {
	live.goOnAir();
	const plugin = startPlugin();
	plugin.scheduler.watch(live.id, () => undefined);
	return plugin;
}

function stopPlugin(plugin: (typeof plugins)[number]): void {
	plugin.scheduler.dispose();
	plugin.lives.dispose();
}

const at = (ms: number) => vi.advanceTimersByTimeAsync(T0 + ms - Date.now());
/** Launch times relative to T0, in seconds. */
const launchTimes = () => live.launches.map((t) => (t - T0) / 1000);

beforeEach(() => {
	vi.useFakeTimers({ now: T0 });
	live = new FakeLive();
	plugins = [];
});

afterEach(() => {
	for (const plugin of plugins) stopPlugin(plugin);
	vi.useRealTimers();
});

describe("automatic ad breaks: the schedule", () => {
	it("launches exactly one break per interval while on air", async () => {
		onAirWithKey();
		await at(9 * MIN);
		expect(live.attempts).toEqual([]);
		await at(61 * MIN);
		expect(launchTimes()).toEqual([600, 1500, 2400, 3300]);
		expect(live.attempts).toHaveLength(4);
	});

	it("launches nothing off air, and starts counting when the live goes on air", async () => {
		const { scheduler } = startPlugin();
		scheduler.watch(live.id, () => undefined);
		await at(60 * MIN);
		expect(live.attempts).toEqual([]);
		expect(scheduler.phase(live.id)).toEqual({ kind: "off-air" });
		live.goOnAir();
		await at(69 * MIN);
		expect(live.attempts).toEqual([]);
		await at(71 * MIN);
		expect(launchTimes()).toEqual([70 * 60]);
	});

	it("stops when the live goes off air mid-show, even between two reads", async () => {
		const { scheduler } = onAirWithKey();
		await at(10 * MIN - 5_000);
		live.onair = false; // the stream ended 5 s before the break; the poller has not seen it yet
		await at(30 * MIN);
		expect(live.attempts).toEqual([]);
		expect(scheduler.phase(live.id).kind).toBe("off-air");
	});

	it("warns in the warning window, before launching", async () => {
		live.goOnAir();
		const { scheduler } = startPlugin();
		const seen: AdSchedulePhase["kind"][] = [];
		scheduler.watch(live.id, (phase) => seen.push(phase.kind));
		await at(9 * MIN + 30_000);
		expect(scheduler.phase(live.id)).toEqual({ kind: "warning", nextAt: T0 + 10 * MIN, remainingMs: 30_000 });
		await at(10 * MIN + 1_000);
		expect(seen).toEqual(["waiting", "warning", "due", "blocked"]);
	});

	it("is blocked while the break runs and waits for the next one after it", async () => {
		const { scheduler } = onAirWithKey();
		await at(10 * MIN + 10_000);
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "blocked", nextAt: T0 + 25 * MIN, adBreak: { kind: "running", remainingMs: 25_000 } });
		await at(10 * MIN + AD_BREAK_MS);
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "waiting", nextAt: T0 + 25 * MIN });
	});

	it("runs one schedule for several watching keys: they agree, one launch, one poller", async () => {
		live.goOnAir();
		const { scheduler } = startPlugin();
		const a: AdSchedulePhase[] = [];
		const b: AdSchedulePhase[] = [];
		const stopA = scheduler.watch(live.id, (p) => a.push(p));
		scheduler.watch(live.id, (p) => b.push(p));
		await at(5 * MIN + FIRST_READ_DELAY_MS);
		const readsWithTwo = live.reads;
		expect(readsWithTwo).toBe(31); // the first read, then one per 10 s
		await at(11 * MIN);
		expect(a).toEqual(b);
		expect(launchTimes()).toEqual([600]);
		stopA(); // one key goes away: the schedule goes on for the other
		await at(26 * MIN);
		expect(launchTimes()).toEqual([600, 1500]);
	});

	it("stops when the last key showing it goes away", async () => {
		live.goOnAir();
		const { scheduler } = startPlugin();
		const stop = scheduler.watch(live.id, () => undefined);
		await at(MIN);
		stop();
		const reads = live.reads;
		await at(30 * MIN);
		expect(live.attempts).toEqual([]);
		expect(live.reads).toBe(reads);
	});

	it("launches nothing while switched off, and arms with a warning when switched on mid-show", async () => {
		live.goOnAir();
		const { scheduler } = startPlugin(null);
		scheduler.watch(live.id, () => undefined);
		await at(30 * MIN);
		expect(scheduler.phase(live.id)).toEqual({ kind: "off" });
		scheduler.configure(config); // 20 min overdue: it warns first
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "warning", nextAt: T0 + 31 * MIN });
		await at(30 * MIN + 59_000);
		expect(live.attempts).toEqual([]);
		await at(31 * MIN + 1);
		expect(launchTimes()).toEqual([31 * 60]);
	});
});

describe("automatic ad breaks: restart, quota, snooze, manual launch", () => {
	it("keeps the next time across a plugin restart: it is anchored on the live, not on the plugin", async () => {
		live.goOnAir();
		const first = startPlugin();
		first.scheduler.watch(live.id, () => undefined);
		await at(11 * MIN);
		expect(launchTimes()).toEqual([600]);
		stopPlugin(first);
		await at(20 * MIN); // the plugin was down 9 minutes
		const second = startPlugin();
		second.scheduler.watch(live.id, () => undefined);
		await at(20 * MIN + 100);
		expect(second.scheduler.phase(live.id)).toMatchObject({ kind: "waiting", nextAt: T0 + 25 * MIN });
		await at(26 * MIN);
		expect(launchTimes()).toEqual([600, 1500]);
	});

	it("after a restart past the due time, warns first and launches one break, not a burst", async () => {
		live.goOnAir();
		await at(40 * MIN); // no plugin while the first break was due
		const { scheduler } = startPlugin();
		scheduler.watch(live.id, () => undefined);
		await at(40 * MIN + 100);
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "warning", nextAt: T0 + 41 * MIN });
		await at(50 * MIN);
		expect(launchTimes()).toEqual([41 * 60]);
	});

	it("stops at quota 0 and shows it, then goes on when the quota is back", async () => {
		live.goOnAir();
		live.launches = Array.from({ length: 24 }, (_, i) => T0 - 45 * MIN + i * 1000); // the hour's 24 breaks, elsewhere
		const { scheduler } = startPlugin();
		scheduler.watch(live.id, () => undefined);
		await at(9 * MIN);
		expect(scheduler.phase(live.id)).toEqual({ kind: "quota" });
		await at(10 * MIN + 5_000);
		expect(live.attempts).toEqual([]);
		expect(scheduler.phase(live.id)).toEqual({ kind: "quota" });
		await at(14 * MIN + 50_000);
		expect(live.attempts).toEqual([]);
		await at(15 * MIN + 30_000); // the oldest break left the rolling hour at 15:00; the next read sees 1 left
		expect(live.attempts).toHaveLength(1);
		expect(live.attempts[0]! - T0).toBeGreaterThanOrEqual(15 * MIN);
	});

	it("moves the next break 5 minutes later on snooze, and snoozes add up", async () => {
		const { scheduler } = onAirWithKey();
		await at(9 * MIN + 30_000);
		expect(scheduler.snooze(live.id)).toMatchObject({ kind: "waiting", nextAt: T0 + 15 * MIN });
		await at(14 * MIN + 30_000);
		expect(live.attempts).toEqual([]);
		expect(scheduler.snooze(live.id)).toMatchObject({ kind: "waiting", nextAt: T0 + 20 * MIN });
		await at(21 * MIN);
		expect(launchTimes()).toEqual([20 * 60]);
		expect(scheduler.phase(live.id)).toMatchObject({ nextAt: T0 + 35 * MIN });
	});

	it("does not snooze a break that is running", async () => {
		const { scheduler } = onAirWithKey();
		await at(10 * MIN + 5_000);
		expect(scheduler.snooze(live.id)).toMatchObject({ kind: "blocked", nextAt: T0 + 25 * MIN });
		expect(scheduler.phase(live.id)).toMatchObject({ nextAt: T0 + 25 * MIN });
	});

	it("restarts the interval from a manual launch", async () => {
		const { scheduler } = onAirWithKey();
		await at(4 * MIN);
		expect((await scheduler.launchNow(live.id)).kind).toBe("launched");
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "blocked", nextAt: T0 + 19 * MIN });
		await at(20 * MIN);
		expect(launchTimes()).toEqual([4 * 60, 19 * 60]);
	});

	it("follows a break launched by another key through AdBreaks, even without an end time from the API", async () => {
		live.goOnAir();
		live.reportsEndTime = false;
		const { scheduler, adBreaks } = startPlugin();
		scheduler.watch(live.id, () => undefined);
		await at(9 * MIN + 30_000); // in the warning window
		await adBreaks.launch(live.id, 35_000);
		await at(12 * MIN); // long after the break and its cooldown: the API still says nothing
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "waiting", nextAt: T0 + 24 * MIN + 30_000 });
		expect(live.attempts).toHaveLength(1);
	});
});

describe("automatic ad breaks: a failed launch", () => {
	function recordEvents(scheduler: AdScheduler): AdScheduleEvent[] {
		const events: AdScheduleEvent[] = [];
		scheduler.onEvent((event) => events.push(event));
		return events;
	}

	it("is retried once, then skipped and reported; the schedule goes on with the next break", async () => {
		live.goOnAir();
		live.failNext(2);
		const { scheduler } = startPlugin();
		const events = recordEvents(scheduler);
		scheduler.watch(live.id, () => undefined);
		await at(10 * MIN + 1_000);
		expect(live.attempts).toHaveLength(1);
		expect(events.map((e) => e.kind)).toEqual(["retrying"]);
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "due", retryAt: T0 + 10 * MIN + RETRY_DELAY_MS });
		await at(10 * MIN + RETRY_DELAY_MS + 1_000);
		expect(live.attempts).toHaveLength(2);
		expect(events.map((e) => e.kind)).toEqual(["retrying", "failed"]);
		expect(events[1]).toMatchObject({ kind: "failed", nextAt: T0 + 25 * MIN });
		expect(scheduler.phase(live.id)).toMatchObject({ kind: "failed", nextAt: T0 + 25 * MIN });
		await at(24 * MIN);
		expect(live.attempts).toHaveLength(2); // never a loop
		expect(scheduler.phase(live.id).kind).toBe("warning");
		await at(25 * MIN + 1_000);
		expect(launchTimes()).toEqual([25 * 60]);
		expect(events.map((e) => e.kind)).toEqual(["retrying", "failed", "launched"]);
	});

	it("launches on the retry when the first attempt failed", async () => {
		live.goOnAir();
		live.failNext(1);
		const { scheduler } = startPlugin();
		const events = recordEvents(scheduler);
		scheduler.watch(live.id, () => undefined);
		await at(11 * MIN);
		expect(live.attempts).toHaveLength(2);
		expect(launchTimes()).toEqual([600 + RETRY_DELAY_MS / 1000]);
		expect(events.map((e) => e.kind)).toEqual(["retrying", "launched"]);
	});

	it("does not retry a refusal that shows why (ads switched off elsewhere)", async () => {
		live.goOnAir();
		const { scheduler } = startPlugin();
		const events = recordEvents(scheduler);
		scheduler.watch(live.id, () => undefined);
		await at(9 * MIN + 55_000);
		live.enabled = false;
		await at(12 * MIN);
		expect(live.attempts).toEqual([]); // the fresh read before launching saw it
		expect(events).toEqual([]);
		expect(scheduler.phase(live.id)).toEqual({ kind: "disabled" });
	});
});
