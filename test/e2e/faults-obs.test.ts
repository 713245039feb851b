/**
 * OBS faults through the built plugin. Real OBS and the real RTMP ingest for what OBS does by itself (not running,
 * killed, restarted, wrong password, settings refused while live, a start the ingest refuses); the in-process fake
 * for what real OBS will not do on cue (kick a session, never answer, never confirm a start).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import { createLiveWithKey, eventually, expectPluginHealthy, isLiveTitle, LONG_PRESS_MS, requireObsAndIngest, UUID, waitForCommand, waitForTitle } from "./support.ts";

const runObs = requireObsAndIngest("e2e faults-obs");
/** OBS reconnects back off up to 30 s; a restarted OBS takes a few seconds to start. */
const RECONNECT_MS = 45_000;

describe.skipIf(!runObs)("real OBS", () => {
	let stack: Stack;
	let createKey: string;
	let sendKey: string;
	let streamKey: string;
	let liveId: string;

	beforeAll(async () => {
		stack = await startStack({ obs: true, ingest: true });
		createKey = stack.host.appear({ action: UUID.create, settings: { title: "OBS faults", afterCreate: "none" } });
		sendKey = stack.host.appear({ action: UUID.obs, settings: { start: false } });
		liveId = (await createLiveWithKey(stack, createKey)).id;
	}, 90_000);

	afterAll(async () => {
		await stack?.close();
	});

	it("not running when the keys appear: says so, then connects by itself once OBS starts", async () => {
		await stack.obs!.kill();
		streamKey = stack.host.appear({ action: UUID.stream });
		await waitForTitle(stack.host, streamKey, "OBS not\nrunning");
		const since = stack.host.commands.length;
		await stack.host.press(sendKey);
		await waitForTitle(stack.host, sendKey, "OBS not\nrunning", { since, timeoutMs: 15_000 });

		await stack.obs!.restart();

		await waitForTitle(stack.host, streamKey, "Go live", { timeoutMs: RECONNECT_MS, since });
		const again = stack.host.commands.length;
		await stack.host.press(sendKey);
		await waitForTitle(stack.host, sendKey, "OBS\nready", { since: again, timeoutMs: 15_000 });
	}, 120_000);

	it("refuses to change the stream settings while live, and the stream goes on", async () => {
		const since = stack.host.commands.length;
		await stack.host.press(streamKey);
		await waitForTitle(stack.host, streamKey, isLiveTitle, { since, timeoutMs: 30_000 });
		await eventually(() => stack.sandbox.live(liveId)?.onair === true, "on air", 20_000);

		const before = stack.host.commands.length;
		await stack.host.press(sendKey);

		await waitForTitle(stack.host, sendKey, "Stop\nstream first", { since: before, timeoutMs: 15_000 });
		expect(stack.ingest!.done).toHaveLength(0);
		expect(stack.sandbox.live(liveId)?.onair).toBe(true);
	}, 60_000);

	it("killed mid-stream: says OBS is not running, then streams again after OBS restarts and a press", async () => {
		const since = stack.host.commands.length;
		await stack.obs!.kill();

		await waitForTitle(stack.host, streamKey, "OBS not\nrunning", { since, timeoutMs: 15_000 });
		await eventually(() => stack.sandbox.live(liveId)?.onair === false, "the ingest saw the publisher leave", 20_000);

		await stack.obs!.restart();
		await waitForTitle(stack.host, streamKey, "Go live", { since, timeoutMs: RECONNECT_MS });
		const again = stack.host.commands.length;
		await stack.host.press(streamKey);
		await waitForTitle(stack.host, streamKey, isLiveTitle, { since: again, timeoutMs: 30_000 });
		await eventually(() => stack.sandbox.live(liveId)?.onair === true, "on air again", 20_000);
	}, 150_000);

	it("wrong password: says so without retrying in a loop; the right one reconnects and the stream never stopped", async () => {
		const since = stack.host.commands.length;
		const password = stack.host.globalSettings.obsPassword;
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, obsPassword: "not-the-password" });

		const refused = await waitForTitle(stack.host, streamKey, "OBS\npassword", { since, timeoutMs: 15_000 });
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		// No retry loop: a retry would flip the key to "connecting" and back.
		const later = stack.host.commandsFor(streamKey, "setTitle").filter((c) => c.at > refused.at);
		expect(later).toHaveLength(0);
		const pressed = stack.host.commands.length;
		await stack.host.press(streamKey);
		await waitForCommand(stack.host, streamKey, "showAlert", undefined, { since: pressed });

		const fixed = stack.host.commands.length;
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, obsPassword: password });
		await waitForTitle(stack.host, streamKey, isLiveTitle, { since: fixed, timeoutMs: 15_000 });
		expect(stack.sandbox.live(liveId)?.onair).toBe(true);
	}, 60_000);

	it("a start the ingest refuses (the live was deleted): 'Stream failed', and a new live streams", async () => {
		const stopAt = stack.host.commands.length;
		await stack.host.press(streamKey, LONG_PRESS_MS); // long press stops
		await waitForTitle(stack.host, streamKey, "Go live", { since: stopAt, timeoutMs: 20_000 });
		stack.sandbox.deleteLive(liveId);

		const since = stack.host.commands.length;
		await stack.host.press(streamKey);
		// Pressed right after "Go live" showed: OBS may still be settling from the stop, and the start must wait for it.
		await waitForTitle(stack.host, streamKey, "Stream\nfailed", { since, timeoutMs: 30_000 });
		await waitForTitle(stack.host, streamKey, "Go live", { since, timeoutMs: 15_000 });

		stack.host.piSetSettings(createKey, { title: "OBS faults (new live)", afterCreate: "obs-start" });
		const create = stack.host.commands.length;
		await stack.host.press(createKey);
		await stack.host.waitFor((c) => c.context === createKey && c.event === "showOk", { since: create, timeoutMs: 45_000 });
		await waitForTitle(stack.host, streamKey, isLiveTitle, { since: create, timeoutMs: 15_000 });
		await expectPluginHealthy(stack);
	}, 120_000);
});

