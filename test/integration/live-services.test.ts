import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdBreaks } from "../../src/live/ad-breaks.ts";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveRegistry } from "../../src/live/live-registry.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { silentLogger } from "../../src/log.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

let sandbox: Sandbox;
let clock: number;
let registry: LiveRegistry;
let adBreaks: AdBreaks;
let liveId: string;

/** Creates a live through the real client and returns the services wired as the plugin wires them. */
async function setUp(intervalMs = 60_000) {
	const settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl });
	const api = new ApiProvider(settings, { now: () => clock });
	registry = new LiveRegistry({ api, logger: silentLogger, now: () => clock, intervalMs });
	adBreaks = new AdBreaks({ api, lives: registry, logger: silentLogger, now: () => clock });
	const live = await api.client().createLive({ title: "Show", channel: "videogames", forKids: false, private: false });
	liveId = live.id;
}

const requestsTo = (pattern: RegExp, method?: string) =>
	sandbox.requests.filter((r) => pattern.test(r.path) && (!method || r.method === method)).length;

beforeEach(async () => {
	clock = Math.floor(Date.now() / 1000) * 1000;
	sandbox = await startSandbox({ now: () => clock });
	await setUp();
});

afterEach(async () => {
	registry.dispose();
	await sandbox.close();
});

