/**
 * Text formatting for keys, titles and the touch strip: clocks, viewer counts and truncation.
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

/** Truncates (never rounds up) to one decimal and drops a trailing ".0": 1999 → "1.9", 1000 → "1". */
function oneDecimal(value: number): string {
	const truncated = Math.floor(value * 10) / 10;
	return Number.isInteger(truncated) ? String(truncated) : truncated.toFixed(1);
}

/**
 * Compact viewer count: "—" when unknown, "987", "1.2k", "12k", "999k", "1.2M", "12M".
 * Values are truncated, not rounded, so 999 999 shows "999k" rather than "1000k".
 */
export function formatViewers(n: number | null): string {
	if (n === null || !Number.isFinite(n)) return "—";
	const count = Math.max(0, Math.floor(n));
	if (count < 1000) return String(count);
	if (count < 10_000) return `${oneDecimal(count / 1000)}k`;
	if (count < 1_000_000) return `${Math.floor(count / 1000)}k`;
	if (count < 10_000_000) return `${oneDecimal(count / 1_000_000)}M`;
	return `${Math.floor(count / 1_000_000)}M`;
}

/** Collapses whitespace (including newlines) and trims. */
function normalise(text: string): string {
	return String(text).replace(/\s+/g, " ").trim();
}

/**
 * Shortens text to at most `max` characters (counted as code points, so emoji are never split),
 * ending with "…" when something was cut. Whitespace is collapsed to single spaces.
 * The default (20) fits a key title of two ≈10-character lines; see {@link wrapTitle} to add the line break.
 */
export function truncateTitle(text: string, max: number = 20): string {
	const chars = Array.from(normalise(text));
	const limit = Math.max(1, Math.floor(max));
	if (chars.length <= limit) return chars.join("");
	return chars.slice(0, limit - 1).join("").trimEnd() + ELLIPSIS;
}

/**
 * Splits text into at most `maxLines` lines of at most `perLine` characters, breaking at spaces
 * where possible (long words are cut). The last line ends with "…" when text was dropped.
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
		const needed = current.length === 0 ? chars.length : current.length + 1 + chars.length;
		if (needed <= width) {
			if (current.length > 0) current.push(" ");
			current.push(...chars);
			continue;
		}
		flush();
		while (chars.length > width) {
			lines.push(chars.slice(0, width).join(""));
			chars = chars.slice(width);
		}
		current = chars;
	}
	flush();
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	const last = Array.from(kept[kept.length - 1]);
	kept[kept.length - 1] = (last.length >= width ? last.slice(0, width - 1).join("") : last.join("")).trimEnd() + ELLIPSIS;
	return kept;
}

/** A key title wrapped to two ≈10-character lines joined with "\n" (Stream Deck titles do not wrap themselves). */
export function wrapTitle(text: string, perLine: number = 10, maxLines: number = 2): string {
	return wrapLines(text, perLine, maxLines).join("\n");
}
