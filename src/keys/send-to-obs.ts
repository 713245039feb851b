/** Key image of the "Send to OBS" action. */
import { broadcast, check, dots, screenSend, warning } from "./glyphs.js";
import { renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";

/** What the "Send to OBS" key shows. `streaming`: OBS is already streaming (settings are locked). */
export type SendToObsView = { state: "idle" | "busy" | "done" | "streaming" } | { state: "error"; message: string };

/** Renders the "Send to OBS" key. */
export function renderSendToObs(view: SendToObsView): string {
	switch (view.state) {
		case "idle":
			return renderFace({ glyph: screenSend, glyphColor: palette.blue, main: "SEND", sub: ["TO OBS"] });
		case "busy":
			return renderFace({ glyph: dots, glyphColor: palette.amber, main: "SENDING", sub: ["TO OBS"] });
		case "done":
			return renderFace({ glyph: check, glyphColor: palette.green, main: "SENT", sub: ["OBS READY"] });
		case "streaming":
			return renderFace({
				background: palette.liveBackground,
				glyph: broadcast,
				main: "OBS LIVE",
				sub: ["STREAMING"],
				subColor: palette.white,
			});
		case "error":
			return renderFace({ glyph: warning, glyphColor: palette.amber, main: "FAILED", sub: formatMessage(view.message) });
	}
}
