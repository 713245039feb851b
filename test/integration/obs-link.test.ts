/**
 * ObsLink.onStreamStart against the in-process fake obs-websocket: what counts as "the stream just started" (the cue
 * to read the current live again soon).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ObsLink } from "../../src/live/obs-link.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { startStream } from "../../src/obs/stream.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function linkTo(server: FakeObs): Promise<{ obs: ObsConnection; starts: () => number }> {
	const settings = new GlobalSettingsStore(async () => undefined);
	settings.receive({ obsUrl: server.url });
	const obs = new ObsConnection();
	cleanups.push(() => obs.dispose());
	const link = new ObsLink(obs, settings);
	let count = 0;
	link.onStreamStart(() => count++);
	await link.connection.ready(5_000);
	return { obs, starts: () => count };
}

async function fake(): Promise<FakeObs> {
	const server = await startFakeObs();
	cleanups.push(() => server.close());
	return server;
}

describe("ObsLink.onStreamStart", () => {
	it("fires once when OBS's stream starts (STARTING → STARTED)", async () => {
		const server = await fake();
		const { obs, starts } = await linkTo(server);
		expect(starts()).toBe(0);
		await startStream(obs, { timeoutMs: 2_000 });
		expect(obs.stream.state).toBe("OBS_WEBSOCKET_OUTPUT_STARTED");
		expect(starts()).toBe(1);
	});

	it("fires again when the stream comes back after a reconnect", async () => {
		const server = await fake();
		const { obs, starts } = await linkTo(server);
		await startStream(obs, { timeoutMs: 2_000 });
		server.emit("StreamStateChanged", { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_RECONNECTING" });
		server.emit("StreamStateChanged", { outputActive: true, outputState: "OBS_WEBSOCKET_OUTPUT_RECONNECTED" });
		await vi.waitFor(() => expect(obs.stream.state).toBe("OBS_WEBSOCKET_OUTPUT_RECONNECTED"));
		expect(starts()).toBe(2);
	});

	it("does not fire on connecting to an OBS that is already streaming", async () => {
		const server = await fake();
		server.handle("GetStreamStatus", () => ({ outputActive: true, outputReconnecting: false, outputDuration: 60_000 }));
		const { obs, starts } = await linkTo(server);
		await vi.waitFor(() => expect(obs.stream.active).toBe(true));
		expect(starts()).toBe(0);
	});
});

describe("ObsLink before the global settings arrive", () => {
	it("opens nothing for a key that needs OBS until the settings are there, then connects to their URL once", async () => {
		const server = await fake();
		const settings = new GlobalSettingsStore(async () => undefined);
		const obs = new ObsConnection();
		cleanups.push(() => obs.dispose());
		const link = new ObsLink(obs, settings);
		const statuses: string[] = [];
		obs.onStatus((s) => statuses.push(s.kind));

		void link.connection; // an OBS key appears a few ms after launch, before the host sent the settings
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(obs.status.kind).toBe("idle"); // no attempt at the default URL
		expect(statuses).toEqual([]);

		settings.receive({ obsUrl: server.url });
		await obs.ready(5_000);
		expect(server.connections).toBe(1);
		expect(statuses).toEqual(["connecting", "connected"]);
	});
});
