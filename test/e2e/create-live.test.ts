/**
 * Issue 2 end to end: the BUILT plugin in the host simulator creates lives on the Dailymotion sandbox, on the legacy
 * API (partner and user accounts) and on API v2 (issue 13).
 * One stack per account mode; tests on a stack run in order and leave its settings as they found them.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	BOTH_APIS,
	commandsSince,
	currentLiveIdOf,
	expectNoLeaks,
	oneLine,
	pressAndSettle,
	requestsTo,
	TOKEN_PATH,
	UUID,
	waitForCommand,
	waitForImage,
	waitForTitle,
	onlyIf,
} from "./support.ts";

/** Presses right after a finished create repeat its outcome (LiveCreator's repeat window); tests wait it out. */
const REPEAT_WINDOW_MS = 3_000;

/** The key title shows the live's title (wrapped over two lines, possibly cut with "…" to fit the key). */
function expectNamesLive(title: string, liveTitle: string): void {
	const shown = oneLine(title).replace(/…$/, "");
	expect(shown.length, `title "${title}"`).toBeGreaterThanOrEqual(8);
	expect(liveTitle.startsWith(shown), `title "${title}" names "${liveTitle}"`).toBe(true);
}

describe.each(BOTH_APIS)("Create Live, partner key ($name API)", (api) => {
	let stack: Stack;
	let key: string;
	/** The API secret setting of this account. */
	const secretKey = api.name === "v2" ? "v2ApiSecret" : "apiSecret";

	beforeAll(async () => {
		stack = await startStack({ mode: api.account, globalSettings: { piNote: "written by the inspector" } });
		key = stack.host.appear({
			action: UUID.create,
			settings: { title: "E2E show {date}", channel: "music", forKids: true, afterCreate: "none" },
		});
		await waitForCommand(stack.host, key, "setImage");
		await waitForCommand(stack.host, key, "setTitle"); // the appear's blank title, before any press
	});
	afterAll(() => stack?.close());

	it("shows progress while the API works, creates the live, saves liveId (merged) and names it on the key", async () => {
		const { host, sandbox } = stack;
		// The inspector writes global settings just before the press: the plugin's write must keep them.
		host.piSetGlobalSettings({ ...host.globalSettings, piLater: "also from the inspector" });
		// Slow create: the key must already say "Creating…" while the request is pending.
		sandbox.inject({ method: "POST", path: api.createPath, delayMs: 1_500 });
		const since = host.commands.length;
		await host.press(key);
		await waitForTitle(host, key, "Creating…", { since });
		await waitForImage(host, key, (texts) => texts.includes("CREATING"), { since });
		expect(sandbox.lives(), "the create was still running when the key showed progress").toEqual([]);

		await waitForCommand(host, key, "showOk", undefined, { since });
		const [live] = sandbox.lives();
		expect(sandbox.lives()).toHaveLength(1);
		expect(live).toMatchObject({
			mode: "live",
			published: true,
			channel: "music",
			isCreatedForKids: true,
			private: false,
			ownerId: api.name === "v2" ? sandbox.credentials.v2.profileId : sandbox.credentials.partner.profileId,
		});
		expect(live!.title).toMatch(/^E2E show \d{4}-\d{2}-\d{2}$/);
		const [create] = requestsTo(sandbox.requests, "POST", api.createPath);
		expect(create!.status).toBe(api.createdStatus);
		// v2 writes JSON with strict booleans; the legacy API a form.
		if (api.name === "v2") expect(create!.json).toEqual({ title: live!.title, category: "music", visibility: "public", is_for_kids: true });
		else expect(create!.form).toMatchObject({ mode: "live", published: "true", is_created_for_kids: "true" });

		await host.waitFor(() => currentLiveIdOf(host) === live!.id);
		expect(host.globalSettings).toMatchObject({
			[api.liveIdKey]: live!.id,
			piNote: "written by the inspector",
			piLater: "also from the inspector",
			[secretKey]: api.name === "v2" ? sandbox.credentials.v2.apiSecret : sandbox.credentials.partner.apiSecret,
		});
		// The other API's current live is not touched.
		expect(host.globalSettings[api.name === "v2" ? "liveId" : "v2LiveId"]).toBeUndefined();
		const named = await waitForTitle(host, key, (t) => t !== "Creating…", { since });
		expectNamesLive(String(named.payload.title), live!.title);
		// The image says what happened; the title (not the image as well) names the live.
		const texts = await waitForImage(host, key, (t) => t.includes("CREATED"), { since });
		expect(texts).toEqual(["CREATED"]);
		expect(commandsSince(host, since, key, "showAlert")).toEqual([]);
	});

	it("after the access token expired, re-authenticates exactly once and then creates the live", async () => {
		const { host, sandbox } = stack;
		await sleep(REPEAT_WINDOW_MS);
		const livesBefore = sandbox.lives().length;
		const tokensBefore = requestsTo(sandbox.requests, "*", TOKEN_PATH).length;
		const createsBefore = requestsTo(sandbox.requests, "POST", api.createPath).length;
		sandbox.expireTokens();

		const { outcome } = await pressAndSettle(stack.host, key);
		expect(outcome).toBe("ok");
		expect(sandbox.lives()).toHaveLength(livesBefore + 1);
		expect(requestsTo(sandbox.requests, "*", TOKEN_PATH).length - tokensBefore, "token requests").toBe(1);
		const creates = requestsTo(sandbox.requests, "POST", api.createPath).slice(createsBefore);
		expect(creates.map((r) => r.status)).toEqual([401, api.createdStatus]);
		expect(currentLiveIdOf(host)).toBe(sandbox.lives().at(-1)!.id);
	});

	it("on an API error, alerts with a readable title and creates nothing (no blind retry of the POST)", async () => {
		const { sandbox } = stack;
		await sleep(REPEAT_WINDOW_MS);
		const livesBefore = sandbox.lives().length;
		const createsBefore = requestsTo(sandbox.requests, "POST", api.createPath).length;
		sandbox.inject({ method: "POST", path: api.createPath, status: 500 });

		const { outcome, title, since } = await pressAndSettle(stack.host, key);
		expect(outcome).toBe("alert");
		expect(title).toBe("Dailymotion down");
		expect(sandbox.lives()).toHaveLength(livesBefore);
		expect(requestsTo(sandbox.requests, "POST", api.createPath).length - createsBefore, "create requests").toBe(1);
		// FAILED on the image, the reason in the title only (they would overlap on the key).
		const texts = await waitForImage(stack.host, key, (t) => t.includes("FAILED"), { since });
		expect(texts).toEqual(["FAILED"]);
	});

	it("a nervous triple press creates one live", async () => {
		const { host, sandbox } = stack;
		await sleep(REPEAT_WINDOW_MS);
		const livesBefore = sandbox.lives().length;
		const since = host.commands.length;
		await Promise.all([host.press(key), host.press(key), host.press(key)]);
		await waitForCommand(host, key, "showOk", undefined, { since, timeoutMs: 15_000 });
		// Let any further (wrong) create finish before counting.
		await sleep(1_000);
		expect(sandbox.lives()).toHaveLength(livesBefore + 1);
		expect(commandsSince(host, since, key, "showAlert")).toEqual([]);
	});

	it("refuses invalid key settings with an alert and 'Check settings', without calling the API", async () => {
		const { host, sandbox } = stack;
		const bad = host.appear({ action: UUID.create, settings: { channel: "Not a category!", afterCreate: "later" } });
		await waitForCommand(host, bad, "setImage");
		const requestsBefore = sandbox.requests.length;
		const { outcome, title } = await pressAndSettle(stack.host, bad);
		expect(outcome).toBe("alert");
		expect(title).toBe("Check settings");
		expect(sandbox.requests.length).toBe(requestsBefore);
	});

	it("with the API secret missing, alerts 'No API secret'; with a wrong one, 'Login failed'; nothing is created", async () => {
		const { host, sandbox } = stack;
		await sleep(REPEAT_WINDOW_MS);
		const saved = { ...host.globalSettings };
		const livesBefore = sandbox.lives().length;
		try {
			host.piSetGlobalSettings({ ...saved, [secretKey]: "" });
			let result = await pressAndSettle(stack.host, key);
			expect(result.outcome).toBe("alert");
			expect(result.title).toBe("No API secret");

			host.piSetGlobalSettings({ ...saved, [secretKey]: "not-the-secret" });
			result = await pressAndSettle(stack.host, key);
			expect(result.outcome).toBe("alert");
			expect(result.title).toBe("Login failed");
			expect(sandbox.lives()).toHaveLength(livesBefore);
		} finally {
			host.piSetGlobalSettings(saved);
		}
	});

	onlyIf(api.name === "v2")("a v2 key without the live permission: 'No live permission' on the key, nothing created", async () => {
		const { sandbox } = stack;
		await sleep(REPEAT_WINDOW_MS);
		const livesBefore = sandbox.lives().length;
		sandbox.setV2Permissions(["live.read"]);
		sandbox.expireTokens(); // the cached token still carries live.manage
		try {
			const { outcome, title } = await pressAndSettle(stack.host, key);
			expect(outcome).toBe("alert");
			expect(title).toBe("No live permission");
			expect(sandbox.lives()).toHaveLength(livesBefore);
		} finally {
			sandbox.setV2Permissions(["live.manage", "live.read", "account.read"]);
		}
	});

	onlyIf(api.name === "v2")("an ingest RTMP URL without its key part: Send to OBS says 'Bad stream URL' and never reaches OBS", async () => {
		const { host, sandbox } = stack;
		const liveId = currentLiveIdOf(host);
		const send = host.appear({ action: UUID.obs });
		const body = JSON.stringify({ livestream_id: liveId, title: "x", status: { onair: false }, ingest: { rtmp_url: "rtmp://127.0.0.1:1935/live" } });
		sandbox.inject({ method: "GET", path: api.livePath(liveId), status: 200, body });
		const { outcome, title } = await pressAndSettle(host, send);
		expect(outcome).toBe("alert");
		expect(title).toBe("Bad stream URL");
		host.disappear(send);
	});

	it("never writes a secret to its log files, stdout/stderr or the commands it sends", () => {
		expectNoLeaks(stack);
	});
});

describe("Create Live, user account (password grant)", () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ mode: "user" });
	});
	afterAll(() => stack?.close());

	it("creates a public live with default settings under the user and saves it as the current live", async () => {
		const { host, sandbox } = stack;
		// Pressed at once, before the plugin may have the global settings: the press must wait for them.
		const key = host.appear({ action: UUID.create, settings: { afterCreate: "none" } });
		const { outcome, title } = await pressAndSettle(stack.host, key);
		expect(outcome, title).toBe("ok");
		expect(sandbox.lives()).toHaveLength(1);
		const live = sandbox.lives()[0]!;
		expect(live).toMatchObject({
			mode: "live",
			published: true,
			private: false,
			channel: "videogames",
			isCreatedForKids: false,
			ownerId: sandbox.credentials.user.uid,
		});
		expect(live.title).toMatch(/^Live \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		expectNamesLive(title, live.title);
		await host.waitFor(() => host.globalSettings.liveId === live.id);
		expect(host.globalSettings.password).toBe(sandbox.credentials.user.password);
		const grant = requestsTo(sandbox.requests, "*", TOKEN_PATH).map((r) => r.form.grant_type);
		expect(grant).toEqual(["password"]);
		expectNoLeaks(stack);
	});
});
