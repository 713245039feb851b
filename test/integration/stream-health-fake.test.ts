/**
 * The stream-health monitor against the in-process obs-websocket fake, for what real OBS cannot do on cue: a status
 * read that never answers, an unreadable answer, exact counters. When it reads, how often, and that failures show
 * as unknown, never as a crash.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ObsLink } from "../../src/live/obs-link.ts";
import type { StreamHealth } from "../../src/live/stream-health.ts";
import { StreamHealthMonitor } from "../../src/live/stream-health-monitor.ts";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";

let fake: FakeObs;
let obs: ObsConnection;
let monitor: StreamHealthMonitor;
/** What the fake's GetStreamStatus answers; bytes and frames grow at 2 500 kbit/s and 30 fps while `flowing`. */
let output: { active: boolean; reconnecting: boolean; flowing: boolean; since: number; skipped: number };

const statusReads = () => fake.requests.filter((r) => r.requestType === "GetStreamStatus").length;

function streamEvent(state: string, active: boolean): void {
	fake.emit("StreamStateChanged", { outputActive: active, outputState: `OBS_WEBSOCKET_OUTPUT_${state}` });
}

async function goLive(): Promise<void> {
	output = { active: true, reconnecting: false, flowing: true, since: Date.now(), skipped: 0 };
	streamEvent("STARTED", true);
	await vi.waitFor(() => expect(obs.stream.active).toBe(true));
}

beforeEach(async () => {
	fake = await startFakeObs();
	output = { active: false, reconnecting: false, flowing: false, since: Date.now(), skipped: 0 };
	fake.handle("GetStreamStatus", () => {
		const elapsed = output.flowing ? Date.now() - output.since : 0;
		return {
			outputActive: output.active,
			outputReconnecting: output.reconnecting,
			outputTimecode: "00:00:00.000",
			outputDuration: elapsed,
			outputCongestion: 0,
			outputBytes: Math.round(elapsed * 312.5),
			outputSkippedFrames: output.skipped,
			outputTotalFrames: Math.floor(elapsed * 0.03),
		};
	});
	const settings = new GlobalSettingsStore(async () => undefined);
	settings.receive({ obsUrl: fake.url });
	obs = new ObsConnection({ requestTimeoutMs: 8_000 });
	const link = new ObsLink(obs, settings);
	monitor = new StreamHealthMonitor({ obs: link, logger: silentLogger });
	await link.connection.ready(5_000);
});

afterEach(async () => {
	monitor.dispose();
	await obs.dispose();
	await fake.close();
});

describe("stream health monitor", () => {
	it("reads nothing while no key shows it, or while OBS is not streaming", async () => {
		const before = statusReads(); // the connection's own read on identify
		await goLive();
		await sleep(1_200);
		expect(statusReads()).toBe(before);
		streamEvent("STOPPED", false);
		output.active = false;
		const seen: StreamHealth[] = [];
		monitor.subscribe((h) => seen.push(h));
		await sleep(1_200);
		expect(statusReads()).toBe(before);
		expect(monitor.health).toEqual({ kind: "idle" });
	});

	it("reads once per second at most while streaming, for any number of keys, and stops with the last one", async () => {
		await goLive();
		const before = statusReads();
		const stops = [monitor.subscribe(() => undefined), monitor.subscribe(() => undefined), monitor.subscribe(() => undefined)];
		await sleep(3_300);
		const reads = statusReads() - before;
		expect(reads).toBeGreaterThanOrEqual(3);
		expect(reads).toBeLessThanOrEqual(4);
		expect(monitor.health).toMatchObject({ kind: "measured", level: "ok", droppedPct: 0 });
		const kbps = monitor.health.kind === "measured" ? monitor.health.kbps : null;
		expect(kbps).toBeGreaterThan(2_300);
		expect(kbps).toBeLessThan(2_700);
		for (const stop of stops) stop();
		const after = statusReads();
		await sleep(1_500);
		expect(statusReads()).toBe(after);
	});

	it("shows a read OBS never answers as unknown, without asking again meanwhile", async () => {
		await goLive();
		monitor.subscribe(() => undefined);
		await vi.waitFor(() => expect(monitor.health.kind).toBe("measured"), { timeout: 3_000 });
		fake.hang("GetStreamStatus");
		const before = statusReads();
		await vi.waitFor(() => expect(monitor.health.kind).toBe("unknown"), { timeout: 5_000 });
		await sleep(1_500);
		expect(statusReads() - before).toBe(1);
	});

	it("shows an unreadable answer as unknown, and recovers with the next good one", async () => {
		await goLive();
		let broken = true;
		fake.handle("GetStreamStatus", () => (broken ? { outputActive: true, outputBytes: "lots" } : { outputActive: true, outputReconnecting: false, outputBytes: 1, outputSkippedFrames: 0, outputTotalFrames: 1, outputCongestion: null }));
		monitor.subscribe(() => undefined);
		await vi.waitFor(() => expect(monitor.health.kind).toBe("unknown"), { timeout: 3_000 });
		broken = false;
		await vi.waitFor(() => expect(monitor.health).toMatchObject({ kind: "measured", congestion: null }), { timeout: 3_000 });
	});

	it("turns red while OBS reconnects, and starts the figures over when the counters restart", async () => {
		await goLive();
		monitor.subscribe(() => undefined);
		await vi.waitFor(() => expect(monitor.health).toMatchObject({ kbps: expect.any(Number) as number }), { timeout: 3_000 });
		output = { ...output, reconnecting: true, flowing: false };
		streamEvent("RECONNECTING", false);
		await vi.waitFor(() => expect(monitor.health).toMatchObject({ kind: "measured", level: "red", reasons: ["reconnecting"] }), { timeout: 3_000 });
		output = { active: true, reconnecting: false, flowing: true, since: Date.now(), skipped: 0 };
		streamEvent("RECONNECTED", true);
		await vi.waitFor(() => expect(monitor.health).toMatchObject({ level: "ok", kbps: expect.any(Number) as number }), { timeout: 4_000 });
		const health = monitor.health;
		expect(health.kind === "measured" && health.kbps).toBeGreaterThan(0);
	});

	it("is idle again once the stream stops", async () => {
		await goLive();
		const seen: StreamHealth["kind"][] = [];
		monitor.subscribe((h) => seen.push(h.kind));
		await vi.waitFor(() => expect(monitor.health.kind).toBe("measured"), { timeout: 3_000 });
		output.active = false;
		streamEvent("STOPPED", false);
		await vi.waitFor(() => expect(monitor.health).toEqual({ kind: "idle" }));
		expect(seen.at(-1)).toBe("idle");
	});
});
