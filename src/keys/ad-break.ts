/** Key image and touch-strip feedback of the "Ad break" action. */
import { countdownRing, displayedMs, drawRing } from "./countdown-ring.js";
import { formatClock, truncateTitle } from "./format.js";
import { adBadge, ban, broadcast, dots, warning, type Glyph } from "./glyphs.js";
import { fitFontSize, renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";
import { KEY_SIZE, svgDocument, svgText } from "./svg.js";

export { countdownRing } from "./countdown-ring.js";

/** What the "Ad break" key (or dial) shows. */
export type AdBreakView =
	| { state: "ready"; remaining: number | null } // remaining breaks this hour
	| { state: "running" | "cooldown"; remainingMs: number; totalMs: number } // ring/bar empties as remainingMs → 0
	| { state: "busy" }
	| { state: "no-live" | "disabled" | "off-air" | "quota" | "error"; message?: string };

type Unavailable = Extract<AdBreakView, { message?: string }>["state"];

const UNAVAILABLE: Record<Unavailable, { glyph: Glyph; color: string; main: string; sub: string; strip: string }> = {
	"no-live": { glyph: adBadge, color: palette.grey, main: "NO LIVE", sub: "SELECT A LIVE", strip: "No live" },
	disabled: { glyph: ban, color: palette.grey, main: "ADS OFF", sub: "DISABLED", strip: "Ads disabled" },
	"off-air": { glyph: broadcast, color: palette.grey, main: "OFF AIR", sub: "GO LIVE FIRST", strip: "Off air" },
	quota: { glyph: adBadge, color: palette.amber, main: "0 LEFT", sub: "HOURLY QUOTA", strip: "Quota reached" },
	error: { glyph: warning, color: palette.amber, main: "FAILED", sub: "", strip: "Failed" },
};

function remainingText(remaining: number | null): string {
	return remaining === null ? "AD BREAK" : `${Math.max(0, Math.floor(remaining))} LEFT`;
}

/** Clock inside the ring: small label, big time, small caption. */
function renderCountdown(view: Extract<AdBreakView, { remainingMs: number }>): string {
	const running = view.state === "running";
	const color = running ? palette.red : palette.blue;
	const time = formatClock(view.remainingMs);
	const size = fitFontSize(time, 38, 14, 92);
	const mid = KEY_SIZE / 2;
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${palette.background}"/>` +
			drawRing(view.remainingMs, view.totalMs, color, palette.track) +
			svgText(running ? "ADS" : "WAIT", { x: mid, y: 50, size: 15, fill: color }) +
			svgText(time, { x: mid, y: mid + size * 0.36, size, fill: palette.white }) +
			svgText(running ? "ON AIR" : "COOLDOWN", { x: mid, y: 106, size: 13, fill: palette.muted }),
	);
}

/**
 * Renders the "Ad break" key: READY with the breaks left this hour, a countdown ring while a break
 * runs (red) or during the cooldown (blue), or why a break cannot be launched.
 */
export function renderAdBreak(view: AdBreakView): string {
	switch (view.state) {
		case "ready":
			return renderFace({
				glyph: adBadge,
				glyphColor: palette.green,
				main: "READY",
				sub: [remainingText(view.remaining)],
			});
		case "running":
		case "cooldown":
			return renderCountdown(view);
		case "busy":
			return renderFace({ glyph: dots, glyphColor: palette.amber, main: "LAUNCHING", sub: ["AD BREAK"] });
		default: {
			const look = UNAVAILABLE[view.state];
			const message = formatMessage(view.message);
			return renderFace({
				glyph: look.glyph,
				glyphColor: look.color,
				main: look.main,
				sub: message.length > 0 ? message : [look.sub],
			});
		}
	}
}

/** Touch-strip feedback for the built-in "$B1" layout (keys title, value, indicator 0..100). */
export function adBreakFeedback(view: AdBreakView): { title: string; value: string; indicator: { value: number } } {
	switch (view.state) {
		case "ready":
			return {
				title: "Ad break",
				value: view.remaining === null ? "Ready" : `Ready · ${Math.max(0, Math.floor(view.remaining))} left`,
				indicator: { value: 100 },
			};
		case "running":
		case "cooldown": {
			const { fraction } = countdownRing(displayedMs(view.remainingMs), view.totalMs);
			return {
				title: view.state === "running" ? "Ads on air" : "Cooldown",
				value: formatClock(view.remainingMs),
				indicator: { value: Math.round(fraction * 100) },
			};
		}
		case "busy":
			return { title: "Ad break", value: "Launching…", indicator: { value: 0 } };
		default:
			return {
				title: "Ad break",
				value: view.message ? truncateTitle(view.message, 20) : UNAVAILABLE[view.state].strip,
				indicator: { value: 0 },
			};
	}
}
