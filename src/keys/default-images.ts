/**
 * The manifest's key images: what Stream Deck shows before the plugin draws, in a multi-action's list, or while the
 * plugin is not running. A glyph and no words, so they read the same in every language (the plugin replaces them at
 * once with faces in the user's language). scripts/make-icons.ts writes them under imgs/.
 */
import { adBadge, broadcast, cameraPlus, drawGlyph, eye, recordDot, screenSend, type Glyph } from "./glyphs.js";
import { TITLE_AREA_TOP } from "./layout.js";
import { palette } from "./palette.js";
import { KEY_SIZE, svgDocument } from "./svg.js";

export type DefaultImage =
	| "create"
	| "obs"
	| "stream"
	| "stream-live"
	| "adbreak"
	| "adtoggle-on"
	| "adtoggle-off"
	| "status"
	| "record-off"
	| "record-on";

/** `titled`: the action sets a title, so the glyph stays above the title area. */
const LOOKS: Record<DefaultImage, { glyph: Glyph; color: string; background?: string; titled?: boolean }> = {
	create: { glyph: cameraPlus, color: palette.blue, titled: true },
	obs: { glyph: screenSend, color: palette.blue, titled: true },
	stream: { glyph: broadcast, color: palette.blue, titled: true },
	"stream-live": { glyph: broadcast, color: palette.white, background: palette.liveBackground, titled: true },
	adbreak: { glyph: adBadge, color: palette.green },
	"adtoggle-on": { glyph: adBadge, color: palette.green },
	"adtoggle-off": { glyph: adBadge, color: palette.grey },
	status: { glyph: eye, color: palette.muted },
	"record-off": { glyph: recordDot, color: palette.grey },
	"record-on": { glyph: recordDot, color: palette.red },
};

export function renderDefaultImage(name: DefaultImage): string {
	const look = LOOKS[name];
	const size = look.titled ? 60 : 76;
	const top = look.titled ? (TITLE_AREA_TOP - size) / 2 : (KEY_SIZE - size) / 2;
	return svgDocument(
		`<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${look.background ?? palette.background}"/>` +
			drawGlyph(look.glyph, (KEY_SIZE - size) / 2, top, size, look.color),
	);
}
