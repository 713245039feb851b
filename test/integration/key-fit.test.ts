/**
 * Every key face in every language, measured in real Chromium with the fonts Stream Deck uses (Arial: Liberation Sans
 * here, metric-compatible; the system CJK font for Chinese, Japanese and Korean): text stays inside the key (or the
 * countdown ring, or the ON AIR pill), lines never collide, and nothing is too small to read on a 72 px key. Titles
 * (drawn by Stream Deck, which does not wrap them) must fit their two lines. The German words are the usual test.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGS, catalogMessages } from "../../src/i18n/catalogs/index.ts";
import { LANGUAGES } from "../../src/i18n/languages.ts";
import { launchBrowser, requireChromium } from "../harness/browser.ts";
import { allTitles, errorFaces, keyStates } from "../harness/key-states.ts";

/** Smallest readable sizes in the 144 px design (Stream Deck shows it at 72 px: half of these). */
const MIN_MAIN_PX = 14;
const MIN_TEXT_PX = 10;

interface Measured {
	label: string;
	problems: string[];
}

/** Runs in the page: draws each SVG inline and checks every `<text>` against the shape it sits in. */
function measureFaces({ faces, limits }: { faces: { label: string; svg: string }[]; limits: { main: number; text: number } }): Measured[] {
	const host = document.getElementById("host")!;
	return faces.map(({ label, svg }) => {
		host.innerHTML = svg;
		const root = host.querySelector("svg")!;
		const texts = [...root.querySelectorAll<SVGTextElement>("text")].filter((t) => (t.textContent ?? "").trim() !== "");
		const ring = root.querySelector('circle[r="60"]');
		const pill = root.querySelector<SVGRectElement>('rect[rx="15"]');
		const problems: string[] = [];
		const boxes = texts.map((text) => ({ text, box: text.getBBox(), size: Number(text.getAttribute("font-size")) }));
		const biggest = Math.max(...boxes.map((b) => b.size));
		for (const { text, box, size } of boxes) {
			const what = `"${text.textContent}" (${size} px)`;
			const right = box.x + box.width;
			if (size < limits.text || (size === biggest && size < limits.main)) problems.push(`${what} is too small to read`);
			const pillBox = pill?.getBBox();
			if (pillBox && box.y >= pillBox.y - 1 && box.y + box.height <= pillBox.y + pillBox.height + 1) {
				if (box.x < pillBox.x + 4 || right > pillBox.x + pillBox.width - 4) problems.push(`${what} leaves the ON AIR pill`);
				continue;
			}
			if (ring) {
				// Inside the ring's inner edge (r 55): check the corners of the text's box.
				const corners = [[box.x, box.y], [right, box.y], [box.x, box.y + box.height], [right, box.y + box.height]];
				// Descenders of a small line may touch the ring; the cap height must not.
				const capTop = box.y + box.height * 0.2;
				const inside = corners.every(([x, y]) => Math.hypot(x! - 72, Math.max(capTop, Math.min(y!, box.y + box.height * 0.8)) - 72) <= 55.5);
				if (!inside) problems.push(`${what} crosses the countdown ring`);
				continue;
			}
			if (box.x < 5 || right > 139) problems.push(`${what} runs off the key (${Math.round(box.x)}–${Math.round(right)} of 144)`);
		}
		// Lines must not overlap each other (ink boxes shrunk a little: ascent and descent overlap harmlessly).
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				const [a, b] = [boxes[i]!.box, boxes[j]!.box];
				const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
				const overlapY = Math.min(a.y + a.height * 0.85, b.y + b.height * 0.85) - Math.max(a.y + a.height * 0.15, b.y + b.height * 0.15);
				if (overlapX > 0 && overlapY > 0) problems.push(`"${boxes[i]!.text.textContent}" overlaps "${boxes[j]!.text.textContent}"`);
			}
		}
		return { label, problems };
	});
}

/** Runs in the page: the width of each title line as Stream Deck draws it (11 pt on a 72 pt key). */
function measureTitles(titles: { key: string; title: string }[]): { key: string; widths: number[]; lines: number }[] {
	const context = document.createElement("canvas").getContext("2d")!;
	context.font = "11px Arial, sans-serif"; // Stream Deck's default title style: Regular
	return titles.map(({ key, title }) => {
		const lines = title.split("\n");
		return { key, lines: lines.length, widths: lines.map((line) => context.measureText(line).width) };
	});
}

describe.runIf(requireChromium())("key faces fit a 72 px key in every language", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await browser.newPage();
		await page.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
		// The faces ask for Arial: measuring another font would prove nothing. "OFFLINE" is 4.278 em wide in Arial Bold
		// (and in Liberation Sans Bold, its metric twin from fonts-liberation); DejaVu Sans, the usual fallback, is wider.
		const width = await page.evaluate(() => {
			const context = document.createElement("canvas").getContext("2d")!;
			context.font = "bold 100px Arial";
			return context.measureText("OFFLINE").width;
		});
		expect(width, "Arial or Liberation Sans (apt-get install fonts-liberation) must be installed").toBeCloseTo(427.8, 0);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it.each(LANGUAGES)("%s: every state's text stays inside its shape and is big enough", async (language) => {
		const m = catalogMessages(language);
		const faces = [...keyStates(m), ...errorFaces(m)].map(({ label, svg }) => ({ label, svg }));
		const measured = await page.evaluate(measureFaces, { faces, limits: { main: MIN_MAIN_PX, text: MIN_TEXT_PX } });
		expect(measured.filter((f) => f.problems.length > 0)).toEqual([]);
		expect(measured).toHaveLength(faces.length);
	});

	it.each(LANGUAGES)("%s: every key title fits two lines of the key", async (language) => {
		const titles = allTitles(catalogMessages(language), Object.keys(CATALOGS[language]));
		expect(titles.length).toBeGreaterThan(35);
		const measured = await page.evaluate(measureTitles, titles);
		const tooWide = measured.filter((t) => t.lines > 2 || t.widths.some((w) => w > 68)).map((t) => `${t.key}: ${t.widths.map(Math.round).join(" / ")} px`);
		expect(tooWide).toEqual([]);
	});
});
