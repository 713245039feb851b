import { setTimeout as delay } from "node:timers/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { launchBrowser, openInspector, requireChromium, screenshot, type InspectorPage } from "../harness/browser.ts";
import { requireObs } from "../harness/obs.ts";
import { startStack, type Stack } from "../harness/stack.ts";
import { REPEAT_WINDOW_MS } from "../../src/live/live-creator.ts";

// The property inspector, opened in real Chromium from the host simulator (which relays its socket like the Stream
// Deck app), against the built plugin and the Dailymotion sandbox.
const ACTIONS = {
	create: "com.dailymotion.live.create",
	obs: "com.dailymotion.live.obs",
	stream: "com.dailymotion.live.stream",
	adbreak: "com.dailymotion.live.adbreak",
	adtoggle: "com.dailymotion.live.adtoggle",
	status: "com.dailymotion.live.status",
	record: "com.dailymotion.live.record",
} as const;

const browserOk = requireChromium();
let browser: Browser;
let stack: Stack;
let open: InspectorPage | undefined;
/** When a Create Live key was last pressed: presses within REPEAT_WINDOW_MS repeat its outcome by design. */
let lastCreatePress = 0;
/** Answers go through the plugin and the sandbox on a shared, busy machine: wait generously for them. */
const WAIT = { timeout: 15_000 };

beforeAll(async () => {
	if (!browserOk) return;
	browser = await launchBrowser();
	stack = await startStack();
});

afterEach(async () => {
	if (open) expect(open.errors, "errors in the inspector page").toEqual([]);
	await open?.close();
	open = undefined;
});

afterAll(async () => {
	await stack?.close();
	await browser?.close();
});

/** A key of each action shown so far: the simulated deck has 15 slots, so later tests reopen these. */
const shown = new Map<keyof typeof ACTIONS, string>();

async function inspect(action: keyof typeof ACTIONS, settings: Record<string, unknown> = {}): Promise<{ page: Page; ctx: string }> {
	const ctx = stack.host.appear({ action: ACTIONS[action], settings });
	if (!shown.has(action)) shown.set(action, ctx);
	open = await openInspector(browser, stack.host, ctx);
	return { page: open.page, ctx };
}

/** Closes the open inspector (before opening another in the same test). */
async function closeInspector(): Promise<void> {
	await open?.close();
	open = undefined;
}

/** Opens the inspector of a key of `action` shown earlier (or of a new one). */
async function inspectAgain(action: keyof typeof ACTIONS): Promise<{ page: Page; ctx: string }> {
	const ctx = shown.get(action);
	if (!ctx) return inspect(action);
	open = await openInspector(browser, stack.host, ctx);
	return { page: open.page, ctx };
}

/** Creates a live straight on the sandbox API (as if made earlier from the Dailymotion site). */
async function seedLive(title: string): Promise<string> {
	const { apiKey, apiSecret, profileId } = stack.sandbox.credentials.partner;
	const grant = { grant_type: "client_credentials", client_id: apiKey, client_secret: apiSecret, scope: "manage_videos" };
	const token = (await (await fetch(stack.sandbox.partner.tokenUrl, { method: "POST", body: new URLSearchParams(grant) })).json()) as { access_token: string };
	const form = { mode: "live", published: "true", channel: "videogames", is_created_for_kids: "false", title };
	const res = await fetch(`${stack.sandbox.partner.apiUrl}/user/${profileId}/videos?fields=id`, {
		method: "POST",
		headers: { Authorization: `Bearer ${token.access_token}` },
		body: new URLSearchParams(form),
	});
	return ((await res.json()) as { id: string }).id;
}

