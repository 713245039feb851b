/**
 * Text formatting for keys, titles and the touch strip: clocks, truncation and wrapping (viewer counts and other
 * numbers are the language's: see `Messages`).
 * All functions are total: non-finite or negative input never produces "NaN" or "-0:01".
 */

const ELLIPSIS = "…";

function safeMs(ms: number): number {
	return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

function clock(totalSeconds: number): string {
	const hours = Math.floor(totalSeconds / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const seconds = totalSeconds % 60;
	const ss = String(seconds).padStart(2, "0");
	if (hours === 0) return `${minutes}:${ss}`;
	return `${hours}:${String(minutes).padStart(2, "0")}:${ss}`;
}

/**
 * Countdown text: "0:34", "1:05", "10:00", "1:00:00". Rounds *up* to the second so the display
 * reaches "0:00" exactly when the time is over; never negative.
 */
export function formatClock(ms: number): string {
	return clock(Math.ceil(safeMs(ms) / 1000));
}

/** Elapsed-time text: "0:07", "12:34", "1:02:03". Rounds down (a live that started 0.9 s ago shows "0:00"). */
export function formatElapsed(ms: number): string {
	return clock(Math.floor(safeMs(ms) / 1000));
}

/** Collapses whitespace (including newlines) and trims. */
function normalise(text: string): string {
	return String(text).replace(/\s+/g, " ").trim();
}

const WIDE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303F\uFF01-\uFF60]/u;

/**
 * Chinese, Japanese and Korean characters and full-width forms: twice as wide as a Latin letter. ASCII never is, and
 * is answered without the Unicode-property regexp, whose first use compiles for milliseconds (start-up draws keys).
 */
export function isWide(char: string): boolean {
	return char.charCodeAt(0) >= 0x80 && WIDE.test(char);
}

/** Width in columns: one per character, two per wide (CJK) one, as terminals count. */
function columns(chars: readonly string[]): number {
	let width = 0;
	for (const char of chars) width += isWide(char) ? 2 : 1;
	return width;
}

/** How many of `chars` fit in `width` columns (at least one, so a line always advances). */
function fitting(chars: readonly string[], width: number): number {
	let n = 0;
	while (n < chars.length && columns(chars.slice(0, n + 1)) <= width) n++;
	return Math.max(1, n);
}

/**
 * Shortens text to at most `max` columns (code points, so emoji are never split; CJK characters count two),
 * ending with "…" when something was cut. Whitespace is collapsed to single spaces.
 * The default (20) fits a key title of two ≈10-character lines; see {@link wrapTitle} to add the line break.
 */
export function truncateTitle(text: string, max: number = 20): string {
	const chars = Array.from(normalise(text));
	const limit = Math.max(1, Math.floor(max));
	if (columns(chars) <= limit) return chars.join("");
	return chars.slice(0, fitting(chars, limit - 1)).join("").trimEnd() + ELLIPSIS;
}

/**
 * Splits text into at most `maxLines` lines of at most `perLine` columns (CJK characters count two), breaking at
 * spaces where possible (long words, and text without spaces, are cut). The last line ends with "…" when text was
 * dropped.
 */
export function wrapLines(text: string, perLine: number = 10, maxLines: number = 2): string[] {
	const width = Math.max(1, Math.floor(perLine));
	const words = normalise(text).split(" ").filter((w) => w.length > 0);
	const lines: string[] = [];
	let current: string[] = [];
	const flush = (): void => {
		if (current.length > 0) lines.push(current.join(""));
		current = [];
	};
	for (const word of words) {
		let chars = Array.from(word);
		const needed = current.length === 0 ? columns(chars) : columns(current) + 1 + columns(chars);
		if (needed <= width) {
			if (current.length > 0) current.push(" ");
			current.push(...chars);
			continue;
		}
		flush();
		while (columns(chars) > width) {
			const n = fitting(chars, width);
			lines.push(chars.slice(0, n).join(""));
			chars = chars.slice(n);
		}
		current = chars;
	}
	flush();
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	const last = Array.from(kept[kept.length - 1]);
	const room = columns(last) >= width ? fitting(last, width - 1) : last.length;
	kept[kept.length - 1] = last.slice(0, room).join("").trimEnd() + ELLIPSIS;
	return kept;
}

/** A key title wrapped to two ≈10-character lines joined with "\n" (Stream Deck titles do not wrap themselves). */
export function wrapTitle(text: string, perLine: number = 10, maxLines: number = 2): string {
	return wrapLines(text, perLine, maxLines).join("\n");
}

/**
 * A hand-broken key title as one line (for the inspector): "Login\nfailed" → "Login failed", "API-\nSchlüssel" →
 * "API-Schlüssel", "ライブ\n未選択" → "ライブ未選択".
 */
export function titleLine(title: string): string {
	return title
		.replace(/([^\s])\s*\n\s*([^\s])/gu, (_, before: string, after: string) =>
			before === "-" || (isWide(before) && isWide(after)) ? before + after : `${before} ${after}`,
		)
		.replace(/\s+/g, " ")
		.trim();
}
