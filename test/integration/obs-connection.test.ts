/**
 * ObsConnection's life cycle against REAL OBS: down while OBS is not running, connects by itself once it
 * starts, wrong password stops retries, quit/crash + restart reconnects.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObsConnection, type ObsStatus } from "../../src/obs/connection.ts";
import { freePort, requireObs, startObs, type RealObs } from "../harness/obs.ts";

const run = requireObs();

function until(obs: ObsConnection, kind: ObsStatus["kind"], timeoutMs: number): Promise<ObsStatus> {
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

describe.skipIf(!run)("OBS connection life cycle against real OBS", () => {
	const password = randomBytes(8).toString("hex");
	let url: string;
	let realObs: RealObs | undefined;
	let obs: ObsConnection;
	const statuses: ObsStatus[] = [];
	const debugLines: string[] = [];

	beforeAll(async () => {
		const port = await freePort();
		url = `ws://127.0.0.1:${port}`;
		const debug = (...args: unknown[]): void => void debugLines.push(args.map(String).join(" "));
		obs = new ObsConnection({
			backoff: { initialMs: 250, maxMs: 1000 },
			logger: { error: debug, warn: debug, info: debug, debug },
		});
		obs.onStatus((s) => statuses.push(s));
		// OBS is not running yet: the connection must report "down" and keep retrying.
		obs.configure(url, password);
		await until(obs, "down", 10_000);
		await sleep(1500);
		realObs = await startObs({ port: Number(new URL(url).port), password });
	});

	afterAll(async () => {
		await obs?.dispose();
		await realObs?.stop();
	});

	it("reports down while OBS is not running, then connects by itself once OBS starts", async () => {
		await until(obs, "connected", 15_000);
		const firstConnected = statuses.findIndex((s) => s.kind === "connected");
		const downs = statuses.slice(0, firstConnected).filter((s) => s.kind === "down");
		expect(downs.length).toBeGreaterThanOrEqual(2);
		expect(downs[0]).toMatchObject({ retryInMs: expect.any(Number) as number });
		expect(debugLines.filter((l) => l.includes("OBS not reachable"))).toHaveLength(1);
		expect(obs.stream.state).toBe("OBS_WEBSOCKET_OUTPUT_STOPPED");
	});

	it("stops at auth-failed on a wrong password and does not try again", async () => {
		const wrong = new ObsConnection({ backoff: { initialMs: 100, maxMs: 200 } });
		const seen: ObsStatus[] = [];
		wrong.onStatus((s) => seen.push(s));
		try {
			wrong.configure(url, "not-the-password");
			await until(wrong, "auth-failed", 10_000);
			await sleep(1500);
			expect(seen.map((s) => s.kind)).toEqual(["connecting", "auth-failed"]);
			await expect(wrong.ready()).rejects.toMatchObject({ code: "auth-failed" });
			expect(seen.map((s) => s.kind)).toEqual(["connecting", "auth-failed"]);
		} finally {
			await wrong.dispose();
		}
	});

	it("treats configure() with the same values as a no-op", async () => {
		const before = statuses.length;
		obs.configure(url, password);
		await sleep(300);
		expect(statuses.length).toBe(before);
		expect(obs.status.kind).toBe("connected");
	});

	it("goes down when OBS quits and reconnects by itself after a restart", async () => {
		const before = statuses.length;
		const down = until(obs, "down", 15_000);
		const restarting = realObs!.restart();
		await down;
		await restarting;
		await until(obs, "connected", 15_000);
		expect(statuses.slice(before).map((s) => s.kind)).toContain("down");
		await expect(obs.getVersion()).resolves.toMatchObject({ wsVersion: expect.stringMatching(/^5\./) as string });
	});

	it("goes down when OBS crashes and reconnects after it is started again", async () => {
		await realObs!.kill();
		await until(obs, "down", 10_000);
		await expect(obs.call("GetStreamStatus")).rejects.toMatchObject({ code: "unreachable" });
		await realObs!.restart();
		await until(obs, "connected", 15_000);
		await expect(obs.call("GetStreamStatus")).resolves.toMatchObject({ outputActive: false });
	});
});
