/**
 * ObsConnection against the in-process fake obs-websocket server: the failures real OBS will not
 * produce on demand (auth close codes, kick 4011, no subprotocol, a call that never answers).
 */
import { afterEach, describe, expect, it } from "vitest";
import { ObsConnection, type ObsConnectionOptions, type ObsStatus } from "../../src/obs/connection.ts";
import { isObsError, type ObsError } from "../../src/obs/errors.ts";
import { pushStreamSettings, startStream, stopStream } from "../../src/obs/stream.ts";
import { FakeIntent, startFakeObs, type FakeObs } from "../harness/fake-obs.ts";
import { freePort } from "../harness/obs.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fake(options: Parameters<typeof startFakeObs>[0] = {}): Promise<FakeObs> {
	const server = await startFakeObs(options);
	cleanups.push(() => server.close());
	return server;
}

function recordingLogger(): { lines: string[]; logger: NonNullable<ObsConnectionOptions["logger"]> } {
	const lines: string[] = [];
	const log =
		(level: string) =>
		(...args: unknown[]): void => {
			lines.push(`${level} ${args.map((a) => (a instanceof Error ? `${a.message} ${String(a.cause)}` : String(a))).join(" ")}`);
		};
	return { lines, logger: { error: log("error"), warn: log("warn"), info: log("info"), debug: log("debug") } };
}

function connection(options: ObsConnectionOptions = {}): { obs: ObsConnection; statuses: ObsStatus[] } {
	const obs = new ObsConnection({ backoff: { initialMs: 20, maxMs: 100 }, ...options });
	const statuses: ObsStatus[] = [];
	obs.onStatus((s) => statuses.push(s));
	cleanups.push(() => obs.dispose());
	return { obs, statuses };
}

function until(obs: ObsConnection, kind: ObsStatus["kind"], timeoutMs = 5000): Promise<ObsStatus> {
	if (obs.status.kind === kind) return Promise.resolve(obs.status);
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`status never became ${kind} (is ${obs.status.kind})`)), timeoutMs);
		const off = obs.onStatus((s) => {
			if (s.kind !== kind) return;
			clearTimeout(timer);
			off();
			resolve(s);
		});
	});
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function rejection(promise: Promise<unknown>): Promise<ObsError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	if (!isObsError(error)) throw new Error(`expected an ObsError, got ${String(error)}`);
	return error;
}

