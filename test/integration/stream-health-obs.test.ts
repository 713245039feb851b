/**
 * Stream health against REAL OBS (headless under Xvfb) streaming to a real nginx-rtmp ingest through a TCP proxy
 * that can throttle, stall or cut the link: the figures are OBS's own (`outputBytes` delta), and a degraded ingest
 * turns the health amber/red, then ok again once the link is back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ObsLink } from "../../src/live/obs-link.ts";
import type { StreamHealth } from "../../src/live/stream-health.ts";
import { StreamHealthMonitor } from "../../src/live/stream-health-monitor.ts";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { pushStreamSettings, startStream, stopStream } from "../../src/obs/stream.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { ingestAvailable, startIngest, type Ingest } from "../harness/ingest.ts";
import { setVideoBitrate } from "../harness/obs-profile.ts";
import { requireObs, startObs, type RealObs } from "../harness/obs.ts";
import { startTcpProxy, viaProxy, type TcpProxy } from "../harness/tcp-proxy.ts";

const run = requireObs() && (ingestAvailable || process.env.CI === "true");
if (!run && !ingestAvailable) console.warn("[stream-health-obs] nginx-rtmp not installed: skipping");

/** High enough that a stalled link fills the loopback buffers within seconds. */
const VIDEO_KBPS = 8_000;

describe.skipIf(!run)("stream health against real OBS and an RTMP ingest", () => {
	let realObs: RealObs;
	let ingest: Ingest;
	let proxy: TcpProxy;
	let obs: ObsConnection;
	let monitor: StreamHealthMonitor;
	let stopWatching: () => void;

	const measured = (): Extract<StreamHealth, { kind: "measured" }> => {
		const health = monitor.health;
		if (health.kind !== "measured") throw new Error(`health is ${health.kind}`);
		return health;
	};
	const levelBecomes = (levels: string[], timeout: number) =>
		vi.waitFor(() => expect(levels).toContain(measured().level), { timeout, interval: 250 });

	beforeAll(async () => {
		ingest = await startIngest();
		proxy = await startTcpProxy({ port: Number(new URL(ingest.url).port) });
		realObs = await startObs();
		await setVideoBitrate(realObs, VIDEO_KBPS);
		const settings = new GlobalSettingsStore(async () => undefined);
		settings.receive({ obsUrl: realObs.url, obsPassword: realObs.password });
		obs = new ObsConnection();
		const link = new ObsLink(obs, settings);
		monitor = new StreamHealthMonitor({ obs: link, logger: silentLogger });
		await link.connection.ready(15_000);
		await pushStreamSettings(obs, { server: viaProxy(ingest.url, proxy), key: "x7health?auth=tok" });
		await startStream(obs, { timeoutMs: 15_000 });
		stopWatching = monitor.subscribe(() => undefined);
	}, 90_000);

	afterAll(async () => {
		stopWatching?.();
		monitor?.dispose();
		if (obs?.stream.active || obs?.stream.reconnecting) await stopStream(obs).catch(() => undefined);
		await obs?.dispose();
		await realObs?.stop();
		await proxy?.close();
		await ingest?.stop();
	});

	it("reports the bitrate OBS sends (outputBytes delta), healthy, with no dropped frames", async () => {
		await vi.waitFor(() => expect(measured().kbps).not.toBeNull(), { timeout: 10_000 });
		const first = await obs.call("GetStreamStatus");
		const startedAt = Date.now();
		const forwardedBefore = proxy.bytesForwarded;
		await new Promise((resolve) => setTimeout(resolve, 4_000));
		const last = await obs.call("GetStreamStatus");
		const elapsed = Date.now() - startedAt;
		const obsKbps = ((last.outputBytes - first.outputBytes) * 8) / elapsed;
		const ingestKbps = ((proxy.bytesForwarded - forwardedBefore) * 8) / elapsed;
		const health = measured();
		expect(health.kbps).toBeGreaterThan(obsKbps * 0.85);
		expect(health.kbps).toBeLessThan(obsKbps * 1.15);
		expect(ingestKbps).toBeGreaterThan(obsKbps * 0.85); // the ingest really got it
		expect(obsKbps).toBeGreaterThan(VIDEO_KBPS * 0.7);
		expect(health).toMatchObject({ level: "ok", reasons: [], droppedPct: 0, reconnecting: false });
	});

	it("turns red when the ingest is throttled below the bitrate, and ok again once it is not", async () => {
		proxy.limit((VIDEO_KBPS * 1000) / 8 / 4); // a quarter of what OBS sends
		try {
			await levelBecomes(["red"], 40_000);
			expect(measured().reasons.some((r) => r === "dropped-frames" || r === "congestion" || r === "stalled")).toBe(true);
		} finally {
			proxy.limit(null);
		}
		await levelBecomes(["ok"], 40_000);
	});

	it("turns red when the ingest stalls (nothing forwarded), and ok again after", async () => {
		proxy.pause();
		try {
			await levelBecomes(["red"], 30_000);
			// Frames are dropped as soon as OBS's buffer is full; 2 s later the stall shows too.
			await vi.waitFor(() => expect(measured().reasons).toContain("stalled"), { timeout: 10_000, interval: 250 });
		} finally {
			proxy.resume();
		}
		await levelBecomes(["ok"], 40_000);
	});

	it("turns red while OBS reconnects to an ingest that died, and measures again once it is back", async () => {
		proxy.kill();
		try {
			await vi.waitFor(() => expect(measured()).toMatchObject({ level: "red", reasons: expect.arrayContaining(["reconnecting"]) as string[] }), { timeout: 15_000 });
		} finally {
			proxy.accept();
		}
		await vi.waitFor(() => expect(measured()).toMatchObject({ level: "ok", reconnecting: false }), { timeout: 60_000, interval: 250 });
		await vi.waitFor(() => expect(measured().kbps).toBeGreaterThan(VIDEO_KBPS * 0.5), { timeout: 10_000 });
	});

	it("is idle once the stream stops", async () => {
		await stopStream(obs, { timeoutMs: 15_000 });
		await vi.waitFor(() => expect(monitor.health).toEqual({ kind: "idle" }), { timeout: 5_000 });
	});
});
