/**
 * Stream Deck host faults through the built plugin: many keys at once, duplicate and unknown events, hostile
 * settings, settings changing under a running action, and the app closing the socket.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPEAT_WINDOW_MS } from "../../src/live/live-creator.ts";
import { parseCreateLiveSettings } from "../../src/settings/create-live.ts";
import type { DeviceInfo } from "../harness/host/index.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	createLiveWithKey,
	currentLog,
	eventually,
	expectPluginHealthy,
	pressCreate,
	PROFILE_VIDEOS_PATH,
	requestsTo,
	UUID,
	VIDEO_PATH,
	waitForCommand,
	waitForTitle,
} from "./support.ts";

const DEVICES: DeviceInfo[] = ["XL-A", "XL-B", "XL-C", "XL-D"].map((id) => ({ id, name: id, size: { columns: 8, rows: 4 }, type: 2 }));
const KEY_ACTIONS = [UUID.create, UUID.obs, UUID.stream, UUID.adBreak, UUID.adToggle, UUID.status];
const LIVE_ACTIONS = new Set<string>([UUID.adBreak, UUID.adToggle, UUID.status]);

let stack: Stack;
let createKey: string;
let liveId: string;

beforeAll(async () => {
	stack = await startStack({ host: { devices: DEVICES } });
	createKey = stack.host.appear({ action: UUID.create, device: "XL-A", settings: { title: "Host faults", afterCreate: "none" } });
	liveId = (await createLiveWithKey(stack, createKey)).id;
});

afterAll(async () => {
	await stack?.close();
});

describe("many keys at once", () => {
	it("renders 50 keys on 4 devices and reads the shared live once per poll", async () => {
		const since = stack.host.commands.length;
		const gets = requestsTo(stack.sandbox.requests, "GET", VIDEO_PATH).length;
		const started = Date.now();

		const contexts = Array.from({ length: 50 }, (_, i) =>
			stack.host.appear({ action: KEY_ACTIONS[i % KEY_ACTIONS.length]!, device: DEVICES[i % DEVICES.length]!.id }),
		);
		// A repeated willAppear (the app re-sends it on profile switches) must not add a watcher or a poller.
		for (const context of contexts.slice(0, 10)) stack.host.appearAgain(context);

		await eventually(
			() => contexts.every((c) => stack.host.commands.slice(since).some((cmd) => cmd.context === c && cmd.event === "setImage")),
			"every key drew an image",
			20_000,
		);
		// Let one full poll interval (10 s) pass: the 28 live keys still make one read per interval.
		await new Promise((resolve) => setTimeout(resolve, 11_000));
		const reads = requestsTo(stack.sandbox.requests, "GET", VIDEO_PATH).slice(gets).filter((r) => r.path.endsWith(liveId));
		const intervals = Math.floor((Date.now() - started) / 10_000) + 1;
		expect(contexts.filter((_, i) => LIVE_ACTIONS.has(KEY_ACTIONS[i % KEY_ACTIONS.length]!)).length).toBeGreaterThan(20);
		expect(reads.length).toBeGreaterThanOrEqual(1);
		expect(reads.length).toBeLessThanOrEqual(intervals);

		for (const context of contexts) stack.host.disappear(context);
		await expectPluginHealthy(stack);
	}, 60_000);
});

describe("unexpected events", () => {
	it("ignores events for unknown contexts, unknown actions and malformed payloads", async () => {
		const device = DEVICES[0]!.id;
		const coordinates = { column: 7, row: 3 };
		const junk: object[] = [
			{ event: "keyDown", action: UUID.adBreak, context: "NOT-A-KEY", device, payload: { settings: {}, coordinates, isInMultiAction: false } },
			{ event: "keyUp", action: UUID.stream, context: "NOT-A-KEY-2", device, payload: { settings: {}, coordinates, isInMultiAction: false } },
			{ event: "willDisappear", action: UUID.status, context: "NEVER-APPEARED", device, payload: { settings: {}, coordinates } },
			{ event: "didReceiveSettings", action: UUID.adBreak, context: "NOT-A-KEY", device, payload: { settings: { cooldown: "x" }, coordinates } },
			{ event: "sendToPlugin", action: UUID.create, context: "NOT-A-KEY", payload: { event: "lives", requestId: "r1" } },
			{ event: "keyDown", action: "com.example.other.action", context: "FOREIGN", device, payload: { settings: {}, coordinates } },
			{ event: "dialRotate", action: UUID.adBreak, context: "NOT-A-DIAL", device, payload: { settings: {}, coordinates, ticks: 3 } },
			{ event: "noSuchEvent", context: "X" },
			{ event: "didReceiveGlobalSettings", payload: { settings: "not an object" } },
			{ event: "keyDown" },
			{},
		];
		for (const message of junk) stack.host.sendRaw(message);
		// The stored global settings were clobbered by the junk above, as a buggy inspector could: restore them.
		stack.host.piSetGlobalSettings(stack.host.globalSettings);

		const adBreak = stack.host.appear({ action: UUID.adBreak, device });
		const since = stack.host.commands.length;
		await stack.host.press(adBreak);
		await waitForCommand(stack.host, adBreak, "showAlert", undefined, { since }); // the live is off air: a real answer, not silence
		await expectPluginHealthy(stack);
		stack.host.disappear(adBreak);
	});

	it("survives hostile action and global settings: every press gets its key's answer, bad ones alert with a message", async () => {
		const hostile = fc.sample(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom("title", "channel", "cooldown", "afterCreate", "start", "forKids", "private"), fc.anything())), { numRuns: 24, seed: 7 });
		const keys = KEY_ACTIONS.map((action) => ({ action, context: stack.host.appear({ action, device: DEVICES[1]!.id }) }));
		let lastCreateAnswer = 0;
		let refusedCreates = 0;

		for (const [i, raw] of hostile.entries()) {
			const settings = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : { value: raw };
			const { action, context: key } = keys[i % keys.length]!;
			const what = `${action} pressed with ${fc.stringify(settings)}`;
			stack.host.piSetSettings(key, settings);
			const since = stack.host.commands.length;
			stack.host.keyDown(key);
			stack.host.keyUp(key);
			const answer = await stack.host.waitFor(
				(c) => (c.context === key && (c.event === "showAlert" || c.event === "showOk")) || c.event === "openUrl",
				{ since, timeoutMs: 15_000 },
			);
			switch (action) {
				case UUID.create: {
					lastCreateAnswer = answer.at;
					if (parseCreateLiveSettings(settings).problems.length > 0) {
						refusedCreates++;
						expect(answer.event, what).toBe("showAlert");
						await eventually(() => stack.host.lastTitle(key) === "Check\nsettings", `"Check settings" after ${what}`);
					} else if (answer.event === "showAlert") {
						// Valid settings (defaults filled in): a live, then the OBS step, which says why it failed.
						await eventually(() => !["", "Creating…"].includes(stack.host.lastTitle(key) ?? ""), `a reason after ${what}`);
					}
					break;
				}
				case UUID.obs:
				case UUID.stream: // OBS is not running in this stack
					expect(answer.event, what).toBe("showAlert");
					await eventually(() => stack.host.lastTitle(key) === "OBS not\nrunning", `"OBS not running" after ${what}`);
					break;
				case UUID.adBreak: // the live is off air
					expect(answer.event, what).toBe("showAlert");
					break;
				case UUID.adToggle: // flips ad breaks on the live (these settings are ignored)
					expect(answer.event, what).toBe("showOk");
					break;
				case UUID.status: // opens the live's page
					expect(answer.event, what).toBe("openUrl");
					break;
			}
		}

		expect(refusedCreates, "Create Live presses with settings its schema rejects").toBeGreaterThan(0);

		// Hostile global settings: the keys still answer, with an alert.
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, apiMode: 42, obsUrl: ["ws://"], cooldown: {}, liveId: "../../etc" });
		for (const { context } of keys.filter((k) => k.action === UUID.adBreak || k.action === UUID.stream)) {
			const since = stack.host.commands.length;
			await stack.host.press(context);
			await waitForCommand(stack.host, context, "showAlert", undefined, { since, timeoutMs: 15_000 });
		}
		await expectPluginHealthy(stack);

		// Valid settings again: the keys work (once Create Live's repeat window after a hostile create is over).
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, apiMode: "partner", obsUrl: "ws://127.0.0.1:9", liveId });
		stack.host.piSetSettings(createKey, { title: "After hostile settings", afterCreate: "none" });
		const windowLeft = lastCreateAnswer + REPEAT_WINDOW_MS + 100 - performance.now();
		if (windowLeft > 0) await new Promise((resolve) => setTimeout(resolve, windowLeft));
		await createLiveWithKey(stack, createKey);
		for (const { context } of keys) stack.host.disappear(context);
	}, 90_000);
});

describe("logging levels", () => {
	it("logs at info by default and adds debug lines only while the debugLogging setting is on", async () => {
		expect(currentLog()).toMatch(/ INFO /);
		expect(currentLog()).not.toMatch(/ DEBUG /);

		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, debugLogging: true });
		const adBreak = stack.host.appear({ action: UUID.adBreak });
		await stack.host.press(adBreak); // off air: re-reads the live, which logs the request at debug level
		await eventually(() => / DEBUG /.test(currentLog()), "a debug line", 10_000);

		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, debugLogging: false });
		await new Promise((resolve) => setTimeout(resolve, 200));
		const debugLines = currentLog().match(/ DEBUG /g)?.length ?? 0;
		const since = stack.host.commands.length;
		await stack.host.press(adBreak);
		await waitForCommand(stack.host, adBreak, "showAlert", undefined, { since });
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(currentLog().match(/ DEBUG /g)?.length ?? 0).toBe(debugLines);
		stack.host.disappear(adBreak);
	});
});

describe("settings changing while an action runs", () => {
	it("keeps the inspector's global change and the new live, and creates with the settings of the press", async () => {
		stack.host.piSetSettings(createKey, { title: "Slow create", afterCreate: "none" });
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, delayMs: 1_500 });

		const since = await pressCreate(stack.host, createKey);
		await eventually(() => requestsTo(stack.sandbox.requests, "POST", PROFILE_VIDEOS_PATH).some((r) => r.form.title === "Slow create"), "create sent");
		// While the create is under way the user edits both the key and the global settings in the inspector.
		stack.host.piSetSettings(createKey, { title: "Edited meanwhile", afterCreate: "none" });
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, obsUrl: "ws://127.0.0.1:10", debugLogging: true });

		await stack.host.waitFor((c) => c.context === createKey && c.event === "showOk", { since, timeoutMs: 15_000 });
		const created = stack.sandbox.lives().find((l) => l.title === "Slow create");
		expect(created).toBeDefined();
		await eventually(() => stack.host.globalSettings.liveId === created!.id, "new live saved");
		expect(stack.host.globalSettings).toMatchObject({ obsUrl: "ws://127.0.0.1:10", debugLogging: true, liveId: created!.id });
		expect(stack.sandbox.lives().some((l) => l.title === "Edited meanwhile")).toBe(false);
		await waitForTitle(stack.host, createKey, (t) => /Slow/.test(t), { since });
		await expectPluginHealthy(stack);
	});
});

describe("the app closing the socket", () => {
	it("exits promptly with code 0 even with pollers, OBS retries and a request in flight", async () => {
		stack.host.appear({ action: UUID.status });
		stack.host.appear({ action: UUID.stream }); // OBS is not running: reconnect timers are armed
		stack.sandbox.inject({ method: "GET", path: VIDEO_PATH, delayMs: 20_000, times: 5 });
		const adBreak = stack.host.appear({ action: UUID.adBreak });
		await stack.host.press(adBreak); // off air → re-reads the live: a request that will not answer in time

		const exit = await stack.host.stop({ graceMs: 3_000 });

		// SIGKILL after the grace period would show as signal "SIGKILL".
		expect(exit).toEqual({ code: 0, signal: null });
		expect(stack.host.stderr).not.toMatch(/Unhandled|Error/);
	});
});
