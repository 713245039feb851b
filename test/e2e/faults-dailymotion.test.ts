/**
 * Dailymotion faults through the built plugin: the sandbox misbehaves on cue (`inject`), the keys must say what
 * happened in a few words, never create a duplicate live, and work again once the API does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../harness/stack.ts";
import {
	createLiveWithKey,
	currentLiveIdOf,
	currentLog,
	eventually,
	expectPluginHealthy,
	imageText,
	joinTexts,
	pressCreate as pressKey,
	PROFILE_VIDEOS_PATH,
	requestsTo,
	selectLive,
	TOKEN_PATH,
	UUID,
	V2_API,
	VIDEO_PATH,
	waitForCommand,
	waitForImage,
	waitForTitle,
} from "./support.ts";

const HTML_PAGE = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>";

let stack: Stack;
let createKey: string;
let adBreakKey: string;
let statusKey: string;
let titleCounter = 0;

/** Gives the Create Live key a title no earlier test used, so lives are told apart by title. */
function useFreshTitle(extra: Record<string, unknown> = {}): string {
	const title = `Fault show ${++titleCounter}`;
	stack.host.piSetSettings(createKey, { title, afterCreate: "none", ...extra });
	return title;
}

/** Presses Create Live and returns the command index before the press. */
function pressCreate(): Promise<number> {
	return pressKey(stack.host, createKey);
}

beforeAll(async () => {
	stack = await startStack();
	createKey = stack.host.appear({ action: UUID.create, settings: { afterCreate: "none" } });
	adBreakKey = stack.host.appear({ action: UUID.adBreak });
	statusKey = stack.host.appear({ action: UUID.status });
});

afterAll(async () => {
	await stack?.close();
});

describe("a create whose answer is lost", () => {
	it("adopts the live the unanswered request made instead of creating a second one", async () => {
		const title = useFreshTitle();
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, dropAfterHandling: true });
		const before = stack.sandbox.lives().length;

		const since = await pressCreate();

		await stack.host.waitFor((c) => c.context === createKey && c.event === "showOk", { since, timeoutMs: 15_000 });
		const created = stack.sandbox.lives().filter((l) => l.title === title);
		expect(created).toHaveLength(1);
		expect(stack.sandbox.lives()).toHaveLength(before + 1);
		expect(requestsTo(stack.sandbox.requests, "POST", PROFILE_VIDEOS_PATH).filter((r) => r.form.title === title)).toHaveLength(1);
		expect(requestsTo(stack.sandbox.requests, "GET", PROFILE_VIDEOS_PATH).length).toBeGreaterThan(0);
		await eventually(() => stack.host.globalSettings.liveId === created[0]!.id, "the adopted live becomes the current one");
		expect(imageText(stack.host.lastImage(createKey))).toMatch(/CREATED/);
		await expectPluginHealthy(stack);
	});

	it("says 'No network' and creates nothing when the request never reached Dailymotion; the next press works", async () => {
		const title = useFreshTitle();
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, drop: true });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "No\nnetwork", { since, timeoutMs: 15_000 });
		await waitForImage(stack.host, createKey, /FAILED/, { since });
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(0);

		await pressCreate();
		await eventually(() => stack.sandbox.lives().filter((l) => l.title === title).length === 1, "the retry creates exactly one live", 15_000);
		await expectPluginHealthy(stack);
	});

	it("asks to check the lives when neither the create nor the listing answers", async () => {
		const title = useFreshTitle();
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, dropAfterHandling: true });
		stack.sandbox.inject({ method: "GET", path: PROFILE_VIDEOS_PATH, status: 503, times: 3 });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Check\nyour lives", { since, timeoutMs: 20_000 });
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(1);
		await expectPluginHealthy(stack);
	});

	it("treats an unreadable 200 answer like a lost one (Bad answer, nothing duplicated)", async () => {
		const title = useFreshTitle();
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, status: 200, body: '{"id": "x1", "title": ' });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Bad\nanswer", { since, timeoutMs: 15_000 });
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(0);
		await expectPluginHealthy(stack);
	});
});

