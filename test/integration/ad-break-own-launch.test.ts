/**
 * The ad-break countdown follows this plugin's own launch too (contract §8.8: readyAt = max(server end time,
 * lastLaunchAt + cooldown)), so an API that answers and polls without an end time neither hides the countdown nor
 * lets a press launch again before readyAt. Real client and sandbox; the launch answer is scripted without an end time.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
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

beforeEach(async () => {
	clock = Math.floor(Date.now() / 1000) * 1000;
	sandbox = await startSandbox({ now: () => clock });
	const settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl });
	const api = new ApiProvider(settings, { now: () => clock });
	registry = new LiveRegistry({ api, logger: silentLogger, now: () => clock, intervalMs: 60_000 });
	adBreaks = new AdBreaks({ api, lives: registry, logger: silentLogger, now: () => clock });
	liveId = (await api.client().createLive({ title: "Show", channel: "videogames", forKids: false, private: false })).id;
	sandbox.setOnAir(liveId, true);
	await registry.refresh(liveId);
});

afterEach(async () => {
	registry.dispose();
	await sandbox.close();
});

const launches = () => sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/video/${liveId}`)).length;

it("keeps counting down from its own launch when the API reports no end time", async () => {
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
