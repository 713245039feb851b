/**
 * `npm start` end to end: the virtual deck server (sandbox + ingest + the built plugin in the host simulator) and
 * its page in real Chromium. A user clicks Create Live, then Ad Break, and sees what the plugin drew.
 */
import { execFileSync, spawn, type ChildProcessByStdio } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOf } from "../../scripts/start/deck-layout.ts";
import { startVirtualDeck, type VirtualDeck } from "../../scripts/start/virtual-deck.ts";
import { launchBrowser, requireChromium, screenshot } from "../harness/browser.ts";
import { DEFAULT_NODE_PATH } from "../harness/host/index.ts";
import { freePort } from "../harness/obs.ts";
import { apiConfigFrom } from "../../src/settings/api-config.ts";
import { API_DEFAULTS, parseGlobalSettings } from "../../src/settings/global.ts";

/** The SVG behind a key's data URL, as text (the plugin renders keys as SVG data URLs). */
async function keySvg(key: Locator): Promise<string> {
	const src = (await key.locator("img.face").getAttribute("src")) ?? "";
	return src.startsWith("data:image/svg+xml,") ? decodeURIComponent(src.slice("data:image/svg+xml,".length)) : src;
}

describe.runIf(requireChromium())("npm start: the virtual Stream Deck page", () => {
	let dir: string;
	let settingsFile: string;
	let deck: VirtualDeck;
	let browser: Browser;
	let page: Page;
	let obsUrl: string;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), "virtual-deck-"));
		settingsFile = join(dir, "start-settings.json");
		// Saved by an earlier run: a short live title, and no OBS step after creating (OBS is not running here).
		writeFileSync(settingsFile, JSON.stringify({ global: {}, keys: { "key-create": { title: "Demo show", afterCreate: "none" } } }));
		// A port nothing listens on: "OBS unreachable" must not depend on what runs on this machine's 4455.
		obsUrl = `ws://127.0.0.1:${await freePort()}`;
		deck = await startVirtualDeck({ port: 0, settingsFile, obsUrl });
		browser = await launchBrowser();
		page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
		page.on("pageerror", (err) => pageErrors.push(err.message));
		await page.goto(deck.url);
		await page.locator("body[data-ready=true]").waitFor();
	});

	afterAll(async () => {
		await browser?.close();
		await deck?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it("shows a 5×3 deck with every action and the dials of a Stream Deck +, with manifest images first", async () => {
		await expect.poll(() => page.locator("#keys > .key").count()).toBe(15);
		for (const slot of ["key-create", "key-obs", "key-stream", "key-adbreak", "key-adtoggle", "key-status"]) {
			expect(await page.locator(`[data-slot="${slot}"] img.face`).getAttribute("src")).toMatch(/^(\/plugin\/imgs\/|data:image\/svg)/);
		}
		expect(await page.locator("#strip .segment[data-slot]").count()).toBe(2);
		// Until the plugin sends its own image, the key shows the manifest's.
		await expect.poll(() => keySvg(page.locator('[data-slot="key-adbreak"]'))).toMatch(/NO LIVE|\/plugin\/imgs\/actions\/adbreak\/key\.svg$/);
	});

	it("shows the selected key's real property inspector beside the deck", async () => {
		const create = deck.host.inspectorUrl(contextOf("key-create"));
		const adBreak = deck.host.inspectorUrl(contextOf("key-adbreak"));
		// The first key is selected on load; its inspector connects through the host's relay.
		await expect.poll(() => page.locator("#inspector-body iframe").getAttribute("src")).toBe(create);
		await expect.poll(() => deck.host.openInspectors).toEqual([contextOf("key-create")]);
		// The gear selects without pressing: the Ad Break inspector replaces it, and nothing was pressed.
		await page.locator('[data-slot="key-adbreak"]').hover();
		await page.locator('[data-gear="key-adbreak"]').click();
		await expect.poll(() => page.locator("#inspector-body iframe").getAttribute("src")).toBe(adBreak);
		await expect.poll(() => deck.host.openInspectors).toEqual([contextOf("key-adbreak")]);
		expect(deck.host.commandsFor(contextOf("key-adbreak")).length).toBeGreaterThan(0);
		expect(await page.locator("#log li.in", { hasText: "Ad Break" }).count()).toBe(0);
		const frame = page.frameLocator("#inspector-body iframe");
		await frame.locator("body").waitFor();
	});

	it("says OBS is not reachable and how to enable its WebSocket server", async () => {
		const obs = page.locator('[data-status="obs"]');
		await expect.poll(() => obs.textContent(), { timeout: 10_000 }).toContain(`OBS not reachable at ${obsUrl}`);
		expect(await obs.textContent()).toContain("Tools → WebSocket Server Settings");
	});

	it("creates a live, then counts an ad break down on the key and the dial", async () => {
		const create = page.locator('[data-slot="key-create"]');
		const adBreak = page.locator('[data-slot="key-adbreak"]');
		const sandbox = deck.sandbox!;

		// Create Live: a live appears in the sandbox, the key names it and confirms.
		await create.click();
		await expect.poll(() => sandbox.lives().length, { timeout: 15_000 }).toBe(1);
		const live = sandbox.lives()[0]!;
		expect(live.title).toBe("Demo show");
		await expect.poll(() => create.locator(".title").textContent(), { timeout: 10_000 }).toBe("Demo show");
		await expect.poll(() => keySvg(create)).toMatch(/^<svg/);
		await expect.poll(() => page.locator('[data-status="live"]').textContent()).toContain(`Live ${live.id} “Demo show” is off air`);

		// The live goes on air (OBS would stream to the ingest); the Ad Break key becomes ready on the next poll.
		sandbox.setOnAir(live.id, true);
		await expect.poll(() => keySvg(adBreak), { timeout: 25_000 }).toContain("READY");

		await adBreak.click();
		await adBreak.locator(".flash.ok").waitFor({ timeout: 10_000 });
		await expect.poll(() => keySvg(adBreak), { timeout: 10_000 }).toContain("ON AIR");
		const svg = await keySvg(adBreak);
		expect(svg).toContain("ADS");
		expect(svg).toMatch(/>0:[0-3]\d</);
		expect(sandbox.live(live.id)?.adBreakLaunches).toHaveLength(1);
		const dial = page.locator('.segment[data-slot="dial-adbreak"]');
		await expect.poll(() => dial.locator(".seg-title").textContent()).toBe("Ads on air");
		expect(await dial.locator(".seg-value").textContent()).toMatch(/^0:[0-3]\d$/);

		// For review: the deck mid-countdown, once the OK mark has faded.
		await adBreak.locator(".flash.ok").waitFor({ state: "detached", timeout: 5_000 });
		await screenshot(page, "deck-countdown");

		// Touching the dial's strip while the break runs is refused on the spot: an alert, no second launch.
		await dial.click();
		await dial.locator(".flash.alert").waitFor({ timeout: 5_000 });
		expect(sandbox.live(live.id)?.adBreakLaunches).toHaveLength(1);
	});

	it("holds a key down for a long click and releases it on pointer up", async () => {
		const stream = page.locator('[data-slot="key-stream"]');
		const lines = (event: string) => page.locator("#log li.in", { hasText: "Stream On/Off" }).filter({ hasText: event }).count();
		const box = (await stream.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

		await page.mouse.down();
		await page.locator('[data-slot="key-stream"].held').waitFor({ timeout: 5_000 });
		expect(await lines("keyDown")).toBe(1);
		expect(await lines("keyUp")).toBe(0);
		await page.mouse.up();

		await expect.poll(() => lines("keyUp")).toBe(1);
		expect(await stream.evaluate((el) => el.classList.contains("held"))).toBe(false);
	});

	it("logs what the plugin sent without images or secrets", async () => {
		const log = page.locator("#log");
		expect(await log.locator("li.in", { hasText: "Create Live" }).filter({ hasText: "keyDown" }).count()).toBeGreaterThan(0);
		expect(await log.locator("li.out", { hasText: "Ad Break" }).filter({ hasText: "showOk" }).count()).toBeGreaterThan(0);
		expect(await log.locator("li.out .event", { hasText: "setImage" }).count()).toBeGreaterThan(0);
		const saved = log.locator("li.out", { hasText: "setGlobalSettings" });
		expect(await saved.count()).toBeGreaterThan(0);
		const text = (await log.textContent()) ?? "";
		const { apiSecret } = deck.sandbox!.credentials.partner;
		expect(text).not.toContain(apiSecret);
		expect(await saved.last().textContent()).toContain(`"apiSecret":"…${apiSecret.slice(-4)}"`);
		expect(text).not.toContain("data:image");
		expect(pageErrors).toEqual([]);
	});

	it("saves settings to the settings file as they change", async () => {
		const liveId = deck.sandbox!.lives()[0]!.id;
		await expect
			.poll(() => (JSON.parse(readFileSync(settingsFile, "utf8")) as { global: { sandbox?: { liveId?: string } } }).global.sandbox?.liveId, {
				timeout: 5_000,
			})
			.toBe(liveId);
		const saved = JSON.parse(readFileSync(settingsFile, "utf8")) as { keys: Record<string, unknown> };
		expect(saved.keys["key-create"]).toEqual({ title: "Demo show", afterCreate: "none" });
	});
});

const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));