describe("error answers on Create Live", () => {
	it("shows 'Dailymotion down' for an HTML error page, without any HTML on the key", async () => {
		const title = useFreshTitle();
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, status: 503, body: HTML_PAGE, headers: { "Content-Type": "text/html" } });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Dailymotion\ndown", { since, timeoutMs: 15_000 });
		const shown = joinTexts(await waitForImage(stack.host, createKey, /FAILED/, { since }));
		expect(shown).not.toMatch(/<|html|DOCTYPE/i);
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(0);
		await expectPluginHealthy(stack);
	});

	it.each([
		["with Retry-After", { "Retry-After": "30" }],
		["without Retry-After", {}],
	])("shows 'Too many requests' for a 429 %s and sends the create once", async (_label, headers) => {
		const title = useFreshTitle();
		const posts = requestsTo(stack.sandbox.requests, "POST", PROFILE_VIDEOS_PATH).length;
		stack.sandbox.inject({ method: "POST", path: PROFILE_VIDEOS_PATH, status: 429, headers });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Too many\nrequests", { since });
		expect(requestsTo(stack.sandbox.requests, "POST", PROFILE_VIDEOS_PATH).length).toBe(posts + 1);
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(0);
	});

	it("names the setting when the category does not exist", async () => {
		useFreshTitle({ channel: "nosuchcategory" });

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Check\nsettings", { since });
		await waitForImage(stack.host, createKey, /FAILED/, { since });
		expect(currentLog()).toMatch(/Create Live failed: "nosuchcategory" is not a valid channel/);
		stack.host.piSetSettings(createKey, { afterCreate: "none" });
	});
});

describe("faults around the current live", () => {
	let liveId: string;

	beforeAll(async () => {
		useFreshTitle();
		liveId = (await createLiveWithKey(stack, createKey)).id;
		stack.sandbox.setOnAir(liveId, true); // the keys learn it on their next read
	});

	it("reads the live through a 502 HTML page and a 429 with a short Retry-After", async () => {
		const obsKey = stack.host.appear({ action: UUID.obs });
		stack.sandbox.inject({ method: "GET", path: VIDEO_PATH, status: 502, body: HTML_PAGE });
		stack.sandbox.inject({ method: "GET", path: VIDEO_PATH, status: 429, headers: { "Retry-After": "1" } });
		const gets = requestsTo(stack.sandbox.requests, "GET", VIDEO_PATH).length;

		const since = stack.host.commands.length;
		await stack.host.press(obsKey);

		// Send to OBS reads the live's publish URL first; getting as far as OBS (not running here) proves the read
		// went through both faults.
		await waitForTitle(stack.host, obsKey, "OBS not\nrunning", { since, timeoutMs: 15_000 });
		const statuses = requestsTo(stack.sandbox.requests, "GET", VIDEO_PATH).slice(gets).map((r) => r.status);
		expect(statuses.slice(0, 3)).toEqual([502, 429, 200]);
		stack.host.disappear(obsKey);
	});

	it("shows 'Timed out' when a launch times out, sends it once, and a later press launches", async () => {
		stack.sandbox.inject({ method: "POST", path: VIDEO_PATH, delayMs: 11_000, status: 504 });
		const posts = requestsTo(stack.sandbox.requests, "POST", VIDEO_PATH).length;

		const since = stack.host.commands.length;
		await stack.host.press(adBreakKey);

		await waitForImage(stack.host, adBreakKey, /Timed out/, { since, timeoutMs: 20_000 });
		await waitForCommand(stack.host, adBreakKey, "showAlert", undefined, { since });
		expect(requestsTo(stack.sandbox.requests, "POST", VIDEO_PATH).length).toBe(posts + 1);
		expect(stack.sandbox.live(liveId)?.adBreakLaunches).toHaveLength(0);

		const again = stack.host.commands.length;
		await stack.host.press(adBreakKey);
		await stack.host.waitFor((c) => c.context === adBreakKey && c.event === "showOk", { since: again, timeoutMs: 15_000 });
		expect(stack.sandbox.live(liveId)?.adBreakLaunches).toHaveLength(1);
	}, 60_000);

	it("re-authenticates once after a 401 mid-session and the create goes through", async () => {
		const title = useFreshTitle();
		stack.sandbox.expireTokens();
		const tokens = requestsTo(stack.sandbox.requests, "POST", TOKEN_PATH).length;

		await createLiveWithKey(stack, createKey);

		const posts = requestsTo(stack.sandbox.requests, "POST", PROFILE_VIDEOS_PATH).filter((r) => r.form.title === title);
		expect(posts.map((r) => r.status)).toEqual([401, 200]);
		expect(requestsTo(stack.sandbox.requests, "POST", TOKEN_PATH).length).toBe(tokens + 1);
		selectLive(stack.host, liveId);
	});

	it("shows 'not found' on the status and ad-break keys once the live is deleted", async () => {
		const since = stack.host.commands.length;
		stack.sandbox.deleteLive(liveId);

		// The keys' next read (at most one poll interval away) gets a 404 that replaces what they knew.
		await waitForImage(stack.host, statusKey, /Live not found/, { since, timeoutMs: 20_000 });
		await waitForImage(stack.host, adBreakKey, /Live not found/, { since, timeoutMs: 5_000 });
		await expectPluginHealthy(stack);
	}, 60_000);
});

