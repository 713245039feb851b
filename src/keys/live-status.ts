/** Key image and touch-strip feedback of the "Live status" action. */
import { formatElapsed, formatViewers, truncateTitle } from "./format.js";
import { broadcast, dots, eye, person, warning } from "./glyphs.js";
import { drawGlyph } from "./glyphs.js";
import { fitFontSize, renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";
import { KEY_SIZE, svgDocument, svgText } from "./svg.js";

/** What the live status key (or dial) shows. */
export type LiveStatusView =
	| { state: "no-live" | "loading" }
	| { state: "offline"; title?: string }
	| { state: "on-air"; viewers: number | null; elapsedMs: number | null }
	| { state: "error"; message: string };

/** ON AIR badge, viewers with an eye glyph, and the elapsed time. */
function renderOnAir(viewers: number | null, elapsedMs: number | null): string {
	const mid = KEY_SIZE / 2;
	const count = formatViewers(viewers);
	const eyeSize = 30;
	const gap = 6;
	const size = fitFontSize(count, 40, 14, KEY_SIZE - 16 - eyeSize - gap);
	// Centre "eye + count" as one group, using the estimated text width.
	const textWidth = Math.min(KEY_SIZE - 16 - eyeSize - gap, size * [...count].reduce((w, c) => w + (/[0-9]/.test(c) ? 0.56 : 0.6), 0));
	const left = mid - (eyeSize + gap + textWidth) / 2;
	const baseline = 88;
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${palette.background}"/>` +
			`<rect x="22" y="12" width="100" height="30" rx="15" fill="${palette.red}"/>` +
			`<circle cx="38" cy="27" r="5" fill="${palette.white}"/>` +
			svgText("ON AIR", { x: 50, y: 33.5, size: 18, fill: palette.white, anchor: "start" }) +
			drawGlyph(eye, left, baseline - size * 0.36 - eyeSize / 2, eyeSize, palette.muted) +
			svgText(count, { x: left + eyeSize + gap, y: baseline, size, fill: palette.white, anchor: "start" }) +
			svgText(elapsedMs === null ? "LIVE" : formatElapsed(elapsedMs), { x: mid, y: 126, size: 22, fill: palette.muted }),
	);
}

/** Renders the live status key: viewers and time on air, OFF AIR with the live title, or why nothing is shown. */
export function renderLiveStatus(view: LiveStatusView): string {
	switch (view.state) {
		case "no-live":
			return renderFace({ glyph: person, glyphColor: palette.grey, main: "NO LIVE", sub: ["SELECT A LIVE"] });
		case "loading":
			return renderFace({ glyph: dots, glyphColor: palette.blue, main: "LOADING" });
		case "offline":
			return renderFace({
				glyph: broadcast,
				glyphColor: palette.grey,
				main: "OFF AIR",
				sub: view.title ? [truncateTitle(view.title, 14)] : [],
			});
		case "on-air":
			return renderOnAir(view.viewers, view.elapsedMs);
		case "error":
			return renderFace({ glyph: warning, glyphColor: palette.amber, main: "ERROR", sub: formatMessage(view.message) });
	}
}

/** Touch-strip feedback for the built-in "$B1" layout: indicator full while on air. */
export function liveStatusFeedback(view: LiveStatusView): { title: string; value: string; indicator: { value: number } } {
	switch (view.state) {
		case "no-live":
			return { title: "Live", value: "No live", indicator: { value: 0 } };
		case "loading":
			return { title: "Live", value: "Loading…", indicator: { value: 0 } };
		case "offline":
			return { title: "Off air", value: view.title ? truncateTitle(view.title, 20) : "Off air", indicator: { value: 0 } };
		case "on-air": {
			const parts = [`${formatViewers(view.viewers)} viewers`];
			if (view.elapsedMs !== null) parts.push(formatElapsed(view.elapsedMs));
			return { title: "On air", value: parts.join(" · "), indicator: { value: 100 } };
		}
		case "error":
			return { title: "Live", value: truncateTitle(view.message, 20), indicator: { value: 0 } };
	}
}
