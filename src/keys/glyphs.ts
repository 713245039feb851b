/**
 * Small line icons drawn in a 24×24 box (stroke 2, round caps), written for this plugin.
 * Each glyph is SVG markup without colour; {@link drawGlyph} places and colours it.
 */
import { num } from "./svg.js";

/** Markup for one glyph in a 24×24 coordinate box. Shapes with `data-fill` are filled, the rest stroked. */
export type Glyph = { readonly strokes: string; readonly fills?: string };

/** Video camera with a plus: create a live. */
export const cameraPlus: Glyph = {
	strokes: '<rect x="2" y="6" width="14" height="12" rx="2.5"/><path d="M16 10.5l6-3.5v10l-6-3.5M9 9.5v5M6.5 12h5"/>',
};

/** Screen with an arrow going in: send the live to OBS. */
export const screenSend: Glyph = {
	strokes: '<rect x="2" y="3.5" width="20" height="13.5" rx="2"/><path d="M8 21h8M12 17v4M7 10.25h8.5M12.5 7.25l3 3-3 3"/>',
};

/** Broadcast waves around a dot: streaming. */
export const broadcast: Glyph = {
	strokes: '<path d="M8.1 7.8a6 6 0 0 0 0 8.4M15.9 7.8a6 6 0 0 1 0 8.4M5.1 4.9a10 10 0 0 0 0 14.2M18.9 4.9a10 10 0 0 1 0 14.2"/>',
	fills: '<circle cx="12" cy="12" r="2.6"/>',
};

/** Filled square: stop. */
export const stopSquare: Glyph = { strokes: "", fills: '<rect x="6" y="6" width="12" height="12" rx="2"/>' };

/** Three dots: busy (static, so frames stay deduplicable). */
export const dots: Glyph = {
	strokes: "",
	fills: '<circle cx="5" cy="12" r="2.3"/><circle cx="12" cy="12" r="2.3"/><circle cx="19" cy="12" r="2.3"/>',
};

/** Check mark: done. */
export const check: Glyph = { strokes: '<path d="M4.5 12.5l5 5L19.5 7"/>' };

/** Warning triangle: error. */
export const warning: Glyph = {
	strokes: '<path d="M12 3.2L22 20.5H2z"/><path d="M12 9.5v5"/>',
	fills: '<circle cx="12" cy="17.6" r="1.3"/>',
};

/** Padlock: authentication failed. */
export const lock: Glyph = { strokes: '<rect x="4.5" y="10.5" width="15" height="10.5" rx="2"/><path d="M8 10.5V7a4 4 0 0 1 8 0v3.5M12 14.5v3"/>' };

/** Circular arrow: reconnecting. */
export const retry: Glyph = { strokes: '<path d="M20 12a8 8 0 1 1-2.35-5.65M20 4v5h-5"/>' };

/** Broken link: unreachable. */
export const unplugged: Glyph = {
	strokes: '<path d="M9 6.5l1.5-1.5a4.2 4.2 0 0 1 6 6L15 12.5M9 11.5l-1.5 1.5a4.2 4.2 0 0 0 6 6l1.5-1.5M4 4l16 16"/>',
};

/** "AD" badge: ad breaks. */
export const adBadge: Glyph = {
	strokes: '<rect x="1.5" y="5" width="21" height="14" rx="3"/><path d="M5.5 16l3-8 3 8M6.6 13.2h3.8M14 8v8h1.5a4 4 0 0 0 0-8z"/>',
};

/** Circle with a bar: disabled. */
export const ban: Glyph = { strokes: '<circle cx="12" cy="12" r="9"/><path d="M5.6 5.6l12.8 12.8"/>' };

/** Clock: waiting. */
export const clockFace: Glyph = { strokes: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>' };

/** Eye: viewers. */
export const eye: Glyph = {
	strokes: '<path d="M1.5 12S5.5 5 12 5s10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12z"/>',
	fills: '<circle cx="12" cy="12" r="3.3"/>',
};

/** Ring around a dot: recording. */
export const recordDot: Glyph = { strokes: '<circle cx="12" cy="12" r="9.5"/>', fills: '<circle cx="12" cy="12" r="5"/>' };

/** Person: audience, no live selected. */
export const person: Glyph = { strokes: '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>' };

/**
 * Places a glyph with its top-left corner at (x, y), scaled to `size` px, in `color`.
 * `strokeWidth` is in glyph units (24-box), so it scales with the glyph.
 */
export function drawGlyph(glyph: Glyph, x: number, y: number, size: number, color: string, strokeWidth = 2): string {
	const scale = size / 24;
	const strokes = glyph.strokes
		? `<g fill="none" stroke="${color}" stroke-width="${num(strokeWidth)}" stroke-linecap="round" stroke-linejoin="round">${glyph.strokes}</g>`
		: "";
	const fills = glyph.fills ? `<g fill="${color}">${glyph.fills}</g>` : "";
	return `<g transform="translate(${num(x)} ${num(y)}) scale(${num(scale)})">${strokes}${fills}</g>`;
}