describe("plain http to a remote host", () => {
	it.each([
		["API URL", { apiUrl: "http://api.example.com/rest" }],
		["token URL", { tokenUrl: "http://api.example.com/oauth/v1/token" }],
	])("refuses an http %s before sending anything, and says which setting to fix", async (_label, change) => {
		const saved = { ...stack.host.globalSettings };
		stack.host.piSetGlobalSettings({ ...saved, ...change });
		const requests = stack.sandbox.requests.length;
		useFreshTitle();

		const since = await pressCreate();
		await waitForTitle(stack.host, createKey, "Check\nAPI URL", { since });
		stack.host.piAppear(createKey);
		stack.host.sendToPlugin(createKey, { event: "testConnection", requestId: `https-${since}` });
		const answer = await stack.host.waitFor((c) => c.event === "sendToPropertyInspector" && c.payload?.requestId === `https-${since}`);

		expect(answer.payload).toMatchObject({ ok: false, error: expect.stringMatching(/must use https/) });
		expect(stack.sandbox.requests.length).toBe(requests); // nothing left the machine, not even a token request
		stack.host.piDisappear(createKey);
		stack.host.piSetGlobalSettings(saved);
	});
});

// Last: the sandbox cannot un-revoke credentials.
describe("revoked credentials", () => {
	it("says 'Login failed' and asks for one token per press, never in a loop", async () => {
		const title = useFreshTitle();
		stack.sandbox.revokeCredentials();
		stack.sandbox.expireTokens();
		const tokens = requestsTo(stack.sandbox.requests, "POST", TOKEN_PATH).length;

		const since = await pressCreate();

		await waitForTitle(stack.host, createKey, "Login\nfailed", { since });
		await waitForImage(stack.host, createKey, /FAILED/, { since });
		expect(stack.sandbox.lives().filter((l) => l.title === title)).toHaveLength(0);
		// The press's API call got a 401 and logged in again once; the token endpoint refused. A poll of the status
		// key may have shared or added one more attempt, but nothing keeps asking.
		const afterPress = requestsTo(stack.sandbox.requests, "POST", TOKEN_PATH).length;
		expect(afterPress - tokens).toBeGreaterThanOrEqual(1);
		expect(afterPress - tokens).toBeLessThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(requestsTo(stack.sandbox.requests, "POST", TOKEN_PATH).length - afterPress).toBeLessThanOrEqual(1);
		await expectPluginHealthy(stack);
	});
});

describe("a create whose answer is lost, on API v2", () => {
	let v2: Stack;
	let key: string;

	beforeAll(async () => {
		v2 = await startStack({ mode: V2_API.account });
		key = v2.host.appear({ action: UUID.create, settings: { title: "V2 lost show", afterCreate: "none" } });
	});
	afterAll(async () => {
		await v2?.close();
	});

	it("lists the profile's newest livestreams and adopts the one the unanswered request made (no duplicate)", async () => {
		v2.sandbox.inject({ method: "POST", path: V2_API.createPath, dropAfterHandling: true });
		const since = await pressKey(v2.host, key);
		await v2.host.waitFor((c) => c.context === key && c.event === "showOk", { since, timeoutMs: 15_000 });
		expect(v2.sandbox.lives()).toHaveLength(1);
		const listings = requestsTo(v2.sandbox.requests, "GET", V2_API.createPath);
		expect(listings.length).toBeGreaterThan(0);
		expect(listings[0]!.query).toMatchObject({ sort: "-created_at" });
		await eventually(() => currentLiveIdOf(v2.host) === v2.sandbox.lives()[0]!.id, "the adopted livestream becomes the current one");
		await expectPluginHealthy(v2);
	});

	it("asks to check the lives when neither the create nor the listing answers", async () => {
		v2.sandbox.inject({ method: "POST", path: V2_API.createPath, dropAfterHandling: true });
		v2.sandbox.inject({ method: "GET", path: V2_API.createPath, status: 503, times: 3 });
		const since = await pressKey(v2.host, key);
		await waitForTitle(v2.host, key, "Check\nyour lives", { since, timeoutMs: 20_000 });
		expect(v2.sandbox.lives()).toHaveLength(2);
		await expectPluginHealthy(v2);
	});
});
