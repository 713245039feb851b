/** Key image of the "Create live" action. */
import type { Messages } from "../i18n/messages.js";
import { cameraPlus, check, dots, warning } from "./glyphs.js";
import { renderTitledFace } from "./layout.js";
import { palette } from "./palette.js";

/** What the "Create live" key shows. The live's title or the error reason goes in the key title, not the image. */
export type CreateLiveView = { state: "idle" | "busy" | "done" | "error" };

/** Renders the "Create live" key: NEW LIVE → CREATING → CREATED, or FAILED. */
export function renderCreateLive(view: CreateLiveView, m: Messages): string {
	switch (view.state) {
		case "idle":
			return renderTitledFace({ glyph: cameraPlus, glyphColor: palette.blue, main: m.t("face.create.idle") });
		case "busy":
			return renderTitledFace({ glyph: dots, glyphColor: palette.amber, main: m.t("face.create.busy") });
		case "done":
			return renderTitledFace({ glyph: check, glyphColor: palette.green, main: m.t("face.create.done") });
		case "error":
			return renderTitledFace({ glyph: warning, glyphColor: palette.amber, main: m.t("face.failed") });
	}
}
