/**
 * Writes the plugin's image assets under com.dailymotion.live.sdPlugin/imgs/ from the key renderers,
 * and rasterises the PNG plugin icon with headless Chromium (playwright-core).
 *
 * Run: node_modules/.bin/node scripts/make-icons.ts [--preview=/tmp/keys.png] [--languages=en,fr] [--size=72] [--only=REGEX]
 * `--preview` also writes a contact sheet of every key state in every language (or those of `--languages`), at 144 and
 * 72 px (or only `--size`), with the title its action sets drawn over it as Stream Deck does (not part of the plugin);
 * `--only` keeps the states whose label (test/harness/key-states.ts) matches.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import "./src-imports.ts";

const keys = await import("../src/keys/index.ts");
const glyphs = await import("../src/keys/glyphs.ts");
const { renderDefaultImage } = await import("../src/keys/default-images.ts");
const { catalogMessages } = await import("../src/i18n/catalogs/index.ts");
const { LANGUAGES, isLanguage } = await import("../src/i18n/languages.ts");
const { keyStates } = await import("../test/harness/key-states.ts");
const { palette } = await import("../src/keys/palette.ts");
const { chromium } = await import("playwright-core");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const imgs = join(root, "com.dailymotion.live.sdPlugin", "imgs");

type Glyph = import("../src/keys/glyphs.ts").Glyph;

/** Toggle switch glyph (actions list icon of the ads toggle). */
const toggle: Glyph = {
	strokes: '<rect x="1.5" y="6" width="21" height="12" rx="6"/>',
	fills: '<circle cx="16.5" cy="12" r="3.2"/>',
};

/** Monochrome white icon on transparent: `size` px, drawn from a 24-unit glyph. */
function monoIcon(glyph: Glyph, size: number): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24">` +
		glyphs.drawGlyph(glyph, 0, 0, 24, "#FFFFFF") +
		"</svg>"
	);
}

/** Encoder (dial) icon: 72×72, white glyph with a little padding. */
function encoderIcon(glyph: Glyph): string {
	return (
		'<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72" viewBox="0 0 72 72">' +
		glyphs.drawGlyph(glyph, 12, 12, 48, "#FFFFFF") +
		"</svg>"
	);
}

/** Plugin / marketplace icon (256 design): dark tile, blue disc with broadcast waves, red LIVE pill. */
function pluginIcon(size: number): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 256 256">` +
		'<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1C1F26"/><stop offset="1" stop-color="#0D0D0D"/></linearGradient>' +
		'<linearGradient id="disc" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3D8BFF"/><stop offset="1" stop-color="#0A4FD6"/></linearGradient></defs>' +
		'<rect x="8" y="8" width="240" height="240" rx="56" fill="url(#bg)"/>' +
		'<circle cx="128" cy="108" r="70" fill="url(#disc)"/>' +
		glyphs.drawGlyph(glyphs.broadcast, 78, 58, 100, "#FFFFFF", 2.2) +
		`<rect x="66" y="186" width="124" height="40" rx="20" fill="${palette.red}"/>` +
		'<circle cx="90.5" cy="206" r="7" fill="#FFFFFF"/>' +
		'<text x="105.5" y="216.5" font-family="Arial, Helvetica, sans-serif" font-size="30" font-weight="bold" fill="#FFFFFF">LIVE</text>' +
		"</svg>"
	);
}

/** One key of the preview at `size` px: the image with the title over it, as the Stream Deck app draws it. */
function previewKey(svg: string, title: string | undefined, size: number): string {
	const overlay = title
		? `<div style="position:absolute;left:2px;right:2px;bottom:${(size * 5) / 72}px;font:${(size * 11) / 72}px/1.15 Arial,sans-serif;` +
			`color:#fff;text-align:center;white-space:pre;overflow:hidden;text-shadow:0 1px 2px #000,0 0 4px #000">${keys.escapeXml(title)}</div>`
		: "";
	return (
		`<div style="position:relative;display:inline-block;width:${size}px;height:${size}px;margin:2px;vertical-align:bottom">` +
		`<img width="${size}" height="${size}" src="${keys.svgDataUrl(svg)}">${overlay}</div>`
	);
}

