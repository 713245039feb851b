/**
 * Automatic ad breaks (issue 12) through the BUILT plugin in the host simulator, against the sandbox's ad-break rules.
 * Time is compressed with the plugin's test seam (DAILYMOTION_LIVE_MINUTE_MS): a "minute" lasts 8 s, so the shortest
 * schedule (every 5 minutes, first after 2, warning 30 s) is a break every 40 s, the first 16 s after going on air,
 * a 4 s warning and a 40 s snooze. The sandbox's breaks still last their real 35 s. One show, in order: nothing off
 * air; on air the warning comes, a long press snoozes; then exactly one break per interval; a restart keeps the
 * schedule; quota 0 stops it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeviceInfo } from "../harness/host/index.ts";
import type { RecordedRequest } from "../harness/sandbox/index.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	clockSeconds,
	commandsSince,
	createLiveWithNewKey,
	eventually,
	expectPluginHealthy,
	imageTexts,
	launchRequests,
	LONG_PRESS_MS,
	UUID,
	waitForCommand,
	waitForImage,
} from "./support.ts";

const MINUTE_MS = 8_000;
const EVERY_MS = 5 * MINUTE_MS;
const FIRST_MS = 2 * MINUTE_MS;
const SNOOZE_MS = 5 * MINUTE_MS;
/** How far a launch may be from its deadline: timers, a re-read before launching, a loaded machine. */
const SLACK_MS = 2_500;

