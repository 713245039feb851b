/**
 * The ad-break countdown follows the server's end time, and this plugin's own launch when the API gives none
 * (contract §8.8: readyAt = max(server end time, lastLaunchAt + cooldown)): an API that answers and polls without an
 * end time neither hides the countdown nor lets a press launch again before readyAt, and an answer that arrives late
 * never makes the key later than the server. Real client and sandbox on a fake clock.
 */
import { afterEach, expect, it, vi } from "vitest";
import { AdBreaks } from "../../src/live/ad-breaks.ts";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveRegistry } from "../../src/live/live-registry.ts";
import { silentLogger } from "../../src/log.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

let sandbox: Sandbox;
let clock: number;
let registry: LiveRegistry;
let adBreaks: AdBreaks;
let liveId: string;

/** A sandbox (answering `latencyMs` after it handled each request) with one live on air, and the plugin's services. */
async function setUp(latencyMs = 0): Promise<void> {
	clock = Math.floor(Date.now() / 1000) * 1000;
	sandbox = await startSandbox({ now: () => clock, latencyMs });
	const settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl });
	const api = new ApiProvider(settings, { now: () => clock });
	registry = new LiveRegistry({ api, logger: silentLogger, now: () => clock, intervalMs: 60_000 });
	adBreaks = new AdBreaks({ api, lives: registry, logger: silentLogger, now: () => clock });
	liveId = (await api.client().createLive({ title: "Show", channel: "videogames", forKids: false, private: false })).id;
	sandbox.setOnAir(liveId, true);
	await registry.refresh(liveId);
}

afterEach(async () => {
	registry.dispose();
	await sandbox.close();
});

const launches = () => sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/video/${liveId}`)).length;

it("keeps counting down from its own launch when the API reports no end time", async () => {
	await setUp();
	const noEndTime = JSON.stringify({ live_ad_break_end_time: null, live_ad_break_remaining: 23 });
	sandbox.inject({ method: "POST", path: new RegExp(`/video/${liveId}$`), status: 200, body: noEndTime });
	expect((await adBreaks.launch(liveId, 50_000)).kind).toBe("launched");
	clock += 10_000;
	await registry.refresh(liveId); // the poll: the API knows of no break (null end time)
	expect(sandbox.live(liveId)?.adBreakEndTime ?? null).toBeNull();
	expect(adBreaks.phase(liveId, 50_000)).toMatchObject({ kind: "running", remainingMs: 25_000 });
	clock += 30_000; // break over, 10 s of the 50 s interval left
	expect(await adBreaks.launch(liveId, 50_000)).toMatchObject({ kind: "refused", phase: { kind: "cooldown", remainingMs: 10_000 } });
	expect(launches()).toBe(1);
	clock += 10_000;
	expect((await adBreaks.launch(liveId, 50_000)).kind).toBe("launched");
	expect(launches()).toBe(2);
});

it("ends the break at the server's end time when the launch answer arrives late", async () => {
	await setUp(150);
	const t0 = clock;
	clock = t0 + 700; // the press, and the request reaching the server within the same second
	const launch = adBreaks.launch(liveId, 35_000);
	// The server has launched (end time = its second + 35 s); its answer is on the way while 1.2 s pass here.
	await vi.waitFor(() => expect(sandbox.live(liveId)?.adBreakEndTime).toBe(t0 / 1000 + 35), { interval: 5 });
	clock = t0 + 1_900;
	expect((await launch).kind).toBe("launched");
	expect(adBreaks.phase(liveId, 35_000)).toEqual({ kind: "running", remainingMs: 33_100, totalMs: 35_000, endsAt: t0 + 35_000 });

	clock = t0 + 34_999;
	expect(await adBreaks.launch(liveId, 35_000)).toMatchObject({ kind: "refused", phase: { kind: "running", remainingMs: 1 } });
	expect(launches()).toBe(1);
	// Ready on the server's second, and the server agrees: the next launch is accepted.
	clock = t0 + 35_000;
	expect(adBreaks.phase(liveId, 35_000).kind).toBe("ready");
	expect((await adBreaks.launch(liveId, 35_000)).kind).toBe("launched");
	expect(launches()).toBe(2);
});
