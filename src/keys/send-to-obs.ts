/** Key image of the "Send to OBS" action. */
import type { Messages } from "../i18n/messages.js";
import { broadcast, check, dots, screenSend, warning } from "./glyphs.js";
import { renderTitledFace } from "./layout.js";
import { palette } from "./palette.js";

/**
 * What the "Send to OBS" key shows. `streaming`: OBS is streaming the live (settings are locked). The error reason
 * goes in the key title, not the image.
 */
export type SendToObsView = { state: "idle" | "busy" | "done" | "streaming" | "error" };

/** Renders the "Send to OBS" key. */
export function renderSendToObs(view: SendToObsView, m: Messages): string {
	switch (view.state) {
		case "idle":
			return renderTitledFace({ glyph: screenSend, glyphColor: palette.blue, main: m.t("face.obs.idle") });
		case "busy":
			return renderTitledFace({ glyph: dots, glyphColor: palette.amber, main: m.t("face.obs.busy") });
		case "done":
			return renderTitledFace({ glyph: check, glyphColor: palette.green, main: m.t("face.obs.done") });
		case "streaming":
			return renderTitledFace({ background: palette.liveBackground, glyph: broadcast, main: m.t("face.obs.streaming") });
		case "error":
			return renderTitledFace({ glyph: warning, glyphColor: palette.amber, main: m.t("face.failed") });
	}
}
