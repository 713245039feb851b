/**
 * Stream health on the keys (issue 12) through the BUILT plugin: real OBS (under Xvfb) streams a live made with Create
 * Live to the real nginx-rtmp ingest through a TCP proxy. The Stream key's bitrate under LIVE and Live Status's second
 * line match what OBS itself reports (`GetStreamStatus` outputBytes delta); a throttled ingest turns the Stream key
 * red, a killed one makes it retry, and both come back once the link is.
 */
import { OBSWebSocket } from "obs-websocket-js/json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setVideoBitrate } from "../harness/obs-profile.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	currentLiveIdOf,
	eventually,
	expectPluginHealthy,
	imageTexts,
	LONG_PRESS_MS,
	requireObsAndIngest,
	UUID,
	waitForCommand,
	waitForImage,
	waitForTitle,
} from "./support.ts";

const runObs = requireObsAndIngest("e2e stream health");

/** High enough that a throttled link fills the loopback socket buffers within seconds (see obs-profile.ts). */
const VIDEO_KBPS = 8_000;
const RED = "#FF3B30";

/** "LIVE\n6,012 kb/s" → 6012; undefined when the title carries no bitrate. */
function titleKbps(title: string | undefined): number | undefined {
	const m = /\n([\d,.\s\u202F]+) kb\/s$/.exec(title ?? "");
	return m ? Number(m[1]!.replace(/\D/g, "")) : undefined;
}

describe.skipIf(!runObs)("stream health on the Stream and Live Status keys (real OBS, ingest behind a proxy)", () => {
	let stack: Stack;
	let obs: OBSWebSocket;
	let streamKey: string;
	let statusKey: string;

	/** OBS's own bitrate over `ms`, from two `GetStreamStatus` answers. */
	async function obsKbps(ms: number): Promise<number> {
		const first = await obs.call("GetStreamStatus");
		const at = Date.now();
		await new Promise((resolve) => setTimeout(resolve, ms));
		const last = await obs.call("GetStreamStatus");
		return ((last.outputBytes - first.outputBytes) * 8) / (Date.now() - at);
	}

	beforeAll(async () => {
		stack = await startStack({ obs: true, ingest: true, ingestProxy: true });
		await setVideoBitrate(stack.obs!, VIDEO_KBPS);
		obs = new OBSWebSocket();
		await obs.connect(stack.obs!.url, stack.obs!.password);
		const { host } = stack;
		const createKey = host.appear({ action: UUID.create, settings: { title: "Health show", afterCreate: "obs-start" } });
		streamKey = host.appear({ action: UUID.stream });
		statusKey = host.appear({ action: UUID.status, settings: { showHealth: true } });
		const since = host.commands.length;
		await host.press(createKey);
		await waitForCommand(host, createKey, "showOk", undefined, { since, timeoutMs: 45_000 });
		await eventually(() => stack.sandbox.live(currentLiveIdOf(host))?.onair === true, "the live on air through the proxy", 30_000);
	}, 120_000);

	afterAll(async () => {
		await obs?.disconnect().catch(() => undefined);
		await stack?.close();
	});

	it("shows the bitrate OBS sends under LIVE, and on Live Status, within 15 %", async () => {
		const { host } = stack;
		await waitForTitle(host, streamKey, (t) => titleKbps(t) !== undefined, { timeoutMs: 15_000 });
		const reference = await obsKbps(4_000);
		const measuredAt = host.commands.length;
		expect(reference).toBeGreaterThan(VIDEO_KBPS * 0.7);
		const shown = titleKbps(host.lastTitle(streamKey))!;
		expect(shown).toBeGreaterThan(reference * 0.85);
		expect(shown).toBeLessThan(reference * 1.15);
		expect(host.lastTitle(streamKey)).toMatch(/^LIVE\n/);
		// The healthy face: the red ON AIR key, no warning.
		expect(imageTexts(host.lastImage(streamKey))).toEqual(["ON AIR"]);
		// Live Status: viewers, time on air, and the same bitrate as its second line.
		const status = await waitForImage(host, statusKey, (t) => t.includes("ON AIR") && t.some((line) => / kb\/s$/.test(line)), { since: measuredAt, timeoutMs: 5_000 });
		const statusKbps = Number(status.find((line) => / kb\/s$/.test(line))!.replace(/\D/g, ""));
		expect(statusKbps).toBeGreaterThan(reference * 0.85);
		expect(statusKbps).toBeLessThan(reference * 1.15);
		// Bytes really reached the ingest (through the proxy), so the figures are not OBS talking to itself.
		expect(stack.proxy!.bytesForwarded).toBeGreaterThan(1_000_000);
	}, 40_000);

	it("turns red when the ingest is throttled below the bitrate, and back to LIVE once it is not", async () => {
		const { host } = stack;
		const since = host.commands.length;
		stack.proxy!.limit((VIDEO_KBPS * 1000) / 8 / 4); // a quarter of what OBS sends
		try {
			const alarm = await waitForImage(host, streamKey, (t) => ["DROPPING", "LAGGING", "STALLED"].some((w) => t.includes(w)), { since, timeoutMs: 45_000 });
			expect(alarm.length).toBe(1);
			// Drops ramp up: the first alarm may be the amber warning; the red frame of a stream in trouble follows.
			await eventually(() => decodeURIComponent(host.lastImage(streamKey) ?? "").includes(`stroke="${RED}"`), "the red Stream key", 30_000);
			expect(host.lastTitle(streamKey)).toMatch(/^LIVE\n[\d,]+ kb\/s$/); // the bitrate stays under LIVE
			// Live Status's second line turns red too.
			await eventually(() => /fill="#FF3B30"[^>]*>[\d,]+ kb\/s</.test(decodeURIComponent(host.lastImage(statusKey) ?? "")), "a red bitrate on Live Status", 10_000);
		} finally {
			stack.proxy!.limit(null);
		}
		await waitForImage(host, streamKey, (t) => t.length === 1 && t[0] === "ON AIR", { since: host.commands.length, timeoutMs: 45_000 });
	}, 100_000);

	it("shows RETRYING while OBS reconnects to a killed ingest, and LIVE with a bitrate once it is back", async () => {
		const { host } = stack;
		const since = host.commands.length;
		stack.proxy!.kill();
		try {
			await waitForTitle(host, streamKey, "Reconnecting", { since, timeoutMs: 20_000 });
			expect(imageTexts(host.lastImage(streamKey))).toEqual(["RETRYING"]);
		} finally {
			stack.proxy!.accept();
		}
		await waitForTitle(host, streamKey, (t) => titleKbps(t) !== undefined && titleKbps(t)! > VIDEO_KBPS * 0.5, { since, timeoutMs: 60_000 });
	}, 90_000);

	it("stops measuring once the stream stops: plain Go live, no bitrate", async () => {
		const { host } = stack;
		const since = host.commands.length;
		await host.press(streamKey, LONG_PRESS_MS);
		await waitForTitle(host, streamKey, "Go live", { since, timeoutMs: 20_000 });
		await new Promise((resolve) => setTimeout(resolve, 2_500));
		const titles = host.commands.slice(host.commands.findIndex((c, i) => i >= since && c.context === streamKey && c.payload?.title === "Go live")).filter((c) => c.context === streamKey && c.event === "setTitle");
		expect(titles.map((c) => c.payload.title)).toEqual(["Go live"]);
		await expectPluginHealthy(stack);
	}, 40_000);
});
