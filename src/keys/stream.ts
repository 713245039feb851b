/** Key image of the "Stream" (start/stop OBS streaming) action. */
import { formatElapsed } from "./format.js";
import { broadcast, dots, lock, retry, stopSquare, unplugged, type Glyph } from "./glyphs.js";
import { renderFace } from "./layout.js";
import { formatMessage } from "./message.js";
import { palette } from "./palette.js";

/** What the "Stream" key shows. `elapsedMs` is time on air; `hint` an optional short explanation. */
export type StreamView = {
	state: "offline" | "connecting" | "live" | "stopping" | "reconnecting" | "unreachable" | "auth-failed" | "kicked";
	elapsedMs?: number;
	hint?: string;
};

type Look = { glyph: Glyph; color: string; main: string; sub: string };

const LOOKS: Record<Exclude<StreamView["state"], "live">, Look> = {
	offline: { glyph: broadcast, color: palette.blue, main: "GO LIVE", sub: "OFFLINE" },
	connecting: { glyph: dots, color: palette.amber, main: "STARTING", sub: "CONNECTING" },
	stopping: { glyph: stopSquare, color: palette.amber, main: "STOPPING", sub: "PLEASE WAIT" },
	reconnecting: { glyph: retry, color: palette.amber, main: "RETRYING", sub: "RECONNECTING" },
	unreachable: { glyph: unplugged, color: palette.grey, main: "NO OBS", sub: "UNREACHABLE" },
	"auth-failed": { glyph: lock, color: palette.red, main: "OBS AUTH", sub: "CHECK PASSWORD" },
	kicked: { glyph: unplugged, color: palette.amber, main: "KICKED", sub: "PRESS TO RETRY" },
};

function elapsed(view: StreamView): string | undefined {
	return view.elapsedMs === undefined ? undefined : formatElapsed(view.elapsedMs);
}

/**
 * Renders the "Stream" key. On air it turns red and shows the elapsed time (second resolution,
 * so a sub-second ticker does not change the image); a hint, when given, replaces the default small text.
 */
export function renderStream(view: StreamView): string {
	const hint = formatMessage(view.hint);
	if (view.state === "live") {
		const time = elapsed(view);
		return renderFace({
			background: palette.liveBackground,
			glyph: broadcast,
			main: time ?? "ON AIR",
			mainMaxSize: 38,
			sub: hint.length > 0 ? hint : [time === undefined ? "STREAMING" : "ON AIR"],
			subColor: palette.white,
		});
	}
	const look = LOOKS[view.state];
	// While reconnecting the live may still be running: keep its clock visible.
	const time = view.state === "reconnecting" ? elapsed(view) : undefined;
	return renderFace({
		glyph: look.glyph,
		glyphColor: look.color,
		main: look.main,
		mainColor: view.state === "auth-failed" ? palette.red : palette.white,
		sub: hint.length > 0 ? hint : [time ?? look.sub],
	});
}
