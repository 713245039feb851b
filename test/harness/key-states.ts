/**
 * Every state every key can show, in one language, with the title its action sets then: the key preview sheet
 * (scripts/make-icons.ts --preview) draws them and test/integration/key-fit.test.ts measures them in Chromium.
 */
import { errorText } from "../../src/actions/error-text.ts";
import { NotFoundError, TimeoutError } from "../../src/dailymotion/index.ts";
import { CATALOGS } from "../../src/i18n/catalogs/index.ts";
import type { Messages, PlainKey } from "../../src/i18n/messages.ts";
import * as keys from "../../src/keys/index.ts";

export interface KeyState {
	/** What the state is, in English (for the sheet's captions and failure messages). */
	label: string;
	svg: string;
	/** The key title the action sets with this image (Stream Deck draws it bottom-aligned over the image). */
	title?: string;
}

const MINUTE = 60_000;

/** The states, in the order of the sheet: Create Live, Send to OBS, Stream, Ad Break, Ad Breaks On/Off, Live Status. */
export function keyStates(m: Messages): KeyState[] {
	const t = (key: PlainKey) => m.t(key);
	// Keys without a title show the error's short title on the image, as one line the renderer wraps.
	const timeout = keys.titleLine(errorText(new TimeoutError("timeout"), m).title);
	const notFound = keys.titleLine(errorText(new NotFoundError("not found"), m).title);
	const states: [string, string, string?][] = [
		["create idle", keys.renderCreateLive({ state: "idle" }, m)],
		["create busy", keys.renderCreateLive({ state: "busy" }, m), t("title.creating")],
		["create done", keys.renderCreateLive({ state: "done" }, m), keys.wrapTitle("Friday night show with guests")],
		["create done, OBS off", keys.renderCreateLive({ state: "done" }, m), t("error.obs.unreachable.title")],
		["create error", keys.renderCreateLive({ state: "error" }, m), t("error.auth.title")],
		["obs idle", keys.renderSendToObs({ state: "idle" }, m)],
		["obs busy", keys.renderSendToObs({ state: "busy" }, m), t("title.starting")],
		["obs done", keys.renderSendToObs({ state: "done" }, m), t("title.obsReady")],
		["obs streaming", keys.renderSendToObs({ state: "streaming" }, m), t("title.obsStreaming")],
		["obs error", keys.renderSendToObs({ state: "error" }, m), t("error.obs.outputRunning.title")],
		["stream offline", keys.renderStream({ state: "offline" }, m), t("title.goLive")],
		["stream connecting", keys.renderStream({ state: "connecting" }, m), t("title.starting")],
		["stream live", keys.renderStream({ state: "live" }, m), t("title.live")],
		["stream live 12:34", keys.renderStream({ state: "live", elapsedMs: 12 * MINUTE + 34_000 }, m), m.t("title.holdToStop", { duration: m.seconds(1) })],
		["stream live 1h", keys.renderStream({ state: "live", elapsedMs: 62 * MINUTE + 3000 }, m), t("title.live")],
		["stream stopping", keys.renderStream({ state: "stopping" }, m), t("title.stopping")],
		["stream reconnecting", keys.renderStream({ state: "reconnecting" }, m), t("title.reconnecting")],
		["stream unreachable", keys.renderStream({ state: "unreachable" }, m), t("error.obs.unreachable.title")],
		["stream auth", keys.renderStream({ state: "auth-failed" }, m), t("error.obs.authFailed.title")],
		["stream kicked", keys.renderStream({ state: "kicked" }, m), t("error.obs.kicked.title")],
		["ad ready", keys.renderAdBreak({ state: "ready", remaining: 23 }, m)],
		["ad ready, 1 left", keys.renderAdBreak({ state: "ready", remaining: 1 }, m)],
		["ad ready, unknown", keys.renderAdBreak({ state: "ready", remaining: null }, m)],
		["ad running", keys.renderAdBreak({ state: "running", remainingMs: 21_400, totalMs: 35_000 }, m)],
		["ad cooldown", keys.renderAdBreak({ state: "cooldown", remainingMs: 5_000, totalMs: 35_000 }, m)],
		["ad busy", keys.renderAdBreak({ state: "busy" }, m)],
		["ad no-live", keys.renderAdBreak({ state: "no-live" }, m)],
		["ad disabled", keys.renderAdBreak({ state: "disabled" }, m)],
		["ad off-air", keys.renderAdBreak({ state: "off-air" }, m)],
		["ad quota", keys.renderAdBreak({ state: "quota" }, m)],
		["ad error", keys.renderAdBreak({ state: "error", message: timeout }, m)],
		["toggle on", keys.renderAdToggle({ state: "on" }, m)],
		["toggle off", keys.renderAdToggle({ state: "off" }, m)],
		["toggle unknown", keys.renderAdToggle({ state: "unknown" }, m)],
		["toggle busy", keys.renderAdToggle({ state: "busy" }, m)],
		["toggle no-live", keys.renderAdToggle({ state: "no-live" }, m)],
		["toggle unavailable (API v2)", keys.renderAdToggle({ state: "unavailable" }, m)],
		["toggle error", keys.renderAdToggle({ state: "error", message: keys.titleLine(errorText(new Error("x"), m).title) }, m)],
		["status no-live", keys.renderLiveStatus({ state: "no-live" }, m)],
		["status loading", keys.renderLiveStatus({ state: "loading" }, m)],
		["status offline", keys.renderLiveStatus({ state: "offline", title: "My weekly show" }, m)],
		["status offline, no title", keys.renderLiveStatus({ state: "offline" }, m)],
		["status on-air", keys.renderLiveStatus({ state: "on-air", viewers: 1234, elapsedMs: 754_000 }, m)],
		["status on-air big", keys.renderLiveStatus({ state: "on-air", viewers: 1_234_567, elapsedMs: null }, m)],
		["status error", keys.renderLiveStatus({ state: "error", message: notFound }, m)],
	];
	return states.map(([label, svg, title]) => ({ label, svg, title }));
}

/** Every key title of the catalog (`title.*` and the error titles), for the title fit check. */
export function allTitles(m: Messages, keysOf: readonly string[]): { key: string; title: string }[] {
	return keysOf
		.filter((key) => key.startsWith("title.") || /^error\..*title$/.test(key))
		.map((key) => ({ key, title: key === "title.holdToStop" ? m.t("title.holdToStop", { duration: m.seconds(1) }) : m.format(key) }));
}

/** The error faces of the keys without a title (Ad Break, Ad Breaks On/Off, Live Status), with every error title. */
export function errorFaces(m: Messages): KeyState[] {
	return allTitles(m, Object.keys(CATALOGS[m.language]))
		.filter(({ key }) => key.startsWith("error."))
		.flatMap(({ key, title }) => {
			const message = keys.titleLine(title);
			return [
				{ label: `ad error ${key}`, svg: keys.renderAdBreak({ state: "error", message }, m) },
				{ label: `status error ${key}`, svg: keys.renderLiveStatus({ state: "error", message }, m) },
			];
		});
}