describe.skipIf(!browserOk)("property inspector in Chromium", () => {
	it("Create Live: saves the key's settings as they are typed, previews the title, lists categories", async () => {
		const { page, ctx } = await inspect("create");
		const form = page.getByRole("region", { name: "Create Live" });
		const category = form.getByLabel("Category");
		await expect.poll(() => category.locator("option").count(), WAIT).toBeGreaterThan(10);

		await form.getByLabel("Title").fill("Show {date}");
		const today = new Date();
		const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
		await expect.poll(() => page.locator("#title-preview").textContent(), WAIT).toBe(`Show ${date}`);
		await category.selectOption("news");
		await form.getByLabel("Made for kids").check();
		await form.getByLabel("After create").selectOption("none");
		await vi.waitFor(() => expect(stack.host.settingsOf(ctx)).toEqual({ title: "Show {date}", channel: "news", forKids: true, afterCreate: "none" }), WAIT);
		expect(stack.host.globalSettings).not.toHaveProperty("title");
		await screenshot(page, "inspector-create");

		// The key uses what the inspector saved.
		await stack.host.press(ctx);
		lastCreatePress = Date.now();
		await vi.waitFor(() => expect(stack.sandbox.lives().find((l) => l.title === `Show ${date}`)).toMatchObject({ channel: "news", isCreatedForKids: true }), WAIT);

		await form.getByLabel("Title").fill("x".repeat(256));
		await expect.poll(() => page.locator("#action-title-error").textContent(), WAIT).toBe("Title must be at most 255 characters");
		expect(await form.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
	});

	it("Dailymotion account: Test connection shows who the plugin logs in as, then the exact failure with a wrong secret", async () => {
		const { page } = await inspect("status");
		const account = page.getByRole("region", { name: "Dailymotion account" });
		const status = page.locator("#account-status");
		const { profileId, apiSecret } = stack.sandbox.credentials.partner;
		await expect.poll(() => account.getByLabel("API key").inputValue(), WAIT).toBe(stack.sandbox.credentials.partner.apiKey);
		expect(await account.getByLabel("API secret").getAttribute("type")).toBe("password");

		await account.getByRole("button", { name: "Test connection" }).click();
		await expect.poll(() => status.textContent(), WAIT).toBe(`Connected to the legacy API (partner key, profile ${profileId})`);
		await screenshot(page, "inspector-status");

		// Typed and tested at once: the pending edit is flushed before the plugin is asked.
		await account.getByLabel("API secret").fill("wrong");
		await account.getByRole("button", { name: "Test connection" }).click();
		await expect.poll(() => status.textContent(), WAIT).toMatch(/^Login failed: .*(invalid|Invalid)/);
		expect(await status.getAttribute("class")).toBe("status error");
		expect(stack.host.globalSettings).toMatchObject({ apiSecret: "wrong", apiKey: stack.sandbox.credentials.partner.apiKey, profileId });
		expect(await status.textContent()).not.toContain("wrong");

		await account.getByLabel("API secret").fill(apiSecret);
		await vi.waitFor(() => expect(stack.host.globalSettings.apiSecret).toBe(apiSecret), WAIT);
	});

	it("Dailymotion account: user mode shows the login fields; advanced endpoints are validated inline", async () => {
		const { page } = await inspect("adtoggle");
		const account = page.getByRole("region", { name: "Dailymotion account" });
		await expect.poll(() => account.getByLabel("API key").inputValue(), WAIT).not.toBe("");
		await expect(account.getByLabel("Username").isVisible()).resolves.toBe(false);

		await account.getByLabel("Account").selectOption("user");
		await account.getByLabel("Username").fill("someone");
		await account.getByLabel("Password").fill("pa55");
		await vi.waitFor(() => expect(stack.host.globalSettings).toMatchObject({ apiMode: "user", username: "someone", password: "pa55" }), WAIT);

		await account.getByText("Advanced endpoints").click();
		const apiUrl = account.getByLabel("API URL");
		expect(await apiUrl.inputValue()).toBe(stack.sandbox.partner.apiUrl);
		await apiUrl.fill("http://example.com/api");
		await expect.poll(() => page.locator("#global-apiUrl-error").textContent(), WAIT).toBe("API URL must use https (http is only allowed for localhost)");
		await apiUrl.fill(stack.sandbox.partner.apiUrl);
		await expect.poll(() => page.locator("#global-apiUrl-error").isVisible(), WAIT).toBe(false);

		// Back to the partner key the stack runs with.
		await account.getByLabel("Account").selectOption("partner");
		await vi.waitFor(() => expect(stack.host.globalSettings.apiMode).toBe("partner"), WAIT);
		await expect(account.getByLabel("Username").isVisible()).resolves.toBe(false);
		await screenshot(page, "inspector-adtoggle");
	});

	it("Dailymotion account: API v2 and back keeps both APIs' credentials; v2 picks a profile from GET /me and says which API answered", async () => {
		const { page } = await inspect("create");
		const account = page.getByRole("region", { name: "Dailymotion account" });
		const status = page.locator("#account-status");
		const { partner, v2 } = stack.sandbox.credentials;
		const apiKey = account.getByLabel("API key");
		await expect.poll(() => apiKey.inputValue(), WAIT).toBe(partner.apiKey);

		await account.getByLabel("API", { exact: true }).selectOption("v2");
		await vi.waitFor(() => expect(stack.host.globalSettings.apiVersion).toBe("v2"), WAIT);
		// API v2 has its own, empty fields; the legacy ones stay saved.
		await expect.poll(() => apiKey.inputValue(), WAIT).toBe("");
		await expect(account.getByLabel("Account").count()).resolves.toBe(0);
		await apiKey.fill(v2.apiKey);
		await account.getByLabel("API secret").fill(v2.apiSecret);
		expect(await account.getByLabel("API secret").getAttribute("type")).toBe("password");
		await account.getByText("Advanced endpoints").click();
		await account.getByLabel("API URL").fill(stack.sandbox.v2.apiUrl);
		await account.getByLabel("Token URL").fill("http://example.com/v2/token");
		await expect.poll(() => page.locator("#global-v2TokenUrl-error").textContent(), WAIT).toBe("Token URL must use https (http is only allowed for localhost)");
		await account.getByLabel("Token URL").fill(stack.sandbox.v2.tokenUrl);

		// The profile picker lists what GET /me returns; picking one fills the profile id.
		await account.getByRole("button", { name: "Reload your profiles" }).click();
		const picker = account.getByLabel("Your profiles", { exact: true });
		await expect.poll(() => picker.locator("option").allTextContents(), WAIT).toEqual([
			"Pick a profile…",
			...v2.profiles.map((p) => `${p.name} (${p.profileId})`),
		]);
		await picker.selectOption(v2.profileId);
		await vi.waitFor(() => expect(stack.host.globalSettings.v2ProfileId).toBe(v2.profileId), WAIT);
		await expect.poll(() => account.getByLabel("Profile id").inputValue(), WAIT).toBe(v2.profileId);

		await account.getByRole("button", { name: "Test connection" }).click();
		await expect.poll(() => status.textContent(), WAIT).toBe(`Connected to API v2 (profile ${v2.profileId})`);
		expect(stack.host.globalSettings).toMatchObject({
			apiVersion: "v2",
			v2ApiKey: v2.apiKey,
			v2ApiSecret: v2.apiSecret,
			apiKey: partner.apiKey,
			apiSecret: partner.apiSecret,
			profileId: partner.profileId,
		});
		await screenshot(page, "inspector-account-v2");

		// Back to the legacy API: its fields come back as they were, and it answers as itself.
		await account.getByLabel("API", { exact: true }).selectOption("legacy");
		await expect.poll(() => apiKey.inputValue(), WAIT).toBe(partner.apiKey);
		await expect.poll(() => status.isVisible(), WAIT).toBe(false);
		await account.getByRole("button", { name: "Test connection" }).click();
		await expect.poll(() => status.textContent(), WAIT).toBe(`Connected to the legacy API (partner key, profile ${partner.profileId})`);
		expect(stack.host.globalSettings).toMatchObject({ apiVersion: "legacy", v2ApiKey: v2.apiKey, v2ApiSecret: v2.apiSecret, v2ProfileId: v2.profileId });

		// And to v2 once more: nothing was lost on the way.
		await account.getByLabel("API", { exact: true }).selectOption("v2");
		await expect.poll(() => apiKey.inputValue(), WAIT).toBe(v2.apiKey);
		await expect.poll(() => account.getByLabel("Profile id").inputValue(), WAIT).toBe(v2.profileId);
		await account.getByLabel("API", { exact: true }).selectOption("legacy");
		await vi.waitFor(() => expect(stack.host.globalSettings.apiVersion).toBe("legacy"), WAIT);
	});

	it("current live: each API version has its own current live; switching shows the live of the API in use", async () => {
		const legacyLive = await seedLive("Legacy current");
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, ...stack.accountSettings("v2"), apiVersion: "legacy", liveId: legacyLive });
		const { page } = await inspectAgain("status");
		await expect.poll(() => page.locator("#edit-title").inputValue(), WAIT).toBe("Legacy current");

		// On v2 there is no current live yet; Create Live there makes one, and the legacy one is kept.
		const account = page.getByRole("region", { name: "Dailymotion account" });
		await account.getByLabel("API", { exact: true }).selectOption("v2");
		await expect.poll(() => page.locator("#edit-status").textContent(), WAIT).toMatch(/No current live yet/);
		const create = stack.host.appear({ action: ACTIONS.create, settings: { afterCreate: "none", title: "V2 current" } });
		await delay(Math.max(0, lastCreatePress + REPEAT_WINDOW_MS + 100 - Date.now()));
		lastCreatePress = Date.now();
		await stack.host.press(create);
		await vi.waitFor(() => expect(stack.host.globalSettings.v2LiveId).toMatch(/^x/), WAIT);
		const v2Live = String(stack.host.globalSettings.v2LiveId);
		expect(stack.sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith("/livestreams")).at(-1)?.status).toBe(201);
		await expect.poll(() => page.locator("#edit-title").inputValue(), WAIT).toBe("V2 current");
		expect(stack.host.globalSettings.liveId).toBe(legacyLive);

		await account.getByLabel("API", { exact: true }).selectOption("legacy");
		await expect.poll(() => page.locator("#edit-title").inputValue(), WAIT).toBe("Legacy current");
		expect(stack.host.globalSettings.v2LiveId).toBe(v2Live);
		stack.host.disappear(create);
	});

	it("global settings: an edit after the plugin wrote liveId keeps the plugin's liveId (merged, never stale)", async () => {
		const create = stack.host.appear({ action: ACTIONS.create, settings: { afterCreate: "none", title: "Merge check" } });
		const { page } = await inspect("stream");
		const obs = page.getByRole("region", { name: "OBS" });
		await expect.poll(() => obs.getByLabel("WebSocket URL").inputValue(), WAIT).toBe("ws://127.0.0.1:9");
		await screenshot(page, "inspector-stream");
		const before = stack.host.globalSettings.liveId;

		await delay(Math.max(0, lastCreatePress + REPEAT_WINDOW_MS + 200 - Date.now()));
		await stack.host.press(create);
		await vi.waitFor(() => expect(stack.host.globalSettings.liveId).not.toBe(before), WAIT);
		const liveId = stack.host.globalSettings.liveId;
		await obs.getByLabel("Password").fill("obs-secret");
		await vi.waitFor(() => expect(stack.host.globalSettings.obsPassword).toBe("obs-secret"), WAIT);
		expect(stack.host.globalSettings.liveId).toBe(liveId);
		await page.getByLabel("Debug log").check();
		await vi.waitFor(() => expect(stack.host.globalSettings).toMatchObject({ debugLogging: true, obsPassword: "obs-secret", liveId }), WAIT);
		await page.getByLabel("Debug log").uncheck();
		await obs.getByLabel("Password").fill("");
	});

	it("OBS: Test OBS reports why it cannot connect; the URL is validated inline", async () => {
		const { page } = await inspect("obs");
		const obs = page.getByRole("region", { name: "OBS" });
		await obs.getByRole("button", { name: "Test OBS" }).click();
		await expect.poll(() => page.locator("#obs-status").getAttribute("class"), WAIT).toBe("status error");
		expect(await page.locator("#obs-status").textContent()).toMatch(/OBS/);
		await screenshot(page, "inspector-obs-failing");

		await obs.getByLabel("WebSocket URL").fill("http://127.0.0.1:4455");
		await expect.poll(() => page.locator("#global-obsUrl-error").textContent(), WAIT).toBe("OBS URL must look like ws://127.0.0.1:4455");
		await obs.getByLabel("WebSocket URL").fill("ws://127.0.0.1:9");
		await expect.poll(() => page.locator("#global-obsUrl-error").isVisible(), WAIT).toBe(false);
	});

	it("Send to OBS and Ad Break: key options are saved to the key, with inline validation of the cooldown", async () => {
		const sendToObs = await inspect("obs");
		await sendToObs.page.getByRole("region", { name: "Send to OBS" }).getByLabel("Start streaming").check();
		await vi.waitFor(() => expect(stack.host.settingsOf(sendToObs.ctx)).toEqual({ start: true }), WAIT);
		await screenshot(sendToObs.page, "inspector-obs");
		await open?.close();
		open = undefined;

		const { page, ctx } = await inspect("adbreak");
		const cooldown = page.getByRole("region", { name: "Ad Break" }).getByLabel("Cooldown (s)");
		expect(await cooldown.getAttribute("placeholder")).toBe("35");
		await cooldown.fill("20");
		await expect.poll(() => page.locator("#action-cooldown-error").textContent(), WAIT).toBe("Cooldown must be at least 35 sec (an ad break lasts 35 sec)");
		await cooldown.fill("90");
		await vi.waitFor(() => expect(stack.host.settingsOf(ctx)).toEqual({ cooldown: 90 }), WAIT);
		await expect.poll(() => page.locator("#action-cooldown-error").isVisible(), WAIT).toBe(false);
		await screenshot(page, "inspector-adbreak");
	});

	it("Auto ad breaks: one schedule in the global settings, numbers shown only while on, validated inline; Live Status and Create Live options", async () => {
		const { page, ctx } = await inspectAgain("adbreak");
		const autoAds = page.getByRole("region", { name: "Auto ad breaks" });
		await expect.poll(() => autoAds.getByLabel("Every (min)").isVisible(), WAIT).toBe(false);
		await autoAds.getByLabel("Launch ad breaks on a schedule").check();
		await expect.poll(() => autoAds.getByLabel("Every (min)").isVisible(), WAIT).toBe(true);
		await autoAds.getByLabel("Every (min)").fill("2");
		await expect.poll(() => page.locator("#global-autoAdsEvery-error").textContent(), WAIT).toBe("The ad-break interval must be at least 5 min");
		await autoAds.getByLabel("Every (min)").fill("20");
		await autoAds.getByLabel("Warn me (s)").fill("30");
		await vi.waitFor(() => expect(stack.host.globalSettings).toMatchObject({ autoAds: true, autoAdsEvery: 20, autoAdsWarn: 30 }), WAIT);
		expect(stack.host.settingsOf(ctx)).not.toHaveProperty("autoAds"); // never per key: one schedule for the show
		await screenshot(page, "inspector-autoads");
		await autoAds.getByLabel("Launch ad breaks on a schedule").uncheck();
		await vi.waitFor(() => expect(stack.host.globalSettings.autoAds).toBe(false), WAIT);
		await closeInspector();

		const status = await inspect("status");
		await status.page.getByRole("region", { name: "Live Status" }).getByLabel("Show stream health").check();
		await vi.waitFor(() => expect(stack.host.settingsOf(status.ctx)).toEqual({ showHealth: true }), WAIT);
		await closeInspector();

		const record = await inspect("record");
		await expect.poll(() => record.page.getByRole("region", { name: "Record On/Off" }).textContent(), WAIT).toContain("on the legacy API");
		await screenshot(record.page, "inspector-record");
		await closeInspector();

		const create = await inspectAgain("create");
		await create.page.getByRole("region", { name: "Create Live" }).getByLabel("Record the live").check();
		await vi.waitFor(() => expect(stack.host.settingsOf(create.ctx)).toMatchObject({ autoRecord: true }), WAIT);
	});

	it("current live: lists the profile's lives, picks one, and edits its title, category and private flag on the API", async () => {
		const older = await seedLive("Older show");
		const { page } = await inspect("status");
		const current = page.getByRole("region", { name: "Current live" });
		const picker = current.getByLabel("Live", { exact: true });
		await expect.poll(() => picker.locator("option").allTextContents(), WAIT).toContainEqual(expect.stringMatching(/^Older show/));
		const picked = await seedLive("Picked show");
		await current.getByRole("button", { name: "Refresh the list of lives" }).click();
		await expect.poll(() => picker.locator("option").allTextContents(), WAIT).toEqual(expect.arrayContaining([expect.stringMatching(/^Older show/), expect.stringMatching(/^Picked show/)]));
		expect(await picker.locator("option").first().textContent()).toMatch(/^Latest created: /);

		await picker.selectOption(older);
		await vi.waitFor(() => expect(stack.host.globalSettings.liveId).toBe(older), WAIT);
		await picker.selectOption(picked);
		await vi.waitFor(() => expect(stack.host.globalSettings.liveId).toBe(picked), WAIT);
		const title = page.locator("#edit-title");
		await expect.poll(() => title.inputValue(), WAIT).toBe("Picked show");
		expect(await page.locator("#edit-channel").inputValue()).toBe("videogames");

		const since = stack.sandbox.requests.length;
		await title.fill("Renamed show");
		await current.getByLabel("Category").selectOption("news");
		await page.locator("#edit-private").check();
		await current.getByRole("button", { name: "Save changes" }).click();
		await expect.poll(() => page.locator("#edit-status").textContent(), WAIT).toBe("Saved title, category, and private flag.");
		expect(stack.sandbox.live(picked)).toMatchObject({ title: "Renamed show", private: true, channel: "news" });
		const edits = stack.sandbox.requests.slice(since).filter((r) => r.method === "POST" && r.path.endsWith(`/video/${picked}`));
		expect(edits).toHaveLength(1);
		expect(edits[0]?.form).toEqual({ title: "Renamed show", channel: "news", private: "true" });
		// The editor shows what the API answered.
		expect(await page.locator("#edit-channel").inputValue()).toBe("news");
		expect(await page.locator("#edit-private").isChecked()).toBe(true);

		await expect.poll(() => picker.locator("option").allTextContents(), WAIT).toContainEqual(expect.stringMatching(/^Renamed show/));
		await screenshot(page, "inspector-current-live");

		// Only the category changed: only the category is sent.
		const sinceCategory = stack.sandbox.requests.length;
		await current.getByLabel("Category").selectOption("videogames");
		await current.getByRole("button", { name: "Save changes" }).click();
		await expect.poll(() => page.locator("#edit-status").textContent(), WAIT).toBe("Saved category.");
		expect(stack.sandbox.live(picked)).toMatchObject({ title: "Renamed show", private: true, channel: "videogames" });
		const categoryEdits = stack.sandbox.requests.slice(sinceCategory).filter((r) => r.method === "POST" && r.path.endsWith(`/video/${picked}`));
		expect(categoryEdits.map((r) => r.form)).toEqual([{ channel: "videogames" }]);

		await title.fill("");
		await expect.poll(() => page.locator("#edit-title-error").textContent(), WAIT).toBe("Title must be 1 to 255 characters");
	});
});