type Cli = ChildProcessByStdio<null, Readable, Readable> & { output(): string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Runs `npm start`'s command line without its build step (the suite already built the plugin), like npm runs it. */
function startCli(args: string[]): Cli {
	const child = spawn(DEFAULT_NODE_PATH, ["scripts/start/cli.ts", ...args], { cwd: REPO_DIR, stdio: ["ignore", "pipe", "pipe"] });
	let output = "";
	child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
	const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
	return Object.assign(child, { output: () => output, exit });
}

/** Process ids of the plugin processes whose parent is `pid`. */
function pluginChildren(pid: number): number[] {
	let lines: string;
	try {
		lines = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" });
	} catch {
		return []; // ps exits 1 when there is no such process
	}
	return lines
		.split("\n")
		.filter((line) => line.includes("bin/plugin.js"))
		.map((line) => Number.parseInt(line.trim(), 10));
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe("npm start's command line", () => {
	let dir: string;
	let cli: Cli | undefined;

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), "virtual-deck-cli-"));
	});

	afterAll(async () => {
		if (cli && cli.exitCode === null && cli.signalCode === null) {
			cli.kill("SIGKILL");
			await cli.exit;
		}
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it("prints the page's URL, serves the deck with the plugin running, and stops everything on Ctrl-C", async () => {
		const settingsFile = join(dir, "cli-settings.json");
		const obsUrl = `ws://127.0.0.1:${await freePort()}`;
		cli = startCli(["--port", "0", "--settings", settingsFile, "--no-ingest", "--obs-url", obsUrl]);
		const started = cli;
		await expect.poll(() => /Virtual Stream Deck: (http:\/\/127\.0\.0\.1:\d+\/?)\s/.exec(started.output())?.[1], { timeout: 30_000 }).toBeTruthy();
		const url = /Virtual Stream Deck: (http:\/\/127\.0\.0\.1:\d+\/?)\s/.exec(cli.output())![1]!;
		expect(cli.output()).toMatch(/Dailymotion sandbox: http:\/\/127\.0\.0\.1:\d+/);
		expect(cli.output()).toContain("RTMP ingest:         not started: RTMP ingest disabled (--no-ingest)");
		expect(cli.output()).toContain(`Settings file:       ${settingsFile}`);

		const res = await fetch(url);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain("Virtual Stream Deck");
		expect(html).toContain('id="keys"');

		// The built plugin runs as the CLI's child, and the options reached it: settings saved where asked, OBS URL given.
		await expect.poll(() => pluginChildren(started.pid!).length, { timeout: 10_000 }).toBe(1);
		const plugin = pluginChildren(cli.pid!)[0]!;
		await expect
			.poll(() => {
				try {
					return (JSON.parse(readFileSync(settingsFile, "utf8")) as { global: { sandbox?: { obsUrl?: string } } }).global.sandbox?.obsUrl;
				} catch {
					return undefined;
				}
			}, { timeout: 10_000 })
			.toBe(obsUrl);

		cli.kill("SIGINT");
		const exited = await Promise.race([cli.exit, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 20_000))]);
		expect(exited, cli.output()).toEqual({ code: 0, signal: null });
		expect(cli.output()).toContain("Ctrl-C: stopping the plugin, sandbox and ingest…");
		expect(cli.output()).toContain("Stopped.");
		expect(isRunning(plugin), `plugin process ${plugin} still running`).toBe(false);
	}, 60_000);

	it("refuses a bad option with the usage and exit code 2, starting nothing", async () => {
		const bad = startCli(["--port", "eighty"]);
		expect(await bad.exit).toEqual({ code: 2, signal: null });
		expect(bad.output()).toContain("--port must be a port number, not eighty");
		expect(bad.output()).toContain("Usage: npm start -- [options]");
		expect(bad.output()).not.toContain("Starting");
	}, 30_000);
});

