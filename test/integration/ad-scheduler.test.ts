/**
 * The automatic ad-break scheduler with the real client against the Dailymotion sandbox (contract §8.8: its
 * `live_airing_time`, `live_ad_break_end_time` and quota are what the schedule is anchored on). Sandbox and plugin
 * share an injected clock; each step moves it and reads the live, as the poller would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdBreaks } from "../../src/live/ad-breaks.ts";
import { AdScheduler, type AdScheduleEvent } from "../../src/live/ad-scheduler.ts";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveRegistry } from "../../src/live/live-registry.ts";
import { silentLogger } from "../../src/log.ts";
import type { AdScheduleConfig } from "../../src/settings/ad-schedule.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";
import { sandboxAccountSettings } from "../harness/stack.ts";

const MIN = 60_000;
const config: AdScheduleConfig = { everyMs: 15 * MIN, firstAfterMs: 10 * MIN, warnMs: 30_000 };

let sandbox: Sandbox;
let clock: number;
let onAirAt: number;
let liveId: string;
let plugin: ReturnType<typeof startPlugin>;

/** The services as the plugin wires them, on the sandbox (a second call is a plugin restart). */
function startPlugin() {
	const api = sandboxApi();
	// The poller's own timers never fire within a test: each step reads the live itself.
	const lives = new LiveRegistry({ api, logger: silentLogger, now: () => clock, intervalMs: 3_600_000 });
	const adBreaks = new AdBreaks({ api, lives, logger: silentLogger, now: () => clock });
	const scheduler = new AdScheduler({ adBreaks, lives, logger: silentLogger, now: () => clock, retryDelayMs: 100 });
	scheduler.configure(config);
	const events: AdScheduleEvent[] = [];
	scheduler.onEvent((event) => events.push(event));
	const stop = scheduler.watch(liveId, () => undefined);
	return {
		api,
		lives,
		scheduler,
		events,
		dispose() {
			stop();
			scheduler.dispose();
			lives.dispose();
		},
	};
}

/** The client provider for the sandbox's partner account, on the shared clock. */
function sandboxApi(): ApiProvider {
	const settings = new GlobalSettingsStore(async () => undefined);
	settings.receive(sandboxAccountSettings(sandbox, "partner"));
	return new ApiProvider(settings, { now: () => clock });
}

const launches = () => (sandbox.live(liveId)?.adBreakLaunches ?? []).map((s) => (s * 1000 - onAirAt) / MIN);
const launchPosts = () => sandbox.requests.filter((r) => r.method === "POST" && r.form.live_ad_break_launch === "1").length;

/** Moves the shared clock to `minutes` after the live went on air, then reads the live (a poll). */
async function atMinute(minutes: number): Promise<void> {
	clock = onAirAt + minutes * MIN;
	await plugin.lives.refresh(liveId);
}

/** Lets an automatic launch the last read triggered reach the sandbox and finish. */
async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 150));
}

beforeEach(async () => {
	clock = Math.floor(Date.now() / 1000) * 1000;
	sandbox = await startSandbox({ now: () => clock });
	const live = await sandboxApi().client().createLive({ title: "Show", channel: "videogames", forKids: false, private: false });
	liveId = live.id;
	sandbox.setOnAir(liveId, true);
	onAirAt = clock;
	plugin = startPlugin();
	await plugin.lives.refresh(liveId);
});

afterEach(async () => {
	plugin.dispose();
	await sandbox.close();
});

describe("automatic ad breaks against the sandbox", () => {
	it("launches one break per interval from the live's airing time, none during a break", async () => {
		await atMinute(9);
		await settle();
		expect(plugin.scheduler.phase(liveId)).toMatchObject({ kind: "waiting", nextAt: onAirAt + 10 * MIN });
		await atMinute(10);
		await vi.waitFor(() => expect(launches()).toEqual([10]));
		await atMinute(10.25); // the break runs
		await atMinute(24);
		await settle();
		expect(launchPosts()).toBe(1);
		expect(plugin.scheduler.phase(liveId)).toMatchObject({ kind: "waiting", nextAt: onAirAt + 25 * MIN });
		await atMinute(25);
		await vi.waitFor(() => expect(launches()).toEqual([10, 25]));
		expect(plugin.events.map((e) => e.kind)).toEqual(["launched", "launched"]);
	});

	it("launches nothing once the live is off air", async () => {
		sandbox.setOnAir(liveId, false);
		await atMinute(30);
		await settle();
		expect(launchPosts()).toBe(0);
		expect(plugin.scheduler.phase(liveId)).toEqual({ kind: "off-air" });
	});

	it("keeps the next time across a restart: the sandbox's end time and airing time anchor it", async () => {
		await atMinute(10);
		await vi.waitFor(() => expect(launches()).toEqual([10]));
		plugin.dispose();
		clock = onAirAt + 17 * MIN;
		plugin = startPlugin();
		await plugin.lives.refresh(liveId);
		expect(plugin.scheduler.phase(liveId)).toMatchObject({ kind: "waiting", nextAt: onAirAt + 25 * MIN });
	});

	it("stops at quota 0 and shows it", async () => {
		const client = plugin.api.client();
		for (let i = 0; i < 24; i++) {
			clock = onAirAt + i * 36_000; // manual breaks, one after the other, within the hour
			await client.launchAdBreak(liveId);
		}
		await atMinute(40);
		await settle();
		expect(plugin.scheduler.phase(liveId)).toEqual({ kind: "quota" });
		expect(launchPosts()).toBe(24);
	});

	it("retries a failed launch once, then skips that break and reports it", async () => {
		sandbox.inject({ method: "POST", path: `/rest/video/${liveId}`, status: 503, times: 2 });
		await atMinute(10);
		await vi.waitFor(() => expect(plugin.events.map((e) => e.kind)).toEqual(["retrying"]));
		clock += 200; // past the retry's time: its timer launches again
		await vi.waitFor(() => expect(plugin.events.map((e) => e.kind)).toEqual(["retrying", "failed"]));
		await atMinute(12);
		await settle();
		expect(launchPosts()).toBe(2);
		expect(plugin.scheduler.phase(liveId)).toMatchObject({ kind: "failed", nextAt: onAirAt + 25 * MIN });
		await atMinute(25);
		await vi.waitFor(() => expect(launches()).toEqual([25]));
	});
});
