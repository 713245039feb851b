/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, to open property inspectors served by the
 * host simulator exactly as the Stream Deck app shows them (a ~350 px wide panel).
 */
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Host } from "./host/index.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where screenshots go (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL("../../test-results/", import.meta.url));

/** The Stream Deck app's inspector panel is about this wide. */
export const INSPECTOR_VIEWPORT = { width: 350, height: 600 };

/**
 * Whether browser tests can run. Throws under CI=true when Chromium is missing (those tests must fail there, not
 * skip); locally prints why they are skipped.
 */
export function requireChromium(): boolean {
	if (existsSync(CHROMIUM_PATH)) return true;
	if (process.env.CI === "true") throw new Error(`CI=true but Chromium is not installed at ${CHROMIUM_PATH}: browser tests cannot run`);
	console.warn(`[browser harness] ${CHROMIUM_PATH} not found: skipping property inspector browser tests`);
	return false;
}

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
	});
}

/** An open inspector page, with the page's uncaught errors and console errors collected. */
export interface InspectorPage {
	page: Page;
	errors: string[];
	/** Closes the page (the app closing the inspector) and waits until the host saw its socket close. */
	close(): Promise<void>;
}

/** Opens the inspector of `context` and waits until its socket registered with the host. */
export async function openInspector(browser: Browser, host: Host, context: string): Promise<InspectorPage> {
	const page = await browser.newPage({ viewport: INSPECTOR_VIEWPORT });
	// Fail with Playwright's explanation well before the test's own timeout.
	page.setDefaultTimeout(10_000);
	const errors: string[] = [];
	page.on("pageerror", (err) => errors.push(err.message));
	page.on("console", (msg) => {
		if (msg.type() === "error") errors.push(msg.text());
	});
	await page.goto(host.inspectorUrl(context));
	await waitUntil(() => host.openInspectors.includes(context), `inspector of ${context} did not connect`);
	return {
		page,
		errors,
		async close() {
			await page.close();
			await waitUntil(() => !host.openInspectors.includes(context), `inspector of ${context} did not disconnect`);
		},
	};
}

/** Saves a full-page screenshot as test-results/<name>.png, for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(RESULTS_DIR, { recursive: true });
	await page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true });
}

async function waitUntil(condition: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(message);
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}
