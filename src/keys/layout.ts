/**
 * The common key faces on a 144×144 canvas. {@link renderFace}: an optional glyph, one big line and up to two small
 * lines, centred on the whole key (keys without a title). {@link renderTitledFace}: a glyph and one state word above
 * the title area (keys whose title carries the details). Font sizes shrink to fit the width, so any text stays inside.
 */
import { isWide } from "./format.js";
import { drawGlyph, type Glyph } from "./glyphs.js";
import { palette } from "./palette.js";
import { KEY_SIZE, svgDocument, svgText } from "./svg.js";

/** Horizontal room for text (8 px margins: key corners are rounded and the bezel hides the edge). */
const TEXT_WIDTH = KEY_SIZE - 16;
/** Cap height of Arial relative to the font size; used to centre mostly upper-case text. */
const CAP = 0.72;

/**
 * Top of the title area: Stream Deck draws a bottom-aligned 11 pt title (two lines: live title, error, hint) below this
 * line on a 72 px key, so keys that have a title draw nothing under it.
 */
export const TITLE_AREA_TOP = 82;

/** What one key shows. */
export type KeyFace = {
	background?: string;
	glyph?: Glyph;
	glyphColor?: string;
	glyphSize?: number;
	/** The big line (a state word or a clock). */
	main: string;
	mainColor?: string;
	mainMaxSize?: number;
	/** Up to two small lines under the big one. */
	sub?: readonly string[];
	subColor?: string;
	/** Extra markup drawn last (e.g. a toggle), given the baseline of the last text line. */
	extra?: (bottom: number) => string;
	/** Height reserved for `extra` below the text. */
	extraHeight?: number;
};

/** Approximate advance width of Arial Bold characters (and the CJK fallback font), in em; errs on the wide side. */
function charWidth(char: string): number {
	return char.charCodeAt(0) < 0x80 ? asciiWidth(char) : otherWidth(char);
}

// ASCII by plain comparisons: the key faces drawn at start-up are mostly ASCII, and the Unicode-property regexps
// below compile for milliseconds on first use.
function asciiWidth(char: string): number {
	if (char === " ") return 0.28;
	if (char >= "0" && char <= "9") return 0.56;
	if (":.,;!'|il".includes(char)) return 0.3;
	if ("MWmw@".includes(char)) return 0.95;
	if (char >= "A" && char <= "Z") return 0.73;
	if (char >= "a" && char <= "z") return 0.6;
	return 0.75;
}

function otherWidth(char: string): number {
	if (char === "\u00A0") return 0.28;
	if (char === "…" || char === "—") return 0.95;
	if (isWide(char)) return 1; // CJK: about one em in any font
	if (/\p{Lu}/u.test(char)) return 0.73;
	if (/\p{Ll}/u.test(char)) return 0.6;
	return 0.75;
}

/** Estimated width of `text` at font size 1. */
export function textWidthEm(text: string): number {
	let width = 0;
	for (const char of text) width += charWidth(char);
	return width;
}

/** The largest whole font size ≤ `max` (and ≥ `min`) at which `text` fits in `width` px. */
export function fitFontSize(text: string, max: number, min = 10, width = TEXT_WIDTH): number {
	const em = textWidthEm(text);
	if (em === 0) return max;
	return Math.max(min, Math.min(max, Math.floor(width / em)));
}

/** Renders a {@link KeyFace} to a complete SVG document. */
export function renderFace(face: KeyFace): string {
	const sub = readableSub((face.sub ?? []).filter((line) => line.length > 0).slice(0, 2));
	const main = readableMain(face.main, face.mainMaxSize ?? 34);
	const mainMax = main.length > 1 ? Math.min(face.mainMaxSize ?? 34, MAIN_TWO_LINES_MAX) : (face.mainMaxSize ?? 34);
	const glyphSize = face.glyph ? (face.glyphSize ?? (main.length + sub.length > 2 ? 34 : sub.length > 1 || main.length > 1 ? 40 : 46)) : 0;
	const mainSize = Math.min(...main.map((line) => fitFontSize(line, mainMax, 12)));
	const subMax = sub.length > 1 ? 17 : 19;
	const subSize = sub.length === 0 ? 0 : Math.min(...sub.map((line) => fitFontSize(line, subMax, 10)));

	// Vertical stack: glyph, gap, main caps (one or two lines), gap, sub lines, extra.
	const glyphGap = glyphSize > 0 ? (main.length + sub.length > 2 ? 10 : 14) : 0;
	const mainGap = 6;
	const subGap = 11;
	const subLine = subSize * CAP + 8;
	const extraHeight = face.extraHeight ?? 0;
	const mainHeight = main.length * mainSize * CAP + (main.length - 1) * mainGap;
	const total = glyphSize + glyphGap + mainHeight + (sub.length > 0 ? subGap + sub.length * subLine - 8 : 0) + extraHeight;
	let y = Math.max(6, (KEY_SIZE - total) / 2);

	const parts = [`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${face.background ?? palette.background}"/>`];
	if (face.glyph) {
		parts.push(drawGlyph(face.glyph, (KEY_SIZE - glyphSize) / 2, y, glyphSize, face.glyphColor ?? palette.white));
		y += glyphSize + glyphGap;
	}
	main.forEach((line, i) => {
		y += mainSize * CAP + (i > 0 ? mainGap : 0);
		parts.push(svgText(line, { x: KEY_SIZE / 2, y, size: mainSize, fill: face.mainColor ?? palette.white }));
	});
	if (sub.length > 0) y += subGap - 8;
	for (const line of sub) {
		y += subLine;
		parts.push(svgText(line, { x: KEY_SIZE / 2, y, size: subSize, fill: face.subColor ?? palette.muted }));
	}
	if (face.extra) parts.push(face.extra(y));
	return svgDocument(parts.join(""));
}

