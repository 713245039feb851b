/**
 * Regenerates the README's pictures in docs/images/ (`npm run docs:images`, which builds first): the key preview sheet
 * in English and French, the Create Live inspector in English and French, and the virtual Stream Deck (`npm start`)
 * in the middle of an ad break. Everything runs locally: the built plugin in the host simulator, the Dailymotion
 * sandbox and Chromium.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import "./src-imports.ts"; // before anything that reaches src/ (which imports its siblings as "./x.js")

const { startVirtualDeck } = await import("./start/virtual-deck.ts");
const { launchBrowser, openInspector } = await import("../test/harness/browser.ts");
const { freePort } = await import("../test/harness/obs.ts");
const { startStack } = await import("../test/harness/stack.ts");

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "docs", "images");
/** A live title the streamer would type, per language of the pictures. */
const LIVE_TITLES: Record<string, string> = { en: "Friday night show", fr: "Soirée jeux du vendredi" };

/** The preview sheet of every key state in one language (or those whose label matches `only`), 144 px keys with their titles. */
function keySheet(language: string, name = `keys-${language}`, only?: string): void {
	const file = join(OUT, `${name}.png`);
	const filter = only === undefined ? [] : [`--only=${only}`];
	execFileSync(process.execPath, [join(ROOT, "scripts", "make-icons.ts"), `--preview=${file}`, `--languages=${language}`, "--size=144", ...filter], { stdio: "ignore" });
	console.log(`wrote docs/images/${name}.png`);
}

/** The autopilot faces (issue 12): scheduled ad breaks, stream health, recording. */
const AUTOPILOT_STATES = "^(auto ad|stream live, bitrate|stream .*\\((amber|red)\\)|status on-air, health|record (off|starting|on|stopping|unavailable.*)$)";

/** The Create Live key's inspector (its own options, the current live, the account and OBS), after one live was made. */
async function inspector(browser: Browser, language: string): Promise<void> {
	const stack = await startStack({ host: { language } });
	const title = LIVE_TITLES[language] ?? LIVE_TITLES.en!;
	try {
		const { host } = stack;
		const key = host.appear({ action: "com.dailymotion.live.create", settings: { title, afterCreate: "obs" } });
		const since = host.commands.length;
		await host.press(key);
		await host.waitFor((c) => c.context === key && (c.event === "showOk" || c.event === "showAlert"), { since, timeoutMs: 15_000 });
		const { page, close } = await openInspector(browser, host, key);
		await page.locator("section#account").waitFor();
		await waitFor(async () => (await page.locator("#action-channel option").count()) > 10 && (await page.locator("#current-live option").count()) > 1);
		await waitFor(async () => (await page.locator("#edit-title").inputValue()) === title);
		await page.screenshot({ path: join(OUT, `inspector-${language}.png`), fullPage: true });
		console.log(`wrote docs/images/inspector-${language}.png`);
		await close();
	} finally {
		await stack.close();
	}
}

/** The Ad Break key's inspector with automatic ad breaks switched on (their settings are global: one schedule per show). */
async function adBreakInspector(browser: Browser): Promise<void> {
	const stack = await startStack({ globalSettings: { autoAds: true, autoAdsEvery: 15, autoAdsFirst: 10, autoAdsWarn: 60 } });
	try {
		const key = stack.host.appear({ action: "com.dailymotion.live.adbreak" });
		const { page, close } = await openInspector(browser, stack.host, key);
		await page.locator("section#autoads").waitFor();
		await waitFor(async () => (await page.locator("#global-autoAdsEvery").inputValue()) === "15");
		await page.locator("section#autoads").screenshot({ path: join(OUT, "inspector-autoads-en.png") });
		console.log("wrote docs/images/inspector-autoads-en.png");
		await close();
	} finally {
		await stack.close();
	}
}

/** The npm start page with one live on air and an ad break counting down on the key and the dial. */
async function virtualDeck(browser: Browser): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), "docs-deck-"));
	const settingsFile = join(dir, "settings.json");
	writeFileSync(settingsFile, JSON.stringify({ global: {}, keys: { "key-create": { title: "Game night", afterCreate: "none" } } }));
	const deck = await startVirtualDeck({ port: 0, settingsFile, obsUrl: `ws://127.0.0.1:${await freePort()}`, ingest: false });
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		await page.goto(deck.url);
		await page.locator("body[data-ready=true]").waitFor();
		await page.locator('[data-slot="key-create"]').click();
		await waitFor(async () => deck.sandbox!.lives().length === 1);
		const live = deck.sandbox!.lives()[0]!;
		deck.sandbox!.setOnAir(live.id, true);
		// Select the Ad Break key (its inspector shows beside the deck), then launch once the key is ready.
		await page.locator('[data-slot="key-adbreak"]').hover();
		await page.locator('[data-gear="key-adbreak"]').click();
		await waitFor(async () => (await page.locator('[data-slot="key-adbreak"] img.face').getAttribute("src"))?.includes("READY") === true, 30_000);
		await page.locator('[data-slot="key-adbreak"]').click();
		await waitFor(async () => decodeURIComponent((await page.locator('[data-slot="key-adbreak"] img.face').getAttribute("src")) ?? "").includes("ON AIR"));
		await page.locator('[data-slot="key-adbreak"] .flash.ok').waitFor({ state: "detached", timeout: 5_000 });
		await page.waitForTimeout(1_500); // a few seconds into the break, so the ring has visibly started to empty
		await page.screenshot({ path: join(OUT, "virtual-deck.png") });
		console.log("wrote docs/images/virtual-deck.png");
		await page.close();
	} finally {
		await deck.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error("docs:images: the page did not get there in time");
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

mkdirSync(OUT, { recursive: true });
keySheet("en");
keySheet("fr");
keySheet("en", "keys-autopilot-en", AUTOPILOT_STATES);
const browser = await launchBrowser();
try {
	await inspector(browser, "en");
	await inspector(browser, "fr");
	await adBreakInspector(browser);
	await virtualDeck(browser);
} finally {
	await browser.close();
}