describe("one poller per live", () => {
	it("reads the live once for 32 watching keys", async () => {
		const seen: number[] = [];
		const stops = Array.from({ length: 32 }, (_, i) => registry.watch(liveId, () => seen.push(i)));
		await registry.refresh(liveId);
		expect(requestsTo(/\/video\//, "GET")).toBe(1);
		expect(new Set(seen).size).toBe(32);
		for (const stop of stops) stop();
	});
});

describe("the fields a read asks for: the union of what watching keys need", () => {
	const fieldLists = () =>
		sandbox.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/video/${liveId}`)).map((r) => r.query.fields!.split(","));

	it("adds record_status only while a watcher needs it, with one read per poll however many keys", async () => {
		const stopPlain = registry.watch(liveId, () => undefined);
		await vi.waitFor(() => expect(registry.store(liveId).snapshot.video).not.toBeNull());
		expect(fieldLists()).toHaveLength(1);
		expect(fieldLists()[0]).not.toContain("record_status");
		expect(registry.store(liveId).snapshot.extras).toEqual([]);

		// A key that needs the recording's status: one read with it at once, not after the 60 s interval.
		const stopRecord = registry.watch(liveId, () => undefined, ["recording"]);
		const stopRecord2 = registry.watch(liveId, () => undefined, ["recording"]);
		await vi.waitFor(() => expect(fieldLists()).toHaveLength(2));
		expect(fieldLists()[1]).toContain("record_status");
		// The request is on the wire before its answer is applied.
		await vi.waitFor(() =>
			expect(registry.store(liveId).snapshot).toMatchObject({ extras: ["recording"], video: { recordStatus: "stopped" } }),
		);

		stopRecord();
		await registry.refresh(liveId);
		expect(fieldLists()[2]).toContain("record_status"); // one key still needs it
		stopRecord2();
		await registry.refresh(liveId);
		expect(fieldLists()[3]).not.toContain("record_status");
		expect(fieldLists()).toHaveLength(4);
		stopPlain();
	});

	it("reads again with record_status when its key appears while a read without it is under way", async () => {
		await sandbox.close();
		sandbox = await startSandbox({ now: () => clock, latencyMs: 300 });
		await setUp();
		const stopPlain = registry.watch(liveId, () => undefined);
		await vi.waitFor(() => expect(fieldLists()).toHaveLength(1)); // on the wire, answer still 300 ms away
		const stopRecord = registry.watch(liveId, () => undefined, ["recording"]);
		await vi.waitFor(() => expect(fieldLists()).toHaveLength(2), { timeout: 3_000 });
		expect(fieldLists()[1]).toContain("record_status");
		await vi.waitFor(() => expect(registry.store(liveId).snapshot.extras).toEqual(["recording"]), { timeout: 3_000 });
		stopRecord();
		stopPlain();
	});
});

describe("an early read when the stream starts", () => {
	const reads = () => requestsTo(new RegExp(`/video/${liveId}$`), "GET");

	it("reads a watched live once more after the delay, and the keys see it on air", async () => {
		const seen: boolean[] = [];
		const stop = registry.watch(liveId, (s) => seen.push(s.video?.onair ?? false));
		await vi.waitFor(() => expect(seen).toEqual([false])); // the first watcher's read
		sandbox.setOnAir(liveId, true);
		registry.refreshSoon(liveId, 20);
		registry.refreshSoon(liveId, 20); // asked twice (two OBS events): still one read
		await vi.waitFor(() => expect(seen).toEqual([false, true]));
		await sleep(100);
		expect(reads()).toBe(2);
		stop();
	});

	it("reads nothing for a live no key watches (any more)", async () => {
		registry.refreshSoon(liveId, 10); // never watched
		const stop = registry.watch(liveId, () => undefined);
		await vi.waitFor(() => expect(reads()).toBe(1)); // the first watcher's read (deferred to the next turn)
		registry.refreshSoon(liveId, 30);
		stop(); // the key went away before the early read
		await sleep(100);
		expect(reads()).toBe(1);
	});
});

describe("ad breaks", () => {
	it("launches with one request and then counts down from the server's end time", async () => {
		sandbox.setOnAir(liveId, true);
		await registry.refresh(liveId);
		const result = await adBreaks.launch(liveId, 35_000);
		expect(result.kind).toBe("launched");
		expect(requestsTo(/\/video\//, "POST")).toBe(1);
		expect(adBreaks.phase(liveId, 35_000)).toMatchObject({ kind: "running", remainingMs: 35_000 });
		clock += 10_000;
		expect(adBreaks.phase(liveId, 35_000)).toMatchObject({ kind: "running", remainingMs: 25_000 });
	});

	it("refuses presses during the break and the cooldown without any request", async () => {
		sandbox.setOnAir(liveId, true);
		await registry.refresh(liveId);
		await adBreaks.launch(liveId, 50_000);
		const before = sandbox.requests.length;
		clock += 20_000;
		expect((await adBreaks.launch(liveId, 50_000)).kind).toBe("refused");
		clock += 20_000; // break over, 10 s of cooldown left
		const refused = await adBreaks.launch(liveId, 50_000);
		expect(refused).toMatchObject({ kind: "refused", phase: { kind: "cooldown", remainingMs: 10_000 } });
		expect(sandbox.requests.length).toBe(before);
		clock += 10_000;
		expect((await adBreaks.launch(liveId, 50_000)).kind).toBe("launched");
	});

	it("re-reads a live that looked off air before refusing, so a fresh stream is not missed", async () => {
		await registry.refresh(liveId); // off air at this point
		sandbox.setOnAir(liveId, true);
		expect((await adBreaks.launch(liveId, 35_000)).kind).toBe("launched");
	});

	it("refuses a launch while ad breaks are disabled, after checking the server", async () => {
		sandbox.setOnAir(liveId, true);
		await registry.refresh(liveId);
		await adBreaks.setEnabled(liveId, false);
		expect(sandbox.live(liveId)?.adBreaksEnabled).toBe(false);
		const result = await adBreaks.launch(liveId, 35_000);
		expect(result).toMatchObject({ kind: "refused", phase: { kind: "disabled" } });
		expect(requestsTo(/\/video\//, "POST")).toBe(1); // only the switch
	});

	it("resumes a running countdown in a fresh plugin from the API's end time", async () => {
		sandbox.setOnAir(liveId, true);
		await registry.refresh(liveId);
		await adBreaks.launch(liveId, 35_000);
		clock += 12_000;
		await setUpRestarted();
		await registry.refresh(liveId);
		expect(adBreaks.phase(liveId, 35_000)).toMatchObject({ kind: "running", remainingMs: 23_000 });
	});
});

/** A new registry and services on the same sandbox and live, as after a plugin restart. */
async function setUpRestarted() {
	const id = liveId;
	registry.dispose();
	const settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl });
	const api = new ApiProvider(settings, { now: () => clock });
	registry = new LiveRegistry({ api, logger: silentLogger, now: () => clock });
	adBreaks = new AdBreaks({ api, lives: registry, logger: silentLogger, now: () => clock });
	liveId = id;
}
