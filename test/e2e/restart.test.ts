/**
 * The plugin restarting mid-show (crash, update, Stream Deck restart) loses nothing: the ad-break countdown comes
 * back from the API's end time, the stream state from OBS, and OBS keeps streaming throughout. The whole show
 * (create → OBS → on air → ad break countdown → restart) runs on the legacy API and on API v2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	BOTH_APIS,
	currentLiveIdOf,
	expectPluginHealthy,
	goLiveWithAdBreak,
	isLiveTitle,
	joinTexts,
	launchRequests,
	requestsTo,
	requireObsAndIngest,
	UUID,
	waitForCommand,
	waitForImage,
	waitForTitle,
} from "./support.ts";

const runObs = requireObsAndIngest("e2e restart");

describe.skipIf(!runObs).each(BOTH_APIS)("plugin restart ($name API)", (api) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ mode: api.account, obs: true, ingest: true });
	}, 90_000);

	afterAll(async () => {
		await stack?.close();
	});

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
		await waitForTitle(host, streamKey, isLiveTitle, { since: beforeRestart, timeoutMs: 20_000 });
		const countdown = await waitForImage(host, adBreakKey, /^ADS 0:\d\d ON AIR$/, { since: beforeRestart, timeoutMs: 15_000 });
		expect(endTime - Date.now() / 1000).toBeGreaterThan(0); // still within the break: the key really resumed it
		const shownSeconds = Number(/0:(\d\d)/.exec(joinTexts(countdown))![1]);
		expect(shownSeconds).toBeGreaterThan(0);
		expect(shownSeconds).toBeLessThanOrEqual(35);
		await waitForImage(host, statusKey, /ON AIR/, { since: beforeRestart, timeoutMs: 15_000 });
		expect(currentLiveIdOf(host)).toBe(liveId);
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
		// Each API's requests went to that API only: one create and one launch there.
		expect(requestsTo(sandbox.requests, "POST", api.createPath).map((r) => r.status)).toEqual([api.createdStatus]);
		expect(launchRequests(sandbox.requests).map((r) => r.path)).toEqual([api.launchPath(liveId)]);
		const other = api.name === "v2" ? /^\/(rest|oauth|user-api)\b/ : /^\/v2\//;
		expect(sandbox.requests.filter((r) => other.test(r.path))).toEqual([]);
		await expectPluginHealthy(stack);
	}, 150_000);
});