describe("npm start -- --real-api", () => {
	let dir: string;
	let deck: VirtualDeck | undefined;

	afterAll(async () => {
		await deck?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it("starts no sandbox or ingest and leaves the plugin on the real API endpoints, even after a sandbox run", async () => {
		dir = mkdtempSync(join(tmpdir(), "virtual-deck-real-"));
		const settingsFile = join(dir, "start-settings.json");
		// What an earlier sandbox run saved: its local endpoints must not follow the user to the real API.
		const sandboxRun = { apiMode: "partner", apiUrl: "http://127.0.0.1:9/rest", tokenUrl: "http://127.0.0.1:9/oauth/v1/token", apiKey: "sandbox-key", obsUrl: "ws://127.0.0.1:9" };
		writeFileSync(settingsFile, JSON.stringify({ global: { sandbox: sandboxRun }, keys: {} }));
		deck = await startVirtualDeck({ port: 0, settingsFile, realApi: true });

		expect(deck.sandbox).toBeUndefined();
		expect(deck.ingest).toBeUndefined();
		const settings = deck.host.globalSettings;
		expect(settings).not.toHaveProperty("apiUrl");
		expect(settings).not.toHaveProperty("tokenUrl");
		expect(settings).not.toHaveProperty("apiKey");
		const api = apiConfigFrom(parseGlobalSettings(settings).value);
		expect(api.ok && { apiUrl: api.config.apiUrl, tokenUrl: api.config.tokenUrl }).toEqual(API_DEFAULTS.partner);
		expect((await fetch(deck.url)).status).toBe(200);
	}, 60_000);
});

describe("npm start -- --api v2", () => {
	let dir: string;
	let deck: VirtualDeck | undefined;

	afterAll(async () => {
		await deck?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it("runs the plugin on the sandbox's API v2 (its legacy account kept for switching), and Create Live uses /v2 only", async () => {
		dir = mkdtempSync(join(tmpdir(), "virtual-deck-v2-"));
		const settingsFile = join(dir, "start-settings.json");
		writeFileSync(settingsFile, JSON.stringify({ global: {}, keys: { "key-create": { title: "V2 demo", afterCreate: "none" } } }));
		deck = await startVirtualDeck({ port: 0, settingsFile, api: "v2", ingest: false, obsUrl: `ws://127.0.0.1:${await freePort()}` });
		const { host, sandbox } = deck;
		expect(host.globalSettings).toMatchObject({
			apiVersion: "v2",
			v2ApiUrl: sandbox!.v2.apiUrl,
			v2TokenUrl: sandbox!.v2.tokenUrl,
			v2ApiKey: sandbox!.credentials.v2.apiKey,
			v2ProfileId: sandbox!.credentials.v2.profileId,
			apiKey: sandbox!.credentials.partner.apiKey,
		});

		const create = contextOf("key-create");
		const since = host.commands.length;
		await host.press(create);
		await host.waitFor((c) => c.context === create && c.event === "showOk", { since, timeoutMs: 20_000 });
		const [live] = sandbox!.lives();
		expect(live).toMatchObject({ title: "V2 demo" });
		await expect.poll(() => host.globalSettings.v2LiveId, { timeout: 10_000 }).toBe(live!.id);
		expect(sandbox!.requests.filter((r) => r.method === "POST" && r.path.endsWith("/livestreams")).map((r) => r.status)).toEqual([201]);
		expect(sandbox!.requests.filter((r) => /^\/(rest|oauth|user-api)\b/.test(r.path))).toEqual([]);
		// The Ad Breaks On/Off key says the toggle does not exist on API v2.
		const toggle = host.lastImage(contextOf("key-adtoggle")) ?? "";
		expect(decodeURIComponent(toggle)).toContain("NOT ON API V2");
	}, 60_000);
});