describe("OBS misbehaving (protocol fake)", () => {
	let fake: FakeObs;
	let stack: Stack;
	let streamKey: string;
	let sendKey: string;

	beforeAll(async () => {
		fake = await startFakeObs({ password: "fake-obs-password" });
		stack = await startStack({ globalSettings: { obsUrl: fake.url, obsPassword: "fake-obs-password" } });
		const createKey = stack.host.appear({ action: UUID.create, settings: { title: "Fake OBS", afterCreate: "none" } });
		await createLiveWithKey(stack, createKey);
		streamKey = stack.host.appear({ action: UUID.stream });
		sendKey = stack.host.appear({ action: UUID.obs });
		await waitForTitle(stack.host, streamKey, "Go live");
	}, 60_000);

	afterAll(async () => {
		await stack?.close();
		await fake?.close();
	});

	it("kicked: says so, does not reconnect on its own, and a press reconnects", async () => {
		const since = stack.host.commands.length;
		fake.kick(4011, "Kicked by the user");

		await waitForTitle(stack.host, streamKey, "OBS\nkicked", { since });
		const connections = fake.connections;
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(fake.connections).toBe(connections);

		await stack.host.press(streamKey);
		await waitForTitle(stack.host, streamKey, "Go live", { since, timeoutMs: 10_000 });
		expect(fake.connections).toBe(connections + 1);
		expect(fake.requests.filter((r) => r.requestType === "StartStream")).toHaveLength(0); // reconnect only
	});

	it("slow answers: a call that never answers times out with 'OBS not answering'", async () => {
		fake.hang("SetStreamServiceSettings");
		const since = stack.host.commands.length;

		await stack.host.press(sendKey);

		await waitForTitle(stack.host, sendKey, "OBS not\nanswering", { since, timeoutMs: 20_000 });
		await waitForCommand(stack.host, sendKey, "showAlert", undefined, { since });
		fake.handle("SetStreamServiceSettings", () => undefined);
	}, 30_000);

	it("a start OBS never confirms: 'Stream failed' after the wait, never a stuck key", async () => {
		fake.handle("StartStream", () => undefined); // accepted, but no STARTED event ever comes
		const since = stack.host.commands.length;

		await stack.host.press(streamKey);

		await waitForTitle(stack.host, streamKey, "Stream\nfailed", { since, timeoutMs: 25_000 });
		await waitForTitle(stack.host, streamKey, "Go live", { since, timeoutMs: 10_000 });
		await expectPluginHealthy(stack);
	}, 40_000);
});
