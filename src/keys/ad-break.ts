/** Key image and touch-strip feedback of the "Ad break" action. */
import type { Messages, PlainKey } from "../i18n/messages.js";
import { countdownRing, displayedMs, drawRing, RING } from "./countdown-ring.js";
import { formatClock, truncateTitle } from "./format.js";
import { adBadge, ban, broadcast, dots, retry, warning, type Glyph } from "./glyphs.js";
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
	/**
	 * The automatic schedule's next break, `remainingMs` away (the ring empties over `totalMs`, the interval): `warning`
	 * inside the warning window (amber: a press launches now), `failed` after the last scheduled one did not go out.
	 */
	| { state: "scheduled"; phase: "waiting" | "warning" | "failed"; remainingMs: number; totalMs: number; remaining: number | null; snooze: string }
	/** A scheduled break failed once and is about to be tried again. */
	| { state: "auto-retry" }
	| { state: "no-live" | "disabled" | "off-air" | "quota" | "error"; message?: string };

type Unavailable = Extract<AdBreakView, { message?: string }>["state"];

type Look = { glyph: Glyph; color: string; main?: PlainKey; sub?: PlainKey; strip: PlainKey };

const UNAVAILABLE: Record<Unavailable, Look> = {
	"no-live": { glyph: adBadge, color: palette.grey, main: "face.noLive", sub: "face.selectLive", strip: "strip.noLive" },
	disabled: { glyph: ban, color: palette.grey, main: "face.adsOff", sub: "face.adBreak.disabled", strip: "strip.adBreak.disabled" },
	"off-air": { glyph: broadcast, color: palette.grey, main: "face.offAir", sub: "face.adBreak.goLiveFirst", strip: "strip.offAir" },
	quota: { glyph: adBadge, color: palette.amber, sub: "face.adBreak.quota", strip: "strip.adBreak.quota" }, // main: 0 left
	error: { glyph: warning, color: palette.amber, main: "face.failed", strip: "strip.failed" },
};

function remainingText(remaining: number | null, m: Messages): string {
	return remaining === null ? m.t("face.adBreak.name") : m.plural("face.adBreak.left", Math.max(0, Math.floor(remaining)));
}

/** Width inside the ring's inner edge for a line of cap height `size` whose baseline is `baseline` (half-chord). */
function ringWidth(baseline: number, size: number): number {
	const inner = RING.r - RING.width / 2 - 4;
	const farthest = Math.max(Math.abs(baseline - RING.cy), Math.abs(baseline - size * 0.72 - RING.cy));
	return 2 * Math.sqrt(Math.max(0, inner * inner - farthest * farthest));
}

/** A small line inside the ring, shrunk to the chord it sits on. */
function ringLabel(text: string, baseline: number, max: number, fill: string): string {
	const size = fitFontSize(text, max, 8, ringWidth(baseline, max));
	return svgText(text, { x: KEY_SIZE / 2, y: baseline, size, fill });
}

/** Clock inside the ring: small label, big time, small caption. */
function renderCountdown(view: Extract<AdBreakView, { remainingMs: number }>, m: Messages): string {
	const running = view.state === "running";
	const color = running ? palette.red : palette.blue;
	const time = formatClock(view.remainingMs);
	const size = fitFontSize(time, 38, 14, 92);
	const mid = KEY_SIZE / 2;
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${palette.background}"/>` +
			drawRing(view.remainingMs, view.totalMs, color, palette.track) +
			ringLabel(m.t(running ? "face.adBreak.running" : "face.adBreak.cooldown"), 50, 15, color) +
			svgText(time, { x: mid, y: mid + size * 0.36, size, fill: palette.white }) +
			ringLabel(m.t(running ? "face.adBreak.runningCaption" : "face.adBreak.cooldownCaption"), 106, 13, palette.muted),
	);
}

