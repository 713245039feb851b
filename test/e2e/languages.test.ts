/**
 * The built plugin with Stream Deck set to each language it ships (`-info.application.language`): every key state a
 * show goes through, the titles, the Stream Deck + touch strip and every action's inspector speak that language
 * only. A French run also checks the words a French streamer reads. The words come from the catalogs (one source),
 * and nothing may be left in English.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogMessages } from "../../src/i18n/catalogs/index.ts";
import type { Language } from "../../src/i18n/languages.ts";
import type { PlainKey } from "../../src/i18n/messages.ts";
import { wrapTitle } from "../../src/keys/index.ts";
import { launchBrowser, openInspector, requireChromium, screenshot } from "../harness/browser.ts";
import type { DeviceInfo } from "../harness/host/index.ts";
import { PLUGIN_DIR, startStack, type Stack } from "../harness/stack.ts";
import { englishLeftovers, shownTexts } from "./leftover-english.ts";
import { eventually, onlyIf, imageTexts, joinTexts, pressCreate, UUID, waitForCommand, waitForImage, waitForTitle } from "./support.ts";

const DEVICES: DeviceInfo[] = [
	{ id: "DECK", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 },
	{ id: "PLUS", name: "Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 },
];
const LANGUAGES: Language[] = ["fr", "de", "es", "ja", "zh_CN", "ko"];
const LIVE_TITLE = "Live 42";

const browserOk = requireChromium();

describe.each(LANGUAGES)("Stream Deck in %s", (language) => {
	const m = catalogMessages(language);
	let stack: Stack;
	let browser: Browser;
	const keys = { create: "", obs: "", stream: "", adBreak: "", adToggle: "", status: "", adDial: "", statusDial: "", record: "" };

	beforeAll(async () => {
		stack = await startStack({ host: { language, devices: DEVICES } });
		const { host } = stack;
		keys.create = host.appear({ action: UUID.create, device: "DECK", settings: { title: LIVE_TITLE, afterCreate: "none" } });
		keys.obs = host.appear({ action: UUID.obs, device: "DECK" });
		keys.stream = host.appear({ action: UUID.stream, device: "DECK" });
		keys.adBreak = host.appear({ action: UUID.adBreak, device: "DECK" });
		keys.adToggle = host.appear({ action: UUID.adToggle, device: "DECK" });
		keys.status = host.appear({ action: UUID.status, device: "DECK", settings: { showHealth: true } });
		keys.record = host.appear({ action: UUID.record, device: "DECK" });
		keys.adDial = host.appear({ action: UUID.adBreak, device: "PLUS", controller: "Encoder" });
		keys.statusDial = host.appear({ action: UUID.status, device: "PLUS", controller: "Encoder" });
		if (browserOk) browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
		await stack?.close();
	});

	it("shows every key state, title and touch-strip line of a show in this language only", async () => {
		const { host, sandbox } = stack;
		// Lines may be broken differently per language: look for the words in the image's text as one line.
		const has = (key: PlainKey) => (texts: string[]) => joinTexts(texts).includes(m.t(key));

		// Before any live: what each key says, and the Stream key's OBS problem in its title.
		await waitForImage(host, keys.create, has("face.create.idle"));
		await waitForImage(host, keys.adBreak, (t) => has("face.noLive")(t) && has("face.selectLive")(t));
		await waitForImage(host, keys.status, has("face.noLive"));
		await waitForImage(host, keys.adToggle, has("face.noLive"));
		await waitForImage(host, keys.record, has("face.noLive"));
		await waitForTitle(host, keys.stream, m.t("error.obs.unreachable.title"));
		await waitForCommand(host, keys.adDial, "setTriggerDescription", (c) => c.payload.push === m.t("action.adbreak.push"));

		// Create Live: busy, then created with the live's title.
		const created = await pressCreate(host, keys.create);
		await waitForImage(host, keys.create, has("face.create.busy"), { since: created });
		await waitForTitle(host, keys.create, m.t("title.creating"), { since: created });
		await waitForImage(host, keys.create, has("face.create.done"), { since: created, timeoutMs: 15_000 });
		await waitForTitle(host, keys.create, wrapTitle(LIVE_TITLE), { since: created });
		await eventually(() => typeof host.globalSettings.liveId === "string" && host.globalSettings.liveId !== "", "liveId saved");
		const liveId = String(host.globalSettings.liveId);

		// Off air, ad breaks allowed; the toggle switches them off and on again.
		await waitForImage(host, keys.adBreak, (t) => has("face.offAir")(t) && has("face.adBreak.goLiveFirst")(t), { timeoutMs: 15_000 });
		await waitForImage(host, keys.status, (t) => has("face.offAir")(t) && t.includes(LIVE_TITLE));
		await waitForImage(host, keys.adToggle, has("face.adToggle.on"));
		await waitForImage(host, keys.record, (t) => has("face.offAir")(t) && has("face.adBreak.goLiveFirst")(t));
		let since = host.commands.length;
		await host.press(keys.adToggle);
		await waitForImage(host, keys.adToggle, has("face.adsOff"), { since });
		await waitForImage(host, keys.adBreak, (t) => has("face.adsOff")(t) && has("face.adBreak.disabled")(t), { since, timeoutMs: 15_000 });
		since = host.commands.length;
		await host.press(keys.adToggle);
		await waitForImage(host, keys.adToggle, has("face.adToggle.on"), { since });

		// Send to OBS and Stream without OBS: the reason in the title.
		since = host.commands.length;
		await host.press(keys.obs);
		await waitForImage(host, keys.obs, has("face.failed"), { since, timeoutMs: 15_000 });
		await waitForTitle(host, keys.obs, m.t("error.obs.unreachable.title"), { since });
		await host.press(keys.stream);
		await waitForTitle(host, keys.stream, m.t("title.starting"), { since });

		// On air: an ad break counts down on the key and the touch strip; Live Status shows the live.
		sandbox.setOnAir(liveId, true);
		since = host.commands.length;
		await host.press(keys.adBreak);
		await waitForCommand(host, keys.adBreak, "showOk", undefined, { since, timeoutMs: 15_000 });
		const countdown = await waitForImage(host, keys.adBreak, (t) => has("face.adBreak.running")(t) && has("face.adBreak.runningCaption")(t), { since });
		expect(countdown.some((t) => /^0:\d\d$/.test(t))).toBe(true);
		await waitForCommand(host, keys.adDial, "setFeedback", (c) => c.payload.title === m.t("strip.adBreak.running"), { since });
		await waitForImage(host, keys.status, has("face.status.onAir"), { timeoutMs: 20_000 });
		await waitForCommand(host, keys.statusDial, "setFeedback", (c) => c.payload.title === m.t("strip.status.onAir"), { timeoutMs: 20_000 });
		await waitForImage(host, keys.record, has("face.record.off"), { timeoutMs: 20_000 });

		const texts = shownTexts(host);
		expect(texts.length).toBeGreaterThan(30);
		expect(englishLeftovers(texts, language)).toEqual([]);
	}, 120_000);

	onlyIf(language === "fr")("says it in the French a streamer reads on the keys", () => {
		const { host } = stack;
		const images = host.commands.filter((c) => c.event === "setImage").map((c) => imageTexts(c.payload.image as string).join(" "));
		const titles = host.commands.filter((c) => c.event === "setTitle").map((c) => String(c.payload.title));
		for (const face of ["NOUVEAU", "CRÉATION", "CRÉÉ", "AUCUN LIVE CHOISIR UN LIVE", "HORS ANTENNE LANCEZ LE LIVE", "PUB ACTIVE", "PUB COUPÉE", "ÉCHEC"]) {
			expect(images, face).toContainEqual(expect.stringContaining(face));
		}
		expect(images).toContainEqual(expect.stringMatching(/^PUB 0:\d\d EN COURS$/));
		expect(images).toContainEqual(expect.stringMatching(/^EN DIRECT \S+ \d+:\d\d$/));
		expect(titles).toEqual(expect.arrayContaining(["Création…", "OBS non\nlancé", "Démarrage…"]));
		const strip = host.commandsFor(keys.adDial, "setFeedback").map((c) => c.payload.title);
		expect(strip).toEqual(expect.arrayContaining(["Coupure pub", "Pub en cours"]));
	});

	it.runIf(browserOk)("shows every action's inspector in this language only", async () => {
		const { host } = stack;
		const actions = [
			["create", keys.create],
			["obs", keys.obs],
			["stream", keys.stream],
			["adbreak", keys.adBreak],
			["adtoggle", keys.adToggle],
			["status", keys.status],
			["record", keys.record],
		] as const;
		for (const [name, context] of actions) {
			const inspector = await openInspector(browser, host, context);
			const { page } = inspector;
			await page.locator("section#account").waitFor();
			// Wait for what the plugin answers (categories, lives), so they are scanned too.
			if (name === "create") await expect.poll(() => page.locator("#action-channel option").count(), { timeout: 15_000 }).toBeGreaterThan(10);
			if (name === "status") await expect.poll(() => page.locator("#current-live option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
			expect(await page.locator("html").getAttribute("lang")).toBe(m.locale);
			const texts = await page.evaluate(() => {
				const out: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				while (walker.nextNode()) if (!["SCRIPT", "STYLE"].includes(walker.currentNode.parentElement?.tagName ?? "")) out.push(walker.currentNode.textContent ?? "");
				for (const node of document.querySelectorAll("[aria-label], [title], [placeholder], [data-label]")) {
					for (const attribute of ["aria-label", "title", "placeholder", "data-label"]) out.push(node.getAttribute(attribute) ?? "");
				}
				// Words drawn by the style sheet (::before / ::after content) count too.
				for (const node of document.querySelectorAll("*")) {
					for (const pseudo of ["::before", "::after"]) {
						const content = getComputedStyle(node, pseudo).content;
						if (content !== "none" && content !== "normal") out.push(content.replace(/^"|"$/g, ""));
					}
				}
				return out.map((t) => t.trim()).filter(Boolean);
			});
			expect(texts).toContain(m.t("pi.account.title"));
			expect(englishLeftovers(texts, language), `${name} inspector`).toEqual([]);
			if (name === "create") await screenshot(page, `inspector-create-${language}`);
			expect(inspector.errors).toEqual([]);
			await inspector.close();
		}
	}, 120_000);

	onlyIf(language === "fr" && browserOk)("labels the inspector in French", async () => {
		const inspector = await openInspector(browser, stack.host, keys.adBreak);
		const { page } = inspector;
		await expect.poll(() => page.getByRole("region", { name: "Compte Dailymotion" }).isVisible()).toBe(true);
		expect(await page.getByLabel("Clé API").isVisible()).toBe(true);
		expect(await page.getByRole("button", { name: "Tester la connexion" }).isVisible()).toBe(true);
		const cooldown = page.getByRole("region", { name: "Coupure pub" }).getByLabel("Délai (s)");
		await cooldown.fill("20");
		await expect.poll(() => page.locator("#action-cooldown-error").textContent()).toMatch(/^Le délai doit être d'au moins 35\s?s \(une coupure pub dure 35\s?s\)$/u);
		await cooldown.fill("");
		await inspector.close();
	});
});

describe("the bundle", () => {
	it("carries no catalog in any of its chunks: the plugin reads only the active language's <lang>.json", () => {
		const bin = join(PLUGIN_DIR, "bin");
		const bundle = readdirSync(bin).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(bin, f), "utf8")).join("\n");
		for (const language of ["en", ...LANGUAGES] as const) {
			const m = catalogMessages(language);
			for (const word of [m.t("pi.account.profileIdHint"), m.t("error.notFound.reason")]) expect(bundle, `${language}: ${word}`).not.toContain(word);
		}
	});
});
