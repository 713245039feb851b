/** Key image of the "Ads on/off" toggle action. */
import type { Messages } from "../i18n/messages.js";
import { adBadge, dots, warning } from "./glyphs.js";
import { renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";
import { KEY_SIZE } from "./svg.js";

/** What the ads toggle key shows. */
export type AdToggleView =
	| { state: "on" | "off" | "unknown" | "busy" | "no-live" | "unavailable" }
	| { state: "error"; message: string };

const SWITCH_W = 52;
const SWITCH_H = 24;

/** A small switch under the text: knob right and green when on, left and grey when off. */
function drawSwitch(on: boolean, top: number): string {
	const x = (KEY_SIZE - SWITCH_W) / 2;
	const y = Math.round(top + 12);
	const r = SWITCH_H / 2;
	const knobX = on ? x + SWITCH_W - r : x + r;
	return (
		`<rect x="${x}" y="${y}" width="${SWITCH_W}" height="${SWITCH_H}" rx="${r}" fill="${on ? palette.green : palette.track}"/>` +
		`<circle cx="${knobX}" cy="${y + r}" r="${r - 3}" fill="${on ? palette.white : palette.grey}"/>`
	);
}

/** Renders the ads toggle: ADS ON (green switch), ADS OFF (grey switch), or an in-between state. */
export function renderAdToggle(view: AdToggleView, m: Messages): string {
	switch (view.state) {
		case "on":
		case "off": {
			const on = view.state === "on";
			return renderFace({
				glyph: adBadge,
				glyphColor: on ? palette.green : palette.grey,
				glyphSize: 40,
				main: m.t(on ? "face.adToggle.on" : "face.adsOff"),
				mainColor: on ? palette.white : palette.muted,
				extra: (bottom) => drawSwitch(on, bottom),
				extraHeight: 12 + SWITCH_H,
			});
		}
		case "unknown":
			return renderFace({ glyph: adBadge, glyphColor: palette.grey, main: m.t("face.adToggle.unknown"), sub: [m.t("face.adToggle.unknownCaption")] });
		case "busy":
			return renderFace({ glyph: dots, glyphColor: palette.amber, main: m.t("face.adToggle.busy"), sub: [m.t("face.adToggle.busyCaption")] });
		case "unavailable":
			return renderFace({
				glyph: adBadge,
				glyphColor: palette.grey,
				main: m.t("face.adToggle.unavailable"),
				sub: [m.t("face.adToggle.unavailableCaption")],
			});
		case "no-live":
			return renderFace({ glyph: adBadge, glyphColor: palette.grey, main: m.t("face.noLive"), sub: [m.t("face.selectLive")] });
		case "error":
			return renderFace({ glyph: warning, glyphColor: palette.amber, main: m.t("face.failed"), sub: formatMessage(view.message) });
	}
}
