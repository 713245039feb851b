/** Key image of the "Stream" (start/stop OBS streaming) action. */
import type { Messages, PlainKey } from "../i18n/messages.js";
import { formatElapsed } from "./format.js";
import { broadcast, dots, lock, retry, stopSquare, unplugged, warning, type Glyph } from "./glyphs.js";
import { renderTitledFace } from "./layout.js";
import { palette } from "./palette.js";

/**
 * What the "Stream" key shows. `elapsedMs` is time on air. Hints ("Go live", "Hold 1 s to stop", the error) go in the
 * key title, not the image.
 */
export type StreamView = {
	state: "offline" | "connecting" | "live" | "stopping" | "reconnecting" | "unreachable" | "auth-failed" | "kicked";
	elapsedMs?: number;
	/** On air, a stream in trouble: amber or red, with its most serious reason (the bitrate goes in the title). */
	alarm?: { level: "amber" | "red"; reason: StreamAlarm };
};

/** Why a live stream is amber or red (reconnecting has its own state). */
export type StreamAlarm = "dropped" | "congested" | "stalled";

const ALARM_WORDS: Record<StreamAlarm, PlainKey> = {
	dropped: "face.health.dropped",
	congested: "face.health.congested",
	stalled: "face.health.stalled",
};

type Look = { glyph: Glyph; color: string; main: PlainKey };

const LOOKS: Record<Exclude<StreamView["state"], "live">, Look> = {
	offline: { glyph: broadcast, color: palette.blue, main: "face.stream.offline" },
	connecting: { glyph: dots, color: palette.amber, main: "face.stream.connecting" },
	stopping: { glyph: stopSquare, color: palette.amber, main: "face.stream.stopping" },
	reconnecting: { glyph: retry, color: palette.amber, main: "face.stream.reconnecting" },
	unreachable: { glyph: unplugged, color: palette.grey, main: "face.stream.unreachable" },
	"auth-failed": { glyph: lock, color: palette.red, main: "face.stream.authFailed" },
	kicked: { glyph: unplugged, color: palette.amber, main: "face.stream.kicked" },
};

/**
 * Renders the "Stream" key. On air it turns red and shows the elapsed time when known (second resolution, so a
 * sub-second ticker does not change the image); a stream in trouble turns amber (dark amber key) or red (red frame and
 * warning) and names the trouble.
 */
export function renderStream(view: StreamView, m: Messages): string {
	if (view.state === "live" && view.alarm) {
		const red = view.alarm.level === "red";
		return renderTitledFace({
			background: red ? palette.background : palette.amberBackground,
			frame: red ? palette.red : undefined,
			glyph: warning,
			glyphColor: red ? palette.red : palette.amber,
			main: m.t(ALARM_WORDS[view.alarm.reason]),
			mainColor: red ? palette.red : palette.white,
		});
	}
	if (view.state === "live") {
		const main = view.elapsedMs === undefined ? m.t("face.stream.live") : formatElapsed(view.elapsedMs);
		return renderTitledFace({ background: palette.liveBackground, glyph: broadcast, main });
	}
	const look = LOOKS[view.state];
	return renderTitledFace({
		glyph: look.glyph,
		glyphColor: look.color,
		main: m.t(look.main),
		mainColor: view.state === "auth-failed" ? palette.red : palette.white,
	});
}
