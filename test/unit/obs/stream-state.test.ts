import { describe, expect, it } from "vitest";
import { applyStreamEvent, streamFromStatus, unknownStream } from "../../../src/obs/stream-state.ts";

const status = (over: Partial<Parameters<typeof streamFromStatus>[0]>) => ({
	outputActive: false,
	outputReconnecting: false,
	outputTimecode: "00:00:00.000",
	outputDuration: 0,
	outputCongestion: 0,
	outputBytes: 0,
	outputSkippedFrames: 0,
	outputTotalFrames: 0,
	...over,
});

describe("obs stream state", () => {
	it("records the start time on STARTED and keeps it across a reconnect", () => {
		const started = applyStreamEvent(unknownStream, { outputActive: true, outputState: "OBS_WEBSOCKET_OUTPUT_STARTED" }, 1000);
		const reconnecting = applyStreamEvent(started, { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_RECONNECTING" }, 5000);
		const back = applyStreamEvent(reconnecting, { outputActive: true, outputState: "OBS_WEBSOCKET_OUTPUT_RECONNECTED" }, 9000);
		expect(started).toEqual({ active: true, reconnecting: false, state: "OBS_WEBSOCKET_OUTPUT_STARTED", since: 1000 });
		expect(reconnecting).toMatchObject({ active: false, reconnecting: true, since: 1000 });
		expect(back).toMatchObject({ active: true, reconnecting: false, since: 1000 });
	});

	it("clears the start time on STOPPED", () => {
		const started = applyStreamEvent(unknownStream, { outputActive: true, outputState: "OBS_WEBSOCKET_OUTPUT_STARTED" }, 1000);
		const stopped = applyStreamEvent(started, { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_STOPPED" }, 2000);
		expect(stopped).toEqual({ active: false, reconnecting: false, state: "OBS_WEBSOCKET_OUTPUT_STOPPED", since: null });
	});

	it("derives the start time from outputDuration when already live", () => {
		expect(streamFromStatus(status({ outputActive: true, outputDuration: 3033 }), 10_000)).toEqual({
			active: true,
			reconnecting: false,
			state: "OBS_WEBSOCKET_OUTPUT_STARTED",
			since: 6967,
		});
	});

	it("reports a reconnecting output as not active", () => {
		const s = streamFromStatus(status({ outputActive: true, outputReconnecting: true, outputDuration: 1000 }), 5000);
		expect(s).toMatchObject({ active: false, reconnecting: true, since: 4000 });
	});

	it("reports an idle output as stopped", () => {
		expect(streamFromStatus(status({}), 5000)).toMatchObject({ active: false, since: null, state: "OBS_WEBSOCKET_OUTPUT_STOPPED" });
	});
});
