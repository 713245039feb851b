/** Geometry of the countdown ring drawn around ad-break clocks. */
import { KEY_SIZE, num } from "./svg.js";

/** Centre and radius of the ring on the 144×144 key. */
export const RING = { cx: KEY_SIZE / 2, cy: KEY_SIZE / 2, r: 60, width: 10 } as const;

const CIRCUMFERENCE = 2 * Math.PI * RING.r;

/**
 * Stroke-dash geometry for a ring that is full when `remainingMs === totalMs` and empty at 0.
 * `fraction` is clamped to 0..1 (a zero or invalid total counts as empty). Apply `dashArray` and
 * `dashOffset` to a circle of radius {@link RING}.r rotated -90° so it starts at 12 o'clock.
 */
export function countdownRing(
	remainingMs: number,
	totalMs: number,
): { fraction: number; dashArray: string; dashOffset: string } {
	const raw = totalMs > 0 ? remainingMs / totalMs : 0;
	const fraction = Number.isNaN(raw) ? 0 : Math.min(1, Math.max(0, raw));
	return {
		fraction,
		dashArray: `${num(CIRCUMFERENCE)} ${num(CIRCUMFERENCE)}`,
		dashOffset: num(CIRCUMFERENCE * (1 - fraction)),
	};
}

/**
 * Remaining time rounded up to the displayed second, so the ring and the clock text move together
 * and a sub-second ticker produces identical frames within one second.
 */
export function displayedMs(remainingMs: number): number {
	if (!Number.isFinite(remainingMs) || remainingMs <= 0) return 0;
	return Math.ceil(remainingMs / 1000) * 1000;
}

/** Markup of the ring: a dim full track and the coloured remaining arc. */
export function drawRing(remainingMs: number, totalMs: number, color: string, track: string): string {
	const { cx, cy, r, width } = RING;
	const ring = countdownRing(displayedMs(remainingMs), totalMs);
	const trackCircle = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${track}" stroke-width="${width}"/>`;
	if (ring.fraction === 0) return trackCircle;
	return (
		trackCircle +
		`<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${color}" stroke-width="${width}" ` +
		`stroke-linecap="butt" stroke-dasharray="${ring.dashArray}" stroke-dashoffset="${ring.dashOffset}" ` +
		`transform="rotate(-90 ${cx} ${cy})"/>`
	);
}
