/**
 * Issue 4 end to end: Ad Break (countdown on keys and dials), Ad Breaks On/Off and Live Status, driven through the
 * BUILT plugin in the host simulator against the sandbox's ad-break rules, on the legacy API and on API v2 (which has
 * no ad-breaks on/off). Tests in a describe share one stack and run in order (the live goes on air, then a break is
 * launched and counted down).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DeviceInfo } from "../harness/host/index.ts";
import type { LiveRecord } from "../harness/sandbox/index.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	BOTH_APIS,
	commandsSince,
	createLiveWithNewKey,
	imageClock,
	imageTexts,
	launchRequests,
	liveReads,
	requestsTo,
	UUID,
	VIDEO_PATH,
	waitForCommand,
	waitForImage,
	onlyIf,
} from "./support.ts";

const DEVICES: DeviceInfo[] = [
	{ id: "DECK", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 },
	{ id: "PLUS", name: "Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 },
];

/** Seconds left of the sandbox's running break, by the wall clock (the sandbox's clock). */
function serverRemaining(live: LiveRecord | undefined): number {
	return (live?.adBreakEndTime ?? 0) - Date.now() / 1000;
}

const isCountdown = (texts: string[]) => texts.includes("ADS") && imageClock(texts) !== undefined;

describe.each(BOTH_APIS)("Ad Break, Ad Breaks On/Off and Live Status on one live ($name API)", (api) => {
	let stack: Stack;
	let live: LiveRecord;
	let adKey: string;
	let adKeyPlus: string;
	let toggle: string;
	let status: string;

	const launches = () => launchRequests(stack.sandbox.requests);

	beforeAll(async () => {
		stack = await startStack({ mode: api.account, host: { devices: DEVICES } });
		const { host } = stack;
		adKey = host.appear({ action: UUID.adBreak, device: "DECK" });
		adKeyPlus = host.appear({ action: UUID.adBreak, device: "PLUS" });
		toggle = host.appear({ action: UUID.adToggle, device: "DECK" });
		status = host.appear({ action: UUID.status, device: "DECK" });
		await waitForImage(host, adKey, (t) => t.includes("NO LIVE"));
		live = await createLiveWithNewKey(stack, { title: "Ad show" });
	});
	afterAll(() => stack?.close());

	it("off air: Ad Break says OFF AIR, Live Status names the live, and an Ad Break press sends no launch", async () => {
		const { host } = stack;
		await waitForImage(host, adKey, (t) => t.includes("OFF AIR"));
		const statusTexts = await waitForImage(host, status, (t) => t.includes("OFF AIR"));
		expect(statusTexts).toContain("Ad show");

		const since = host.commands.length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showAlert", undefined, { since });
		expect(launches()).toEqual([]);
	});

	it("Live Status shows viewers once the live is on air; a press opens the live's page", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		sandbox.setOnAir(live.id, true);
		// The shared poller reads the live every 10 s.
		const texts = await waitForImage(host, status, (t) => t.includes("ON AIR"), { since, timeoutMs: 20_000 });
		if (api.name === "v2") {
			// API v2 reports no audience: the key says so rather than showing 0.
			expect(texts).toContain("—");
		} else {
			// Viewers as the API reported them at the read (the sandbox's audience only grows while on air).
			const viewers = texts.map(Number).find((n) => Number.isInteger(n) && n > 0);
			expect(viewers, `viewers in ${texts.join("|")}`).toBeGreaterThanOrEqual(3);
			expect(viewers).toBeLessThanOrEqual(sandbox.live(live.id)!.audience!);
		}
		expect(texts.some((t) => /^\d+:\d\d$/.test(t)), `elapsed time in ${texts.join("|")}`).toBe(true);
		await waitForImage(host, adKey, (t) => t.includes("READY") && t.includes("24 LEFT"), { since });

		// The elapsed time ticks on the key between polls, without asking the API.
		const elapsed = texts.find((t) => /^\d+:\d\d$/.test(t));
		const readsBefore = sandbox.requests.length;
		const ticked = await waitForImage(host, status, (t) => t.includes("ON AIR") && !t.includes(elapsed!), { since: host.commands.length });
		expect(ticked.some((t) => /^\d+:\d\d$/.test(t))).toBe(true);
		expect(sandbox.requests.slice(readsBefore).filter((r) => r.path.includes(live.id))).toEqual([]);

		const pressAt = host.commands.length;
		await host.press(status);
		const open = await host.waitFor((c) => c.event === "openUrl", { since: pressAt });
		expect(open.payload).toEqual({ url: `https://www.dailymotion.com/video/${live.id}` });
	});

	it("keys that show nothing new are not redrawn (idle: no image is re-sent across a poll)", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		const reads = () => liveReads(sandbox.requests, live.id).length;
		const readsBefore = reads();
		await vi.waitFor(() => expect(reads()).toBeGreaterThan(readsBefore), { timeout: 15_000, interval: 200 });
		await sleep(1_500); // the poll's answer and at least one second tick
		for (const key of [adKey, adKeyPlus, toggle]) {
			expect(commandsSince(host, since, key, "setImage"), key).toEqual([]);
			expect(commandsSince(host, since, key, "setState"), key).toEqual([]);
		}
	});

	onlyIf(api.name === "v2")("Ad Breaks On/Off says it is not available on API v2; a press alerts and sends nothing", async () => {
		const { host, sandbox } = stack;
		expect(imageTexts(host.lastImage(toggle))).toEqual(expect.arrayContaining(["ADS N/A", "NOT ON API V2"]));
		const before = sandbox.requests.length;
		const since = host.commands.length;
		await host.press(toggle);
		await waitForCommand(host, toggle, "showAlert", undefined, { since });
		expect(sandbox.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
		expect(sandbox.live(live.id)!.adBreaksEnabled).toBe(true);
	});

	onlyIf(api.name === "legacy")("Ad Breaks On/Off switches them off on the server; Ad Break then refuses (ADS OFF) without a launch", async () => {
		const { host, sandbox } = stack;
		expect(host.stateOf(toggle)).toBe(0);
		let since = host.commands.length;
		await host.press(toggle);
		await waitForCommand(host, toggle, "showOk", undefined, { since });
		expect(sandbox.live(live.id)!.adBreaksEnabled).toBe(false);
		await vi.waitFor(() => expect(host.stateOf(toggle)).toBe(1));
		await waitForImage(host, adKey, (t) => t.includes("ADS OFF"), { since });

		const refusedImage = host.lastImage(adKey);
		since = host.commands.length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showAlert", undefined, { since });
		expect(launches()).toEqual([]);
		// The refusal is the alert only: the key keeps saying ADS OFF.
		expect(host.lastImage(adKey)).toBe(refusedImage);
		expect(imageTexts(host.lastImage(adKey))).toContain("ADS OFF");

		since = host.commands.length;
		await host.press(toggle);
		await waitForCommand(host, toggle, "showOk", undefined, { since });
		expect(sandbox.live(live.id)!.adBreaksEnabled).toBe(true);
		await vi.waitFor(() => expect(host.stateOf(toggle)).toBe(0));
		await waitForImage(host, adKey, (t) => t.includes("READY"), { since });
	});

	onlyIf(api.name === "legacy")("an Ad Breaks On/Off press the API refuses alerts and leaves the key, the Ad Break key and the server as they were", async () => {
		const { host, sandbox } = stack;
		const state = host.stateOf(toggle);
		const toggleImage = host.lastImage(toggle);
		const adImage = host.lastImage(adKey);
		expect(state).toBe(0);
		expect(sandbox.live(live.id)!.adBreaksEnabled).toBe(true);
		sandbox.inject({ method: "POST", path: `/rest/video/${live.id}`, status: 500 });
		const requestsBefore = sandbox.requests.length;
		const since = host.commands.length;
		await host.press(toggle);
		await waitForCommand(host, toggle, "showAlert", undefined, { since });

		const switches = requestsTo(sandbox.requests.slice(requestsBefore), "POST", VIDEO_PATH);
		expect(switches.map((r) => [r.form.live_ad_break, r.status])).toEqual([["false", 500]]);
		expect(sandbox.live(live.id)!.adBreaksEnabled).toBe(true);
		expect(commandsSince(host, since, toggle, "showOk")).toEqual([]);
		// The key may draw itself busy during the request; it comes back to exactly what it showed before.
		await vi.waitFor(() => expect(host.lastImage(toggle)).toBe(toggleImage));
		expect(host.stateOf(toggle)).toBe(state);
		expect(commandsSince(host, since, toggle, "setState").map((c) => c.payload.state)).not.toContain(1);
		expect(host.lastImage(adKey)).toBe(adImage);
		expect(imageTexts(adImage)).toContain("READY");
	});

	it("an API error on launch alerts, shows a short reason on the key and is not retried", async () => {
		const { host, sandbox } = stack;
		sandbox.inject({ method: "POST", path: api.launchPath(live.id), status: 500 });
		const since = host.commands.length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showAlert", undefined, { since });
		const texts = await waitForImage(host, adKey, (t) => t.includes("FAILED"), { since });
		expect(texts.length).toBeGreaterThan(1);
		expect(launches().map((r) => r.status)).toEqual([500]);
		expect(sandbox.live(live.id)!.adBreakLaunches).toEqual([]);
		// The key goes back to READY once it re-read the live.
		await waitForImage(host, adKey, (t) => t.includes("READY"), { since });
	});

	it("a press launches exactly one ad break and the key counts down from the server's end time", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		const before = launches().length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showOk", undefined, { since });
		const sent = launches().slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0]!.status).toBe(200);
		if (api.name === "v2") expect(sent[0]!.json).toEqual({ count: 1 });
		else expect(sent[0]!.query.fields?.split(",")).toEqual(expect.arrayContaining(["live_ad_break_end_time"]));
		expect(sandbox.live(live.id)!.adBreakLaunches).toHaveLength(1);

		const first = imageClock(await waitForImage(host, adKey, isCountdown, { since }))!;
		const remaining = serverRemaining(sandbox.live(live.id));
		expect(first).toBeGreaterThan(0);
		expect(Math.abs(first - remaining)).toBeLessThanOrEqual(2);
		const later = imageClock(await waitForImage(host, adKey, (t) => isCountdown(t) && imageClock(t)! < first, { since }))!;
		expect(later).toBeLessThan(first);
	});

	it("a key on another device shows the same countdown, second by second", async () => {
		const { host } = stack;
		const since = host.commands.length;
		const shown = imageClock(await waitForImage(host, adKey, isCountdown, { since }))!;
		const other = imageClock(await waitForImage(host, adKeyPlus, (t) => isCountdown(t) && imageClock(t)! <= shown, { since }))!;
		expect(other).toBe(shown);
	});

	it("presses during the countdown alert and send nothing, and the countdown goes on", async () => {
		const { host } = stack;
		const since = host.commands.length;
		await host.press(adKey);
		await host.press(adKeyPlus);
		await waitForCommand(host, adKey, "showAlert", undefined, { since });
		await waitForCommand(host, adKeyPlus, "showAlert", undefined, { since });
		const before = imageClock(await waitForImage(host, adKey, isCountdown, { since }))!;
		await waitForImage(host, adKey, (t) => isCountdown(t) && imageClock(t)! < before, { since });
		expect(launches().filter((r) => r.status === 200)).toHaveLength(1);
		expect(launches()).toHaveLength(2); // the failed one and the real one
	});

	it("a restarted plugin resumes the countdown from the API's end time and still refuses presses", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		await host.restart();
		const clock = imageClock(await waitForImage(host, adKey, isCountdown, { since }))!;
		expect(Math.abs(clock - serverRemaining(sandbox.live(live.id)))).toBeLessThanOrEqual(2);
		await waitForImage(host, adKeyPlus, (t) => isCountdown(t) && imageClock(t) === clock, { since });

		const pressAt = host.commands.length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showAlert", undefined, { since: pressAt });
		expect(launches()).toHaveLength(2);
		expect(sandbox.live(live.id)!.adBreakLaunches).toHaveLength(1);
	});
});

