/**
 * Stream helpers against REAL OBS (headless under Xvfb) publishing to a real nginx-rtmp ingest that only
 * accepts one name/auth pair — the same check the Dailymotion ingest makes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObsConnection } from "../../src/obs/connection.ts";
import { isObsError, type ObsError } from "../../src/obs/errors.ts";
import { pushStreamSettings, startStream, stopStream } from "../../src/obs/stream.ts";
import { ingestAvailable, startIngest, type Ingest } from "../harness/ingest.ts";
import { requireObs, startObs, type RealObs } from "../harness/obs.ts";

const run = requireObs() && (ingestAvailable || process.env.CI === "true");
if (!run && !ingestAvailable) console.warn("[obs-stream] nginx-rtmp not installed: skipping");

const NAME = "x7abc";
const TOKEN = "tok-9f8e7d6c5b4a";

async function rejection(promise: Promise<unknown>): Promise<ObsError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	if (!isObsError(error)) throw new Error(`expected an ObsError, got ${String(error)}`);
	return error;
}

describe.skipIf(!run)("OBS stream control against real OBS and an RTMP ingest", () => {
	let realObs: RealObs;
	let ingest: Ingest;
	let obs: ObsConnection;
	const logLines: string[] = [];

	beforeAll(async () => {
		ingest = await startIngest({ accept: ({ name, auth }) => name === NAME && auth === TOKEN });
		realObs = await startObs();
		const log = (...args: unknown[]): void => void logLines.push(args.map(String).join(" "));
		obs = new ObsConnection({ logger: { error: log, warn: log, info: log, debug: log } });
	});

	afterAll(async () => {
		await obs?.dispose();
		await realObs?.stop();
		await ingest?.stop();
	});

	it("connects with the WebSocket password and reports OBS's version", async () => {
		obs.configure(realObs.url, realObs.password);
		await obs.ready(15_000);
		expect(obs.status).toMatchObject({ kind: "connected", obsVersion: expect.stringMatching(/^\d+\.\d+/) as string });
		expect(await obs.getVersion()).toEqual({
			obsVersion: expect.any(String) as string,
			wsVersion: expect.stringMatching(/^5\./) as string,
		});
		expect(obs.stream).toMatchObject({ active: false, state: "OBS_WEBSOCKET_OUTPUT_STOPPED" });
	});

	it("pushes the server and key so GetStreamServiceSettings returns them", async () => {
		await pushStreamSettings(obs, { server: ingest.url, key: `${NAME}?auth=${TOKEN}` });
		const saved = await obs.call("GetStreamServiceSettings");
		expect(saved.streamServiceType).toBe("rtmp_custom");
		expect(saved.streamServiceSettings).toMatchObject({ server: ingest.url, key: `${NAME}?auth=${TOKEN}`, use_auth: false });
	});

	it("starts streaming: STARTED, and the ingest saw the publish with the right name and auth", async () => {
		await startStream(obs, { timeoutMs: 15_000 });
		expect(obs.stream).toMatchObject({ active: true, state: "OBS_WEBSOCKET_OUTPUT_STARTED" });
		expect(obs.stream.since).toBeGreaterThan(Date.now() - 20_000);
		expect(ingest.publishes).toContainEqual({ name: NAME, auth: TOKEN, accepted: true });
		const status = await obs.call("GetStreamStatus");
		expect(status.outputActive).toBe(true);
	});

	it("refuses to change stream settings while streaming", async () => {
		const error = await rejection(pushStreamSettings(obs, { server: ingest.url, key: "other-key" }));
		expect(error).toMatchObject({ code: "output-running", message: "Stop stream first" });
		const saved = await obs.call("GetStreamServiceSettings");
		expect(saved.streamServiceSettings).toMatchObject({ key: `${NAME}?auth=${TOKEN}` });
		expect((await rejection(startStream(obs))).code).toBe("output-running");
	});

	it("stops streaming and the ingest sees the publish end", async () => {
		await stopStream(obs, { timeoutMs: 15_000 });
		expect(obs.stream).toMatchObject({ active: false, state: "OBS_WEBSOCKET_OUTPUT_STOPPED", since: null });
		await expect.poll(() => ingest.done, { timeout: 5000 }).toContain(NAME);
		expect((await rejection(stopStream(obs))).code).toBe("output-not-running");
	});

	it("reports start-failed when the ingest refuses a wrong key", async () => {
		await pushStreamSettings(obs, { server: ingest.url, key: `${NAME}?auth=wrong-token` });
		const error = await rejection(startStream(obs, { timeoutMs: 15_000 }));
		expect(error.code).toBe("start-failed");
		expect(ingest.publishes).toContainEqual({ name: NAME, auth: "wrong-token", accepted: false });
		expect(obs.stream.active).toBe(false);
		expect((await obs.call("GetStreamStatus")).outputActive).toBe(false);
	});

	it("never logged the password or the stream key", () => {
		const all = logLines.join("\n");
		expect(all).not.toContain(realObs.password);
		expect(all).not.toContain(TOKEN);
		expect(all).not.toContain("wrong-token");
	});
});
