/**
 * A start OBS never confirms (STARTING, then silence) must not leave the Stream key on "Starting…" for good: after the
 * start times out, the tracked stream state follows what OBS reports. Fake OBS: real OBS cannot stall on cue.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { isObsError } from "../../src/obs/errors.ts";
import { startStream } from "../../src/obs/stream.ts";
import { streamPhase } from "../../src/live/stream-control.ts";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";

let fake: FakeObs;
let obs: ObsConnection;

beforeEach(async () => {
	fake = await startFakeObs();
	obs = new ObsConnection({ logger: silentLogger });
	obs.configure(fake.url, undefined);
	await obs.ready(5_000);
});

afterEach(async () => {
	await obs.dispose();
	await fake.close();
});

it("a start that stalls at STARTING ends with the key offline, not connecting", async () => {
	// OBS accepts the start, reports STARTING, then never STARTED (and its status says the output is not active).
	fake.handle("StartStream", (_data, f) => {
		setTimeout(() => f.emit("StreamStateChanged", { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_STARTING" }), 5);
	});
	const error = await startStream(obs, { timeoutMs: 300 }).catch((e: unknown) => e);
	expect(isObsError(error) && error.code).toBe("start-failed");
	expect(streamPhase(obs.status, obs.stream)).toBe("offline");
});
