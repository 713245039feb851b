/**
 * Recording (issue 12) through the BUILT plugin against the sandbox: Record On/Off changes the live's `record_status`
 * (starting → started, stopping → stopped, only on air), the poll asks for that field only while a Record key is
 * visible, and Create Live's "Record the live" creates an auto-recorded live (legacy `live_auto_record=true`, API v2's
 * `recording.auto_record` PATCH). On API v2 the Record key says it is not available and sends nothing.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	commandsSince,
	createLiveWithNewKey,
	expectPluginHealthy,
	imageTexts,
	liveReads,
	requestsTo,
	UUID,
	V2_API,
	VIDEO_PATH,
	waitForCommand,
	waitForImage,
} from "./support.ts";

/** The sandbox's `starting`/`stopping` lasts 2 s by default; a little longer shows both on the key. */
const TRANSITION_MS = 3_000;

describe("Record On/Off on the legacy API", () => {
	let stack: Stack;
	let liveId: string;
	let record: string;

	const recordWrites = () => requestsTo(stack.sandbox.requests, "POST", VIDEO_PATH).filter((r) => "record_status" in r.form);
	const readFields = () => liveReads(stack.sandbox.requests, liveId).map((r) => r.query.fields!.split(","));

	beforeAll(async () => {
		stack = await startStack({ sandbox: { recordTransitionMs: TRANSITION_MS } });
		const status = stack.host.appear({ action: UUID.status });
		liveId = (await createLiveWithNewKey(stack, { title: "Recorded show" })).id;
		await waitForImage(stack.host, status, (t) => t.includes("OFF AIR"), { timeoutMs: 15_000 });
	}, 60_000);
	afterAll(() => stack?.close());

	it("asks for record_status only once a Record key is visible; off air the key says so and a press sends nothing", async () => {
		const { host } = stack;
		expect(readFields().every((fields) => !fields.includes("record_status"))).toBe(true);
		const reads = readFields().length;
		record = host.appear({ action: UUID.record });
		await waitForImage(host, record, (t) => t.includes("OFF AIR") && t.includes("GO LIVE FIRST"), { timeoutMs: 10_000 });
		// The new key's field made the plugin read at once, not at the next poll.
		expect(readFields().length).toBe(reads + 1);
		expect(readFields().at(-1)).toContain("record_status");

		const since = host.commands.length;
		await host.press(record);
		await waitForCommand(host, record, "showAlert", undefined, { since });
		expect(recordWrites()).toEqual([]);
		expect(stack.sandbox.live(liveId)!.recordStatus).toBe("stopped");
	});

	it("on air: a press starts the recording (STARTING, then REC), another stops it (STOPPING, then REC OFF)", async () => {
		const { host, sandbox } = stack;
		sandbox.setOnAir(liveId, true);
		let since = host.commands.length;
		await waitForImage(host, record, (t) => t.includes("REC OFF"), { since, timeoutMs: 15_000 });

		since = host.commands.length;
		await host.press(record);
		await waitForCommand(host, record, "showOk", undefined, { since });
		expect(recordWrites().map((r) => [r.form.record_status, r.status])).toEqual([["started", 200]]);
		expect(sandbox.live(liveId)!.recordStatus).toBe("starting");
		await waitForImage(host, record, (t) => t.includes("STARTING"), { since });
		// Read again within seconds (not at the next 10 s poll) until Dailymotion says it records.
		await waitForImage(host, record, (t) => t.join(" ") === "REC RECORDING", { since, timeoutMs: 10_000 });
		expect(sandbox.live(liveId)!.recordStatus).toBe("started");
		await vi.waitFor(() => expect(host.stateOf(record)).toBe(1));

		since = host.commands.length;
		await host.press(record);
		await waitForCommand(host, record, "showOk", undefined, { since });
		expect(recordWrites().map((r) => r.form.record_status)).toEqual(["started", "stopped"]);
		await waitForImage(host, record, (t) => t.includes("STOPPING"), { since });
		await waitForImage(host, record, (t) => t.includes("REC OFF"), { since, timeoutMs: 10_000 });
		expect(sandbox.live(liveId)!.recordStatus).toBe("stopped");
		await vi.waitFor(() => expect(host.stateOf(record)).toBe(0));
	}, 40_000);

	it("a refusal by the API alerts and shows a short reason, sent once", async () => {
		const { host, sandbox } = stack;
		sandbox.inject({ method: "POST", path: `/rest/video/${liveId}`, status: 500 });
		const since = host.commands.length;
		await host.press(record);
		await waitForCommand(host, record, "showAlert", undefined, { since });
		await waitForImage(host, record, (t) => t.includes("FAILED"), { since });
		expect(recordWrites().map((r) => r.status)).toEqual([200, 200, 500]);
		expect(commandsSince(host, since, record, "showOk")).toEqual([]);
		await waitForImage(host, record, (t) => t.includes("REC OFF"), { since, timeoutMs: 15_000 });
	}, 30_000);

	it("stops asking for record_status once no Record key is visible", async () => {
		const { host, sandbox } = stack;
		host.disappear(record);
		const reads = readFields().length;
		await vi.waitFor(() => expect(readFields().length).toBeGreaterThan(reads), { timeout: 15_000, interval: 200 });
		expect(readFields().at(-1)).not.toContain("record_status");
		expect(sandbox.live(liveId)!.recordStatus).toBe("stopped");
	}, 20_000);

	it("Create Live with Record the live makes an auto-recorded live: on air, the Record key shows it recording", async () => {
		const { host, sandbox } = stack;
		const live = await createLiveWithNewKey(stack, { title: "Auto-recorded", autoRecord: true });
		const create = requestsTo(sandbox.requests, "POST", /\/videos$/).at(-1)!;
		expect(create.form.live_auto_record).toBe("true");
		expect(sandbox.live(live.id)!.autoRecord).toBe(true);
		record = host.appear({ action: UUID.record });
		sandbox.setOnAir(live.id, true);
		const since = host.commands.length;
		await waitForImage(host, record, (t) => t.join(" ") === "REC RECORDING", { since, timeoutMs: 20_000 });
		expect(recordWrites()).toHaveLength(3); // the plugin sent no record_status for this one
		await expectPluginHealthy(stack);
	}, 40_000);
});

