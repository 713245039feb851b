/**
 * The built plugin on Linux as OpenDeck runs it: the system Node 20 from PATH (no flags, `Nodejs.Version` ignored),
 * through the host simulator's "opendeck" profile (folder name as UUID, OpenDeck's -info, readable contexts, no `id`
 * on replies, undecodable getSecrets/getResources…, SIGKILL on reload), against real OBS, the real ingest and the
 * sandbox: create → OBS configured → stream → ad break countdown → reload (countdown resumes) → quit (clean exit).
 * Under CI=true a missing or wrong Node 20 (OPENDECK_NODE, else the system `node`) fails this file.
 */
import { OBSWebSocket } from "obs-websocket-js/json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "../harness/host/index.ts";
import { isSupportedNode20, nodeVersion, processBinary, requireOpenDeckNode, type OpenDeckNode } from "../harness/opendeck-node.ts";
import type { LiveRecord } from "../harness/sandbox/index.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	expectPluginHealthy,
	imageClock,
	isLiveTitle,
	launchRequests,
	pressAndSettle,
	requireObsAndIngest,
	UUID,
	waitForCommand,
	waitForImage,
	waitForTitle,
} from "./support.ts";

const node20 = requireOpenDeckNode("e2e OpenDeck on Node 20");
const run = requireObsAndIngest("e2e OpenDeck") && node20 !== undefined;

/** The version of the binary the running plugin process executes, read from the process itself. */
function runningNodeVersion(host: Host): string | undefined {
	return nodeVersion(processBinary(host.pid!));
}

/** Whole seconds left of the sandbox's running break, as a key shows them. */
function serverSecondsLeft(live: LiveRecord | undefined): number {
	return Math.ceil((live?.adBreakEndTime ?? 0) - Date.now() / 1000);
}

const isCountdown = (texts: string[]) => texts.includes("ADS") && imageClock(texts) !== undefined;

describe.skipIf(!run)("OpenDeck on Linux: the plugin on Node 20 through a whole show", () => {
	let stack: Stack;
	let obs: OBSWebSocket;
	let live: LiveRecord;
	const keys = { create: "", stream: "", adBreak: "", status: "" };

	beforeAll(async () => {
		const { env } = node20 as OpenDeckNode;
		stack = await startStack({ obs: true, ingest: true, host: { profile: "opendeck", env } });
		obs = new OBSWebSocket();
		await obs.connect(stack.obs!.url, stack.obs!.password);
		const { host } = stack;
		keys.create = host.appear({ action: UUID.create, settings: { title: "Linux show", afterCreate: "obs" } });
		keys.stream = host.appear({ action: UUID.stream });
		keys.adBreak = host.appear({ action: UUID.adBreak });
		keys.status = host.appear({ action: UUID.status });
	}, 90_000);

	afterAll(async () => {
		await obs?.disconnect().catch(() => undefined);
		await stack?.close();
		node20?.dispose();
	});

	it("runs on the system Node 20, registered under the folder name with OpenDeck's contexts", async () => {
		const { host } = stack;
		const version = runningNodeVersion(host);
		expect(version).toBe(node20!.version);
		expect(isSupportedNode20(version ?? ""), `plugin runs on ${version}`).toBe(true);
		expect(host.profile).toBe("opendeck");
		expect(host.pluginUUID).toBe("com.dailymotion.live.sdPlugin");
		expect(keys.create).toBe("DEV1.Default.Keypad.0.0");
		await waitForTitle(host, keys.stream, "Go live", { timeoutMs: 20_000 });
		await waitForImage(host, keys.adBreak, /NO LIVE/);
	});

	it("Create Live makes the live and puts its server and stream key into OBS", async () => {
		const { host, sandbox, ingest } = stack;
		const { outcome, title } = await pressAndSettle(host, keys.create);
		expect(outcome, title).toBe("ok");
		expect(sandbox.lives()).toHaveLength(1);
		live = sandbox.lives()[0]!;
		expect(host.globalSettings.liveId).toBe(live.id);
		const saved = await obs.call("GetStreamServiceSettings");
		const settings = saved.streamServiceSettings as { server: string; key: string };
		expect(settings.server).toBe(ingest!.url);
		expect(settings.key).toBe(`${live.id}?auth=${live.publishToken}`);
	});

	it("Stream On/Off starts OBS, the ingest puts the live on air, and Ad Break turns READY", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		await host.press(keys.stream);
		await waitForTitle(host, keys.stream, isLiveTitle, { since, timeoutMs: 20_000 });
		expect((await obs.call("GetStreamStatus")).outputActive).toBe(true);
		await expect.poll(() => sandbox.live(live.id)?.onair, { timeout: 15_000 }).toBe(true);
		await waitForImage(host, keys.adBreak, /READY/, { since, timeoutMs: 15_000 });
		await waitForImage(host, keys.status, /ON AIR/, { since, timeoutMs: 15_000 });
	});

	it("Ad Break launches one break and counts it down from Dailymotion's end time", async () => {
		const { host, sandbox } = stack;
		const since = host.commands.length;
		await host.press(keys.adBreak);
		await waitForCommand(host, keys.adBreak, "showOk", undefined, { since, timeoutMs: 20_000 });
		expect(launchRequests(sandbox.requests)).toHaveLength(1);
		const texts = await waitForImage(host, keys.adBreak, isCountdown, { since });
		// The key shows the server's seconds left (one tick of slack for a frame drawn just before a boundary).
		expect(Math.abs(imageClock(texts)! - serverSecondsLeft(sandbox.live(live.id)))).toBeLessThanOrEqual(1);
	});

	it("after OpenDeck reloads the plugin (SIGKILL, relaunch), the countdown resumes and a press sends nothing", async () => {
		const { host, sandbox } = stack;
		const before = { pid: host.pid, exited: host.exited, commands: host.commands.length };
		await host.restart();
		expect(await before.exited).toEqual({ code: null, signal: "SIGKILL" });
		expect(host.pid).not.toBe(before.pid);
		expect(runningNodeVersion(host)).toBe(node20!.version);

		const texts = await waitForImage(host, keys.adBreak, isCountdown, { since: before.commands, timeoutMs: 15_000 });
		expect(serverSecondsLeft(sandbox.live(live.id))).toBeGreaterThan(0); // still within the break: it really resumed
		expect(Math.abs(imageClock(texts)! - serverSecondsLeft(sandbox.live(live.id)))).toBeLessThanOrEqual(1);
		await waitForTitle(host, keys.stream, isLiveTitle, { since: before.commands, timeoutMs: 20_000 });

		const posts = sandbox.requests.filter((r) => r.method === "POST").length;
		const beforePress = host.commands.length;
		await host.press(keys.adBreak);
		await waitForCommand(host, keys.adBreak, "showAlert", undefined, { since: beforePress });
		expect(sandbox.requests.filter((r) => r.method === "POST").length).toBe(posts);
		expect(launchRequests(sandbox.requests)).toHaveLength(1);
	});

	it("asks OpenDeck for nothing it cannot answer, and quits cleanly when OpenDeck closes the socket", async () => {
		const { host } = stack;
		expect(host.undecodable.map((c) => c.event)).toEqual([]);
		await expectPluginHealthy(stack);
		expect(await host.stop()).toEqual({ code: 0, signal: null });
		// The plugin never stops a stream when it exits.
		expect((await obs.call("GetStreamStatus")).outputActive).toBe(true);
	});
});