describe("Ad Break on a Stream Deck + dial", () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ host: { devices: DEVICES } });
	});
	afterAll(() => stack?.close());

	it("shows the state on the touch strip, a dial press launches, and the strip and a key count down together", async () => {
		const { host, sandbox } = stack;
		const live = await createLiveWithNewKey(stack);
		sandbox.setOnAir(live.id, true);
		const dial = host.appear({ action: UUID.adBreak, device: "PLUS", controller: "Encoder" });
		const key = host.appear({ action: UUID.adBreak, device: "DECK" });
		await waitForCommand(host, dial, "setFeedback", (c) => c.payload.value === "Ready · 24 left");

		const since = host.commands.length;
		host.dialDown(dial);
		host.dialUp(dial);
		const counting = await waitForCommand(host, dial, "setFeedback", (c) => c.payload.title === "Ads on air", { since });
		expect(launchRequests(sandbox.requests)).toHaveLength(1);
		const strip = counting.payload as { value: string; indicator: { value: number } };
		expect(strip.value).toMatch(/^0:[0-3]\d$/);
		expect(strip.indicator.value).toBeGreaterThan(0);

		// The next second: strip and key show the same time, and the bar has not grown.
		const tick = await waitForCommand(host, dial, "setFeedback", (c) => c.payload.title === "Ads on air" && c.payload.value !== strip.value, { since });
		expect(tick.payload.indicator.value).toBeLessThanOrEqual(strip.indicator.value);
		const tickClock = imageClock([tick.payload.value as string])!;
		await waitForImage(host, key, (t) => isCountdown(t) && imageClock(t) === tickClock, { since });

		// Live Status on a dial: viewers and time on air on the strip.
		const statusDial = host.appear({ action: UUID.status, device: "PLUS", controller: "Encoder" });
		const onAir = await waitForCommand(host, statusDial, "setFeedback", (c) => c.payload.title === "On air");
		expect(onAir.payload.value).toMatch(/^\d+ viewers · \d+:\d\d$/);

		// Touching the strip during the break: an alert, no request.
		const tapAt = host.commands.length;
		host.touchTap(dial);
		await waitForCommand(host, dial, "showAlert", undefined, { since: tapAt });
		expect(launchRequests(sandbox.requests)).toHaveLength(1);
	});
});