describe("Record On/Off on API v2", () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ mode: V2_API.account });
	}, 60_000);
	afterAll(() => stack?.close());

	it("says recording is not available on API v2; a press alerts and sends nothing", async () => {
		const { host, sandbox } = stack;
		const live = await createLiveWithNewKey(stack, { title: "V2 show" });
		sandbox.setOnAir(live.id, true);
		const record = host.appear({ action: UUID.record });
		const texts = await waitForImage(host, record, (t) => t.includes("REC N/A"));
		expect(texts).toContain("NOT ON API V2");
		const before = sandbox.requests.length;
		const since = host.commands.length;
		await host.press(record);
		await waitForCommand(host, record, "showAlert", undefined, { since });
		expect(sandbox.requests.slice(before).filter((r) => r.method !== "GET")).toEqual([]);
		expect(imageTexts(host.lastImage(record))).toContain("REC N/A");
	});

	it("Record the live turns auto-record on with the recording guide's PATCH after the create", async () => {
		const { sandbox } = stack;
		await sleep(3_100); // presses within 3 s of a create repeat it (a nervous double press makes one live)
		const live = await createLiveWithNewKey(stack, { title: "V2 recorded", autoRecord: true });
		const patches = requestsTo(sandbox.requests, "PATCH", new RegExp(`^/v2/livestreams/${live.id}$`));
		expect(patches.map((r) => [r.json, r.status])).toEqual([[{ recording: { auto_record: true } }, 200]]);
		expect(sandbox.live(live.id)!.autoRecord).toBe(true);
	});
});
