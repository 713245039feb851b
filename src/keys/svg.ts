/**
 * Low-level SVG helpers shared by the key renderers: escaping, the `setImage` data URL and the
 * 144×144 document wrapper. Pure string functions, no I/O.
 */

/** Design size of a key image; Stream Deck scales it to 72 px (or shows it at 144 px on @2x devices). */
export const KEY_SIZE = 144;

/** Default font stack: bold sans fonts present on macOS, Windows and Linux (OpenDeck). */
export const FONT_FAMILY = "Arial, Helvetica, sans-serif";

// XML 1.0 forbids most C0 controls; they would make the whole image invalid.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for use in SVG element content or a double/single-quoted attribute.
 * Also drops characters XML cannot carry and replaces lone surrogates, so the result always
 * yields well-formed XML that `encodeURIComponent` accepts.
 */
export function escapeXml(text: string): string {
	return String(text)
		.toWellFormed()
		.replace(INVALID_XML_CHARS, "")
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/"/g, "&quot;")
		.replace(/'/g, "&apos;");
}

/** Turns an SVG document into the data URL `setImage` accepts: `data:image/svg+xml,<encodeURIComponent(svg)>`. */
export function svgDataUrl(svg: string): string {
	// toWellFormed: encodeURIComponent throws on lone surrogates.
	return `data:image/svg+xml,${encodeURIComponent(svg.toWellFormed())}`;
}

/** Formats a coordinate with at most two decimals, so output is stable and compact. */
export function num(value: number): string {
	const rounded = Math.round(value * 100) / 100;
	return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Wraps body markup in a square SVG document (`viewBox="0 0 size size"`). */
export function svgDocument(body: string, size: number = KEY_SIZE): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
		body +
		"</svg>"
	);
}

/** Options for {@link svgText}. */
export type TextOptions = {
	x: number;
	y: number;
	size: number;
	fill: string;
	weight?: "bold" | "normal";
	anchor?: "start" | "middle" | "end";
};

/** A single line of escaped text; `y` is the baseline. */
export function svgText(text: string, options: TextOptions): string {
	const { x, y, size, fill, weight = "bold", anchor = "middle" } = options;
	return (
		`<text x="${num(x)}" y="${num(y)}" font-family="${FONT_FAMILY}" font-size="${num(size)}" ` +
		`font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(text)}</text>`
	);
}