describe.each(BOTH_APIS)("Ad Break pressed right after the live went on air ($name API)", (api) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ mode: api.account });
	});
	afterAll(() => stack?.close());

	it("an OFF AIR key reads the live once more and launches: one GET, one launch, and the countdown shows", async () => {
		const { host, sandbox } = stack;
		const adKey = host.appear({ action: UUID.adBreak });
		const live = await createLiveWithNewKey(stack);
		// Shown after the key's first read of the new live: the next regular poll is 10 s away.
		await waitForImage(host, adKey, (t) => t.includes("OFF AIR"));

		sandbox.setOnAir(live.id, true); // OBS just started streaming; the key has not seen it yet
		const since = host.commands.length;
		const before = sandbox.requests.length;
		await host.press(adKey);
		await waitForCommand(host, adKey, "showOk", undefined, { since });
		await waitForImage(host, adKey, isCountdown, { since });

		const sent = sandbox.requests.slice(before);
		const launchAt = sent.findIndex((r) => launchRequests([r]).length === 1);
		expect(launchAt, "a launch was sent").toBeGreaterThan(0);
		const reads = liveReads(sent.slice(0, launchAt), live.id);
		expect(reads.map((r) => r.status)).toEqual([200]);
		expect(launchRequests(sent).map((r) => r.status)).toEqual([200]);
		expect(sandbox.live(live.id)!.adBreakLaunches).toHaveLength(1);
	});
});