const DEVICES: DeviceInfo[] = [
	{ id: "DECK", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 },
	{ id: "PLUS", name: "Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 },
];

const accepted = (requests: readonly RecordedRequest[]) => launchRequests(requests).filter((r) => r.status === 200);

describe("automatic ad breaks on a compressed clock (legacy API)", () => {
	let stack: Stack;
	let liveId: string;
	let adKey: string;
	let adDial: string;
	let onAirAt: number;

	const launches = () => accepted(stack.sandbox.requests);
	/** Waits until launch number `n` (1-based) reached the sandbox and returns its arrival time. */
	async function launchNumber(n: number, timeoutMs: number): Promise<number> {
		await eventually(() => launches().length >= n, `automatic launch #${n}`, timeoutMs);
		return launches()[n - 1]!.at;
	}

	beforeAll(async () => {
		stack = await startStack({
			host: { devices: DEVICES, env: { DAILYMOTION_LIVE_MINUTE_MS: String(MINUTE_MS) } },
			globalSettings: { autoAds: true, autoAdsEvery: 5, autoAdsFirst: 2, autoAdsWarn: 30 },
		});
		adKey = stack.host.appear({ action: UUID.adBreak, device: "DECK" });
		adDial = stack.host.appear({ action: UUID.adBreak, device: "PLUS", controller: "Encoder" });
		liveId = (await createLiveWithNewKey(stack, { title: "Autopilot show" })).id;
	}, 60_000);
	afterAll(() => stack?.close());

	it("launches nothing while the live is off air, however long it waits", async () => {
		await waitForImage(stack.host, adKey, (t) => t.includes("OFF AIR"));
		await sleep(FIRST_MS + 4_000); // longer than the first break's delay and its warning
		expect(launchRequests(stack.sandbox.requests)).toEqual([]);
		expect(imageTexts(stack.host.lastImage(adKey))).toContain("OFF AIR");
	}, 40_000);

	it("on air: the next break counts down on the key and dial, turns amber in the warning, and a long press snoozes it", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		sandbox.setOnAir(liveId, true);
		onAirAt = Date.now();
		// The poll sees the live on air within 10 s; the first break is due 16 s after it went on air.
		const waiting = await waitForImage(host, adKey, (t) => t.includes("NEXT AD"), { since, timeoutMs: 15_000 });
		expect(waiting).toContain("24 LEFT");
		const strip = await waitForCommand(host, adDial, "setFeedback", (c) => c.payload.title === "Next ad", { since });
		expect(clockSeconds(String(strip.payload.value))).toBeLessThanOrEqual(FIRST_MS / 1000);
		const warning = await waitForImage(host, adKey, (t) => t.includes("AD IN"), { since, timeoutMs: 15_000 });
		expect(clockSeconds(warning.find((t) => clockSeconds(t) !== undefined)!)).toBeLessThanOrEqual(4);
		await waitForCommand(host, adDial, "setFeedback", (c) => c.payload.title === "Ad soon · turn: +5 min", { since });

		const holdAt = host.commands.length;
		await host.press(adKey, LONG_PRESS_MS);
		await waitForCommand(host, adKey, "showOk", undefined, { since: holdAt });
		const snoozed = await waitForImage(host, adKey, (t) => t.includes("NEXT AD"), { since: holdAt });
		// Moved 5 "minutes" later than it was due (the 16 s mark, at most the 4 s warning away): 40–45 s away now.
		const away = clockSeconds(snoozed.find((t) => clockSeconds(t) !== undefined)!)!;
		expect(away).toBeGreaterThanOrEqual(SNOOZE_MS / 1000 - 1);
		expect(away).toBeLessThanOrEqual(SNOOZE_MS / 1000 + 5);
		expect(launchRequests(sandbox.requests)).toEqual([]); // a long press never launches
	}, 40_000);

	it("launches the snoozed break when it is due, then exactly one break per interval", async () => {
		const { host } = stack;
		const since = host.commands.length;
		const first = await launchNumber(1, FIRST_MS + SNOOZE_MS + 10_000);
		expect(first - onAirAt).toBeGreaterThan(FIRST_MS + SNOOZE_MS - SLACK_MS);
		expect(first - onAirAt).toBeLessThan(FIRST_MS + SNOOZE_MS + SLACK_MS);
		// The key says the automatic break went out, then counts it down like a pressed one.
		await waitForCommand(host, adKey, "showOk", undefined, { since, timeoutMs: 5_000 });
		await waitForImage(host, adKey, /^ADS 0:\d\d ON AIR$/, { since, timeoutMs: 5_000 });

		const second = await launchNumber(2, EVERY_MS + 10_000);
		expect(second - first).toBeGreaterThan(EVERY_MS - SLACK_MS);
		expect(second - first).toBeLessThan(EVERY_MS + SLACK_MS);
		// Nothing between the two, and the schedule never fires into a running break.
		expect(launches()).toHaveLength(2);
		expect(launchRequests(stack.sandbox.requests).filter((r) => r.status !== 200)).toEqual([]);
	}, 120_000);

	it("a restart mid-break keeps the next break's time (anchored on the live's last break)", async () => {
		const { host } = stack;
		const second = launches()[1]!.at;
		await sleep(Math.max(0, second + 5_000 - Date.now()));
		const beforeRestart = host.commands.length;
		await host.restart();
		await waitForImage(host, adKey, /^ADS 0:\d\d ON AIR$/, { since: beforeRestart, timeoutMs: 15_000 });
		await waitForImage(host, adKey, (t) => t.includes("AD IN"), { since: beforeRestart, timeoutMs: EVERY_MS });
		const third = await launchNumber(3, EVERY_MS);
		expect(third - second).toBeGreaterThan(EVERY_MS - SLACK_MS);
		expect(third - second).toBeLessThan(EVERY_MS + SLACK_MS);
		expect(launches()).toHaveLength(3);
	}, 90_000);

	it("stops at quota 0 and says so on the key", async () => {
		const { host, sandbox } = stack;
		const third = launches()[2]!.at;
		sandbox.useAdBreakQuota(liveId, 0);
		const since = host.commands.length;
		// The poll reads the quota within 10 s; the break ends 35 s after its launch.
		await waitForImage(host, adKey, (t) => t.includes("0 LEFT") && t.includes("HOURLY QUOTA"), { since, timeoutMs: 45_000 });
		await sleep(Math.max(0, third + EVERY_MS + 8_000 - Date.now()));
		expect(launchRequests(sandbox.requests)).toHaveLength(3);
		expect(commandsSince(host, since, adKey, "setImage").map((c) => imageTexts(c.payload.image as string)).filter((t) => t.includes("AD IN"))).toEqual([]);
		await expectPluginHealthy(stack);
	}, 90_000);
});