describe.skipIf(!browserOk)("property inspector: narrow panel and keyboard", () => {
	it.each(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])("%s: fits 350 px without horizontal scrolling and labels every field", async (action) => {
		const { page } = await inspectAgain(action);
		const account = page.getByRole("region", { name: "Dailymotion account" });
		expect(page.viewportSize()?.width).toBe(350);
		await expect.poll(() => account.getByLabel("API key").inputValue(), WAIT).not.toBe("");
		// Everything unfolded, user-mode fields included: the widest the form gets.
		await account.getByLabel("Account").selectOption("user");
		await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
		// The longest title allowed, without a space to wrap at, previewed.
		if (action === "create") {
			await page.getByRole("region", { name: "Create Live" }).getByLabel("Title").fill("x".repeat(255));
			await expect.poll(() => page.locator("#title-preview").textContent(), WAIT).toBe("x".repeat(255));
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
		const unnamed = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")]
				.filter((field) => {
					const labelled = [...(field.labels ?? [])].some((label) => label.textContent?.trim());
					const byIds = (field.getAttribute("aria-labelledby") ?? "").split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim());
					return !labelled && !byIds && !field.getAttribute("aria-label")?.trim();
				})
				.map((field) => field.id || field.outerHTML),
		);
		expect(unnamed).toEqual([]);
		expect(await page.locator("input, select").count()).toBeGreaterThan(5);
		await account.getByLabel("Account").selectOption("partner");
		await vi.waitFor(() => expect(stack.host.globalSettings.apiMode).toBe("partner"), WAIT);
	});

	it("Tab reaches the main buttons, and Enter or Space on the focused button does what a click does", async () => {
		const liveId = await seedLive("Keyboard show");
		stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, liveId });
		const { page } = await inspectAgain("status");
		await expect.poll(() => page.locator("#edit-title").inputValue(), WAIT).toBe("Keyboard show");
		await expect.poll(() => page.getByRole("region", { name: "Dailymotion account" }).getByLabel("API key").inputValue(), WAIT).not.toBe("");

		/** Presses Tab until the element with `id` has the focus (at most once around the page). */
		const tabTo = async (id: string): Promise<string[]> => {
			const seen: string[] = [];
			for (let i = 0; i < 80; i++) {
				await page.keyboard.press("Tab");
				const focused = await page.evaluate(() => document.activeElement?.id ?? "");
				if (focused === id) return seen;
				seen.push(focused);
			}
			throw new Error(`Tab never reached #${id}; focus went through ${seen.join(", ")}`);
		};

		await tabTo("test-connection");
		await page.keyboard.press("Enter");
		await expect.poll(() => page.locator("#account-status").textContent(), WAIT).toBe(
			`Connected to the legacy API (partner key, profile ${stack.sandbox.credentials.partner.profileId})`,
		);

		await tabTo("test-obs");
		await page.keyboard.press("Space");
		await expect.poll(() => page.locator("#obs-status").getAttribute("class"), WAIT).toBe("status error");
		expect(await page.locator("#obs-status").textContent()).toMatch(/OBS/);

		// Around again to the live editor: type a new title, then save with the keyboard only.
		await tabTo("edit-title");
		await page.keyboard.press("ControlOrMeta+A");
		await page.keyboard.type("Typed show");
		await tabTo("save-live");
		await page.keyboard.press("Enter");
		await expect.poll(() => page.locator("#edit-status").textContent(), WAIT).toBe("Saved title.");
		expect(stack.sandbox.live(liveId)).toMatchObject({ title: "Typed show" });
	});
});

describe.skipIf(!browserOk || !requireObs())("property inspector with real OBS", () => {
	let obsStack: Stack | undefined;
	afterAll(() => obsStack?.close());

	it("Test OBS shows the versions of OBS and obs-websocket", async () => {
		obsStack = await startStack({ obs: true });
		const ctx = obsStack.host.appear({ action: ACTIONS.stream });
		open = await openInspector(browser, obsStack.host, ctx);
		const { page } = open;
		await expect.poll(() => page.getByLabel("WebSocket URL").inputValue(), WAIT).toBe(obsStack.obs?.url);
		await page.getByRole("button", { name: "Test OBS" }).click();
		await expect.poll(() => page.locator("#obs-status").textContent(), WAIT).toMatch(/^Connected to OBS \d+\.\d+\.\d+ \(obs-websocket \d+\.\d+\.\d+\)$/);
		await screenshot(page, "inspector-stream-obs-connected");
	}, 60_000);
});