/** The files to write, relative to imgs/. */
function assets(): Record<string, string> {
	const files: Record<string, string> = {
		"plugin/category.svg": monoIcon(glyphs.broadcast, 28),
		"actions/create/icon.svg": monoIcon(glyphs.cameraPlus, 20),
		"actions/create/key.svg": renderDefaultImage("create"),
		"actions/obs/icon.svg": monoIcon(glyphs.screenSend, 20),
		"actions/obs/key.svg": renderDefaultImage("obs"),
		"actions/stream/icon.svg": monoIcon(glyphs.broadcast, 20),
		"actions/stream/key.svg": renderDefaultImage("stream"),
		"actions/stream/key-live.svg": renderDefaultImage("stream-live"),
		"actions/adbreak/icon.svg": monoIcon(glyphs.adBadge, 20),
		"actions/adbreak/key.svg": renderDefaultImage("adbreak"),
		"actions/adbreak/encoder.svg": encoderIcon(glyphs.adBadge),
		"actions/adtoggle/icon.svg": monoIcon(toggle, 20),
		"actions/adtoggle/key.svg": renderDefaultImage("adtoggle-on"),
		"actions/adtoggle/key-off.svg": renderDefaultImage("adtoggle-off"),
		"actions/status/icon.svg": monoIcon(glyphs.eye, 20),
		"actions/status/key.svg": renderDefaultImage("status"),
		"actions/status/encoder.svg": encoderIcon(glyphs.eye),
		"actions/record/icon.svg": monoIcon(glyphs.recordDot, 20),
		"actions/record/key.svg": renderDefaultImage("record-off"),
		"actions/record/key-on.svg": renderDefaultImage("record-on"),
	};
	return files;
}

async function write(relative: string, data: string | Uint8Array): Promise<void> {
	const path = join(imgs, relative);
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, data);
	console.log(`wrote ${join("com.dailymotion.live.sdPlugin", "imgs", relative)}`);
}

/** The value of `--name=value` on the command line. */
function option(name: string): string | undefined {
	return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
	args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
	const page = await browser.newPage();
	/** Screenshots markup on a transparent page at the given CSS pixel size. */
	const rasterise = async (html: string, width: number, height: number): Promise<Uint8Array> => {
		await page.setViewportSize({ width, height });
		await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${html}</body></html>`);
		return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
	};

	for (const [relative, svg] of Object.entries(assets())) await write(relative, svg);
	await write("plugin/icon.png", await rasterise(pluginIcon(256), 256, 256));
	await write("plugin/icon@2x.png", await rasterise(pluginIcon(512), 512, 512));

	const preview = option("preview");
	if (preview) {
		const languages = (option("languages")?.split(",") ?? LANGUAGES).filter(isLanguage);
		const sizes = option("size") ? [Number(option("size"))] : [144, 72];
		const only = option("only");
		const sections = languages.map((language) => {
			const cells = keyStates(catalogMessages(language))
				.filter(({ label }) => only === undefined || new RegExp(only).test(label))
				.map(
					({ label, svg, title }) =>
						`<figure style="margin:6px;display:inline-block;text-align:center;font:11px sans-serif;color:#ccc">` +
						`${sizes.map((size) => previewKey(svg, title, size)).join("")}<figcaption>${keys.escapeXml(label)}</figcaption></figure>`,
				)
				.join("");
			const heading = languages.length > 1 ? `<h2 style="font:bold 16px sans-serif;color:#eee;margin:8px 6px">${language}</h2>` : "";
			return `<section lang="${language.replace("_", "-")}">${heading}${cells}</section>`;
		});
		const html = `<div style="background:#333;width:1200px;padding:6px">${sections.join("")}</div>`;
		await page.setViewportSize({ width: 1212, height: 400 });
		await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
		await writeFile(preview, await page.screenshot({ fullPage: true }));
		console.log(`wrote preview ${preview}`);
	}
} finally {
	await browser.close();
}