/** Below this size (in the 144 px design) the big line reads better broken in two ("HORS" / "ANTENNE"). */
const SMALLEST_MAIN_LINE = 20;
const MAIN_TWO_LINES_MAX = 26;

/** The big line, broken at its middle space when one line would be small and two lines are clearly larger. */
function readableMain(text: string, max: number): string[] {
	const single = fitFontSize(text, max, 12);
	if (single >= SMALLEST_MAIN_LINE) return [text];
	const halves = splitAtMiddleSpace(text);
	if (!halves) return [text];
	const two = Math.min(...halves.map((line) => fitFontSize(line, Math.min(max, MAIN_TWO_LINES_MAX), 12)));
	return two >= single * 1.25 ? halves : [text];
}

/** Below this size (in the 144 px design) a single small line reads better broken in two. */
const SMALLEST_ONE_LINE = 14;

/** One small line that would shrink below {@link SMALLEST_ONE_LINE} is broken at its middle space, when that is larger. */
function readableSub(sub: string[]): string[] {
	if (sub.length !== 1 || fitFontSize(sub[0]!, 19, 10) >= SMALLEST_ONE_LINE) return sub;
	const halves = splitAtMiddleSpace(sub[0]!);
	if (!halves) return sub;
	return Math.min(...halves.map((line) => fitFontSize(line, 17, 10))) > fitFontSize(sub[0]!, 19, 10) ? halves : sub;
}

/** "CHOISIR UN LIVE" → ["CHOISIR", "UN LIVE"]: the space nearest the middle of the line; undefined without one. */
function splitAtMiddleSpace(text: string): [string, string] | undefined {
	const middle = textWidthEm(text) / 2;
	let best: number | undefined;
	let bestDistance = Infinity;
	for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) {
		const distance = Math.abs(textWidthEm(text.slice(0, i)) - middle);
		if (distance < bestDistance) [best, bestDistance] = [i, distance];
	}
	return best === undefined ? undefined : [text.slice(0, best), text.slice(best + 1)];
}

/** What a key whose title carries the details shows: a glyph and one short state word. */
export type TitledFace = { glyph: Glyph; /** A coloured frame around the key (an alarm). */ frame?: string } & Pick<
	KeyFace,
	"background" | "glyphColor" | "main" | "mainColor"
>;

/** Renders a {@link TitledFace}: glyph and state word centred above {@link TITLE_AREA_TOP}, leaving the title area free. */
export function renderTitledFace(face: TitledFace): string {
	const glyphSize = 40;
	const gap = 10;
	const mainSize = fitFontSize(face.main, 28, 12);
	let y = (TITLE_AREA_TOP - (glyphSize + gap + mainSize * CAP)) / 2;
	const parts = [`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${face.background ?? palette.background}"/>`];
	if (face.frame) parts.push(`<rect x="5" y="5" width="${KEY_SIZE - 10}" height="${KEY_SIZE - 10}" rx="16" fill="none" stroke="${face.frame}" stroke-width="10"/>`);
	parts.push(drawGlyph(face.glyph, (KEY_SIZE - glyphSize) / 2, y, glyphSize, face.glyphColor ?? palette.white));
	y += glyphSize + gap + mainSize * CAP;
	parts.push(svgText(face.main, { x: KEY_SIZE / 2, y, size: mainSize, fill: face.mainColor ?? palette.white }));
	return svgDocument(parts.join(""));
}
