/**
 * The plugin restarting mid-show (crash, update, Stream Deck restart) loses nothing: the ad-break countdown comes
 * back from the API's end time, the stream state from OBS, and OBS keeps streaming throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../harness/stack.ts";
import { expectPluginHealthy, goLiveWithAdBreak, joinTexts, requireObsAndIngest, UUID, waitForCommand, waitForImage, waitForTitle } from "./support.ts";

const runObs = requireObsAndIngest("e2e restart");

let stack: Stack;

beforeAll(async () => {
	if (!runObs) return;
	stack = await startStack({ obs: true, ingest: true });
}, 90_000);

afterAll(async () => {
	await stack?.close();
});

describe.skipIf(!runObs)("plugin restart", () => {
	it("mid-stream and mid-countdown: the keys come back with the stream live and the break counting down", async () => {
		const { host, sandbox } = stack;
		const createKey = host.appear({ action: UUID.create, settings: { title: "Restart show", afterCreate: "obs-start" } });
		const streamKey = host.appear({ action: UUID.stream });
		const adBreakKey = host.appear({ action: UUID.adBreak });
		const statusKey = host.appear({ action: UUID.status });

		const liveId = await goLiveWithAdBreak(stack, { createKey, streamKey, adBreakKey });
		const endTime = sandbox.live(liveId)!.adBreakEndTime!;
		const publishes = stack.ingest!.publishes.length;

		const beforeRestart = host.commands.length;
		await host.restart();

		// State comes back from OBS (streaming) and the API (break end time), not from the old process.
		await waitForTitle(host, streamKey, "LIVE", { since: beforeRestart, timeoutMs: 20_000 });
		const countdown = await waitForImage(host, adBreakKey, /^ADS 0:\d\d ON AIR$/, { since: beforeRestart, timeoutMs: 15_000 });
		expect(endTime - Date.now() / 1000).toBeGreaterThan(0); // still within the break: the key really resumed it
		const shownSeconds = Number(/0:(\d\d)/.exec(joinTexts(countdown))![1]);
		expect(shownSeconds).toBeGreaterThan(0);
		expect(shownSeconds).toBeLessThanOrEqual(35);
		await waitForImage(host, statusKey, /ON AIR/, { since: beforeRestart, timeoutMs: 15_000 });
		expect(host.globalSettings.liveId).toBe(liveId);
		// OBS never stopped: no new publish, the live stayed on air, one break launched.
		expect(stack.ingest!.publishes.length).toBe(publishes);
		expect(stack.ingest!.done).toHaveLength(0);
		expect(sandbox.live(liveId)).toMatchObject({ onair: true });
		expect(sandbox.live(liveId)!.adBreakLaunches).toHaveLength(1);

		// A press during the resumed countdown sends nothing.
		const posts = sandbox.requests.filter((r) => r.method === "POST").length;
		const beforePress = host.commands.length;
		await host.press(adBreakKey);
		await waitForCommand(host, adBreakKey, "showAlert", undefined, { since: beforePress });
		expect(sandbox.requests.filter((r) => r.method === "POST").length).toBe(posts);
		await expectPluginHealthy(stack);
	}, 150_000);
});
