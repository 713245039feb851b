/** Key image of the "Record On/Off" action (Dailymotion's recording of the live). */
import type { Messages, PlainKey } from "../i18n/messages.js";
import { dots, recordDot, warning, type Glyph } from "./glyphs.js";
import { renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";

/** What the Record key shows: the live's `record_status` from the API, or why it cannot record. */
export type RecordView =
	| { state: "off" | "on" | "starting" | "stopping" | "unknown" | "off-air" | "no-live" | "loading" | "unavailable" }
	| { state: "error"; message: string };

type Look = { glyph: Glyph; color: string; main: PlainKey; sub?: PlainKey; mainColor?: string };

const LOOKS: Record<Exclude<RecordView["state"], "error">, Look> = {
	off: { glyph: recordDot, color: palette.grey, main: "face.record.off", mainColor: palette.muted },
	on: { glyph: recordDot, color: palette.red, main: "face.record.on", sub: "face.record.name" },
	starting: { glyph: dots, color: palette.amber, main: "face.record.starting", sub: "face.record.name" },
	stopping: { glyph: dots, color: palette.amber, main: "face.record.stopping", sub: "face.record.name" },
	unknown: { glyph: recordDot, color: palette.grey, main: "face.record.unknown", sub: "face.adToggle.unknownCaption" },
	"off-air": { glyph: recordDot, color: palette.grey, main: "face.offAir", sub: "face.adBreak.goLiveFirst" },
	"no-live": { glyph: recordDot, color: palette.grey, main: "face.noLive", sub: "face.selectLive" },
	loading: { glyph: dots, color: palette.blue, main: "face.status.loading" },
	unavailable: { glyph: recordDot, color: palette.grey, main: "face.record.unavailable", sub: "face.adToggle.unavailableCaption" },
};

/** Renders the Record key: REC (red dot) while recording, REC OFF, a transition, or why recording is not possible. */
export function renderRecord(view: RecordView, m: Messages): string {
	if (view.state === "error") {
		return renderFace({ glyph: warning, glyphColor: palette.amber, main: m.t("face.failed"), sub: formatMessage(view.message) });
	}
	const look = LOOKS[view.state];
	return renderFace({
		glyph: look.glyph,
		glyphColor: look.color,
		main: m.t(look.main),
		mainColor: look.mainColor,
		sub: look.sub ? [m.t(look.sub)] : [],
	});
}
