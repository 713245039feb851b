/** Key image and touch-strip feedback of the "Live status" action. */
import type { Messages } from "../i18n/messages.js";
import { formatElapsed, truncateTitle } from "./format.js";
import { broadcast, dots, eye, person, warning } from "./glyphs.js";
import { drawGlyph } from "./glyphs.js";
import { fitFontSize, renderFace, textWidthEm } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";
import { KEY_SIZE, num, svgDocument, svgText } from "./svg.js";

/** What the live status key (or dial) shows. */
export type LiveStatusView =
	| { state: "no-live" | "loading" }
	| { state: "offline"; title?: string }
	| { state: "on-air"; viewers: number | null; elapsedMs: number | null; health?: HealthLine }
	| { state: "error"; message: string };

/** OBS's stream health as a second line: the bitrate ("4,210 kb/s"), coloured by how the stream is doing. */
export interface HealthLine {
	text: string;
	level: "ok" | "amber" | "red";
}

const HEALTH_COLORS: Record<HealthLine["level"], string> = { ok: palette.green, amber: palette.amber, red: palette.red };

/** The red ON AIR pill at the top: as wide as its word needs (at least 100 px), centred. */
function onAirBadge(word: string): string {
	const pad = { left: 28, right: 10 };
	const size = fitFontSize(word, 18, 10, KEY_SIZE - 16 - pad.left - pad.right);
	const width = Math.max(100, Math.min(KEY_SIZE - 16, pad.left + textWidthEm(word) * size + pad.right));
	const x = (KEY_SIZE - width) / 2;
	return (
		`<rect x="${num(x)}" y="12" width="${num(width)}" height="30" rx="15" fill="${palette.red}"/>` +
		`<circle cx="${num(x + 16)}" cy="27" r="5" fill="${palette.white}"/>` +
		svgText(word, { x: x + pad.left, y: 27 + size * 0.36, size, fill: palette.white, anchor: "start" })
	);
}

/** ON AIR badge, viewers with an eye glyph, and the elapsed time; the stream's health below them when given. */
function renderOnAir(viewers: number | null, elapsedMs: number | null, health: HealthLine | undefined, m: Messages): string {
	const mid = KEY_SIZE / 2;
	const count = viewerCount(viewers, m);
	// With a health line everything moves up and shrinks a little to make room for it.
	const layout = health ? { viewers: 40, eye: 26, baseline: 80, time: 104, timeSize: 18 } : { viewers: 40, eye: 30, baseline: 88, time: 126, timeSize: 22 };
	const eyeSize = layout.eye;
	const gap = 6;
	const room = KEY_SIZE - 16 - eyeSize - gap;
	const size = fitFontSize(count, health ? 34 : layout.viewers, 14, room);
	// Centre "eye + count" as one group, using the estimated text width.
	const textWidth = Math.min(room, size * textWidthEm(count));
	const left = mid - (eyeSize + gap + textWidth) / 2;
	const baseline = layout.baseline;
	const time = elapsedMs === null ? m.t("face.status.live") : formatElapsed(elapsedMs);
	const healthLine = health ? svgText(health.text, { x: mid, y: 130, size: fitFontSize(health.text, 17, 10), fill: HEALTH_COLORS[health.level] }) : "";
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${palette.background}"/>` +
			onAirBadge(m.t("face.status.onAir")) +
			drawGlyph(eye, left, baseline - size * 0.36 - eyeSize / 2, eyeSize, palette.muted) +
			svgText(count, { x: left + eyeSize + gap, y: baseline, size, fill: palette.white, anchor: "start" }) +
			svgText(time, { x: mid, y: layout.time, size: fitFontSize(time, layout.timeSize, 10), fill: palette.muted }) +
			healthLine,
	);
}

/** Compact viewer count for the language ("1.2K", "1,2 k", "1.2万"); "—" when unknown. */
function viewerCount(viewers: number | null, m: Messages): string {
	return viewers === null || !Number.isFinite(viewers) ? "—" : m.compact(viewers);
}

/** Renders the live status key: viewers and time on air, OFF AIR with the live title, or why nothing is shown. */
export function renderLiveStatus(view: LiveStatusView, m: Messages): string {
	switch (view.state) {
		case "no-live":
			return renderFace({ glyph: person, glyphColor: palette.grey, main: m.t("face.noLive"), sub: [m.t("face.selectLive")] });
		case "loading":
			return renderFace({ glyph: dots, glyphColor: palette.blue, main: m.t("face.status.loading") });
		case "offline":
			return renderFace({
				glyph: broadcast,
				glyphColor: palette.grey,
				main: m.t("face.offAir"),
				sub: view.title ? [truncateTitle(view.title, 14)] : [],
			});
		case "on-air":
			return renderOnAir(view.viewers, view.elapsedMs, view.health, m);
		case "error":
			return renderFace({ glyph: warning, glyphColor: palette.amber, main: m.t("face.status.error"), sub: formatMessage(view.message) });
	}
}

/** Touch-strip feedback for the built-in "$B1" layout: indicator full while on air. */
export function liveStatusFeedback(view: LiveStatusView, m: Messages): { title: string; value: string; indicator: { value: number } } {
	switch (view.state) {
		case "no-live":
			return { title: m.t("strip.status.title"), value: m.t("strip.noLive"), indicator: { value: 0 } };
		case "loading":
			return { title: m.t("strip.status.title"), value: m.t("strip.status.loading"), indicator: { value: 0 } };
		case "offline": {
			const offAir = m.t("strip.offAir");
			return { title: offAir, value: view.title ? truncateTitle(view.title, 20) : offAir, indicator: { value: 0 } };
		}
		case "on-air": {
			const parts = [m.plural("strip.status.viewers", view.viewers ?? Number.NaN, viewerCount(view.viewers, m))];
			if (view.elapsedMs !== null) parts.push(formatElapsed(view.elapsedMs));
			if (view.health) parts.push(view.health.text);
			return { title: m.t("strip.status.onAir"), value: parts.join(" · "), indicator: { value: 100 } };
		}
		case "error":
			return { title: m.t("strip.status.title"), value: truncateTitle(view.message, 20), indicator: { value: 0 } };
	}
}