describe("ObsConnection against a fake obs-websocket", () => {
	it("connects with the password, reports versions and the stream state", async () => {
		const server = await fake({ password: "s3cret-pass" });
		const { obs } = connection();
		obs.configure(server.url, "s3cret-pass");
		await obs.ready();
		expect(obs.status).toEqual({ kind: "connected", obsVersion: "29.0.2", wsVersion: "5.1.0" });
		expect(obs.stream.state).toBe("OBS_WEBSOCKET_OUTPUT_STOPPED");
		expect(server.requests.map((r) => r.requestType)).toEqual(["GetVersion", "GetStreamStatus"]);
	});

	it("stops on a wrong password and makes no further attempts", async () => {
		const server = await fake({ password: "right-password" });
		const { obs } = connection();
		obs.configure(server.url, "wrong-password");
		const status = await until(obs, "auth-failed");
		await sleep(300); // many backoff periods at 20–100 ms
		expect(status.kind).toBe("auth-failed");
		expect(obs.status.kind).toBe("auth-failed");
		expect(server.connections).toBe(1);
		const error = await rejection(obs.ready(5000));
		expect(error.code).toBe("auth-failed");
		expect(server.connections).toBe(1);
	});

	it("reports a missing password as auth-failed", async () => {
		const server = await fake({ password: "needed" });
		const { obs } = connection();
		obs.configure(server.url, undefined);
		expect((await until(obs, "auth-failed")).kind).toBe("auth-failed");
	});

	it("connects again once the password changes after an auth failure", async () => {
		const server = await fake({ password: "new-password" });
		const { obs } = connection();
		obs.configure(server.url, "old-password");
		await until(obs, "auth-failed");
		obs.configure(server.url, "old-password");
		await sleep(100);
		expect(server.connections).toBe(1);
		obs.configure(server.url, "new-password");
		await obs.ready();
		expect(server.connections).toBe(2);
	});

	it("stops after being kicked (4011) and does not reconnect", async () => {
		const server = await fake();
		const { obs } = connection();
		obs.configure(server.url, undefined);
		await obs.ready();
		server.kick();
		const status = await until(obs, "kicked");
		await sleep(300);
		expect(status.kind).toBe("kicked");
		expect(obs.status.kind).toBe("kicked");
		expect(server.connections).toBe(1);
		expect(obs.stream.state).toBe("UNKNOWN");
	});

	it("treats a server without the obs-websocket v5 subprotocol as unsupported", async () => {
		const server = await fake({ subprotocol: false });
		const { obs } = connection();
		obs.configure(server.url, undefined);
		await until(obs, "unsupported");
		await sleep(200);
		expect(server.connections).toBe(1);
	});

	it("times out a call that never answers and stays connected", async () => {
		const server = await fake();
		const { obs } = connection({ requestTimeoutMs: 150 });
		obs.configure(server.url, undefined);
		await obs.ready();
		server.hang("GetSceneList");
		const started = Date.now();
		const error = await rejection(obs.call("GetSceneList"));
		expect(error.code).toBe("timeout");
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(obs.status.kind).toBe("connected");
		await expect(obs.call("GetStreamStatus")).resolves.toMatchObject({ outputActive: false });
	});

	it("rejects a pending call as soon as the socket closes", async () => {
		const server = await fake();
		const { obs } = connection({ requestTimeoutMs: 5000 });
		obs.configure(server.url, undefined);
		await obs.ready();
		server.hang("GetSceneList");
		const pending = rejection(obs.call("GetSceneList"));
		await sleep(50);
		const started = Date.now();
		server.kick();
		const error = await pending;
		expect(error.code).toBe("kicked");
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it("reports down while nothing listens, retries with backoff and connects when OBS appears", async () => {
		const port = await freePort();
		const { lines, logger } = recordingLogger();
		const { obs, statuses } = connection({ logger });
		obs.configure(`ws://127.0.0.1:${port}`, undefined);
		const down = await until(obs, "down");
		expect(down).toMatchObject({ kind: "down", retryInMs: expect.any(Number) as number });
		await sleep(400);
		const downs = statuses.filter((s) => s.kind === "down");
		expect(downs.length).toBeGreaterThan(2);
		expect(lines.filter((l) => l.includes("OBS not reachable"))).toHaveLength(1);
		const server = await fake({ port });
		await until(obs, "connected");
		expect(server.connections).toBe(1);
	});

	it("ready() connects at once instead of waiting for the backoff", async () => {
		const port = await freePort();
		const { obs } = connection({ backoff: { initialMs: 60_000, maxMs: 60_000 } });
		obs.configure(`ws://127.0.0.1:${port}`, undefined);
		await until(obs, "down");
		const unreachable = await rejection(obs.ready(2000));
		expect(unreachable.code).toBe("unreachable");
		await fake({ port });
		await obs.ready(2000);
		expect(obs.status.kind).toBe("connected");
	});

	it("rejects calls and ready() when not configured", async () => {
		const { obs } = connection();
		expect((await rejection(obs.ready())).code).toBe("not-configured");
		expect((await rejection(obs.call("GetVersion"))).code).toBe("not-configured");
	});

	it("goes down and retries when OBS announces it is quitting", async () => {
		const server = await fake();
		const { obs } = connection({ backoff: { initialMs: 50, maxMs: 50 } });
		obs.configure(server.url, undefined);
		await obs.ready();
		server.emit("ExitStarted", undefined, FakeIntent.General);
		await until(obs, "down");
		await until(obs, "connected");
		expect(server.connections).toBe(2);
	});

	it("tracks StreamStateChanged and runs push → start → stop", async () => {
		const server = await fake();
		const { lines, logger } = recordingLogger();
		const { obs } = connection({ logger });
		obs.configure(server.url, undefined);
		const key = "x7abc?auth=SECRET-TOKEN-123";
		await pushStreamSettings(obs, { server: "rtmp://ingest.example/live", key });
		await startStream(obs, { timeoutMs: 2000 });
		expect(obs.stream).toMatchObject({ active: true, state: "OBS_WEBSOCKET_OUTPUT_STARTED" });
		expect(obs.stream.since).toEqual(expect.any(Number));
		const refused = await rejection(pushStreamSettings(obs, { server: "rtmp://other/live", key: "other" }));
		expect(refused).toMatchObject({ code: "output-running", message: "Stop stream first" });
		await stopStream(obs, { timeoutMs: 2000 });
		expect(obs.stream).toMatchObject({ active: false, since: null });
		expect((await rejection(stopStream(obs))).code).toBe("output-not-running");
		const sets = server.requests.filter((r) => r.requestType === "SetStreamServiceSettings");
		expect(sets).toHaveLength(1);
		expect(lines.join("\n")).not.toContain("SECRET-TOKEN-123");
	});

	it("reports a start that ends in STOPPED as start-failed", async () => {
		const server = await fake();
		const { obs } = connection();
		obs.configure(server.url, undefined);
		server.handle("StartStream", (_data, s) => {
			setTimeout(() => s.emit("StreamStateChanged", { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_STARTING" }), 5);
			setTimeout(() => s.emit("StreamStateChanged", { outputActive: false, outputState: "OBS_WEBSOCKET_OUTPUT_STOPPED" }), 15);
		});
		expect((await rejection(startStream(obs, { timeoutMs: 2000 }))).code).toBe("start-failed");
	});

	it("reports a start with no event at all as start-failed after the timeout", async () => {
		const server = await fake();
		const { obs } = connection();
		obs.configure(server.url, undefined);
		server.handle("StartStream", () => undefined);
		const error = await rejection(startStream(obs, { timeoutMs: 200 }));
		expect(error.code).toBe("start-failed");
	});

	it("leaves no timers or sockets behind after dispose", async () => {
		const port = await freePort();
		const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout" || r === "TCPSocketWrap").length;
		const obs = new ObsConnection({ backoff: { initialMs: 10_000, maxMs: 10_000 } });
		obs.configure(`ws://127.0.0.1:${port}`, undefined);
		await until(obs, "down");
		const server = await fake();
		const second = new ObsConnection();
		second.configure(server.url, undefined);
		await second.ready();
		await obs.dispose();
		await second.dispose();
		await sleep(50);
		const after = process.getActiveResourcesInfo().filter((r) => r === "Timeout" || r === "TCPSocketWrap").length;
		expect(after).toBeLessThanOrEqual(before);
		expect(obs.status.kind).toBe("idle");
	});
});
