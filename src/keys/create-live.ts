/** Key image of the "Create live" action. */
import { formatMessage } from "./message.js";
import { cameraPlus, check, dots, warning } from "./glyphs.js";
import { renderFace } from "./layout.js";
import { palette } from "./palette.js";
import { truncateTitle } from "./format.js";

/** What the "Create live" key shows. */
export type CreateLiveView =
	| { state: "idle" }
	| { state: "busy" }
	| { state: "done"; title: string }
	| { state: "error"; message: string };

/** Renders the "Create live" key: NEW LIVE → CREATING → READY + title, or the error. */
export function renderCreateLive(view: CreateLiveView): string {
	switch (view.state) {
		case "idle":
			return renderFace({ glyph: cameraPlus, glyphColor: palette.blue, main: "NEW", sub: ["LIVE"] });
		case "busy":
			return renderFace({ glyph: dots, glyphColor: palette.amber, main: "CREATING", sub: ["PLEASE WAIT"] });
		case "done":
			return renderFace({
				glyph: check,
				glyphColor: palette.green,
				main: "CREATED",
				sub: [truncateTitle(view.title, 14)],
			});
		case "error":
			return renderFace({ glyph: warning, glyphColor: palette.amber, main: "FAILED", sub: formatMessage(view.message) });
	}
}