/** The next scheduled break in the ring: green while waiting, amber in the warning window or after a failure. */
function renderScheduled(view: Extract<AdBreakView, { state: "scheduled" }>, m: Messages): string {
	const color = view.phase === "waiting" ? palette.green : palette.amber;
	const time = formatClock(view.remainingMs);
	const size = fitFontSize(time, 38, 14, 92);
	const mid = KEY_SIZE / 2;
	const caption = view.phase === "failed" ? m.t("face.autoAd.lastFailed") : remainingText(view.remaining, m);
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${palette.background}"/>` +
			drawRing(view.remainingMs, view.totalMs, color, palette.track) +
			ringLabel(m.t(view.phase === "warning" ? "face.autoAd.soon" : "face.autoAd.next"), 50, 15, color) +
			svgText(time, { x: mid, y: mid + size * 0.36, size, fill: view.phase === "warning" ? palette.amber : palette.white }) +
			ringLabel(caption, 103, 13, view.phase === "failed" ? palette.amber : palette.muted),
	);
}

/**
 * Renders the "Ad break" key: READY with the breaks left this hour, a countdown ring while a break
 * runs (red) or during the cooldown (blue), or why a break cannot be launched.
 */
export function renderAdBreak(view: AdBreakView, m: Messages): string {
	switch (view.state) {
		case "ready":
			return renderFace({
				glyph: adBadge,
				glyphColor: palette.green,
				main: m.t("face.adBreak.ready"),
				sub: [remainingText(view.remaining, m)],
			});
		case "running":
		case "cooldown":
			return renderCountdown(view, m);
		case "busy":
			return renderFace({ glyph: dots, glyphColor: palette.amber, main: m.t("face.adBreak.launching"), sub: [m.t("face.adBreak.name")] });
		case "scheduled":
			return renderScheduled(view, m);
		case "auto-retry":
			return renderFace({ glyph: retry, glyphColor: palette.amber, main: m.t("face.autoAd.retrying"), sub: [m.t("face.adBreak.name")] });
		default: {
			const look = UNAVAILABLE[view.state];
			const message = formatMessage(view.message);
			return renderFace({
				glyph: look.glyph,
				glyphColor: look.color,
				main: look.main ? m.t(look.main) : m.plural("face.adBreak.left", 0),
				sub: message.length > 0 ? message : look.sub ? [m.t(look.sub)] : [],
			});
		}
	}
}

/** Touch-strip feedback for the built-in "$B1" layout (keys title, value, indicator 0..100). */
export function adBreakFeedback(view: AdBreakView, m: Messages): { title: string; value: string; indicator: { value: number } } {
	switch (view.state) {
		case "ready":
			return {
				title: m.t("strip.adBreak.title"),
				value: view.remaining === null ? m.t("strip.adBreak.ready") : m.plural("strip.adBreak.readyLeft", Math.max(0, Math.floor(view.remaining))),
				indicator: { value: 100 },
			};
		case "running":
		case "cooldown": {
			const { fraction } = countdownRing(displayedMs(view.remainingMs), view.totalMs);
			return {
				title: m.t(view.state === "running" ? "strip.adBreak.running" : "strip.adBreak.cooldown"),
				value: formatClock(view.remainingMs),
				indicator: { value: Math.round(fraction * 100) },
			};
		}
		case "busy":
			return { title: m.t("strip.adBreak.title"), value: m.t("strip.adBreak.launching"), indicator: { value: 0 } };
		case "scheduled": {
			const { fraction } = countdownRing(displayedMs(view.remainingMs), view.totalMs);
			const title =
				view.phase === "warning"
					? m.t("strip.autoAd.soon", { snooze: view.snooze })
					: m.t(view.phase === "failed" ? "strip.autoAd.failed" : "strip.autoAd.next");
			return { title, value: formatClock(view.remainingMs), indicator: { value: Math.round(fraction * 100) } };
		}
		case "auto-retry":
			return { title: m.t("strip.adBreak.title"), value: m.t("strip.autoAd.retrying"), indicator: { value: 0 } };
		default:
			return {
				title: m.t("strip.adBreak.title"),
				value: view.message ? truncateTitle(view.message, 20) : m.t(UNAVAILABLE[view.state].strip),
				indicator: { value: 0 },
			};
	}
}
