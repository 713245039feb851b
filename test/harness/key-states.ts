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

/**
 * The states, in the order of the sheet: Create Live, Send to OBS, Stream, Ad Break, Ad Breaks On/Off, Live Status,
 * Record On/Off.
 */
export function keyStates(m: Messages): KeyState[] {
	const t = (key: PlainKey) => m.t(key);
	// Keys without a title show the error's short title on the image, as one line the renderer wraps.
	const timeout = keys.titleLine(errorText(new TimeoutError("timeout"), m).title);
	const notFound = keys.titleLine(errorText(new NotFoundError("not found"), m).title);
	const snooze = m.minutes(5);
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
		["stream live, bitrate", keys.renderStream({ state: "live" }, m), liveBitrate(m, 6_012)],
		["stream frame drops (amber)", keys.renderStream({ state: "live", alarm: { level: "amber", reason: "dropped" } }, m), liveBitrate(m, 5_870)],
		["stream congested (amber)", keys.renderStream({ state: "live", alarm: { level: "amber", reason: "congested" } }, m), liveBitrate(m, 3_204)],
		["stream frame drops (red)", keys.renderStream({ state: "live", alarm: { level: "red", reason: "dropped" } }, m), liveBitrate(m, 1_310)],
		["stream congested (red)", keys.renderStream({ state: "live", alarm: { level: "red", reason: "congested" } }, m), liveBitrate(m, 890)],
		["stream stalled (red)", keys.renderStream({ state: "live", alarm: { level: "red", reason: "stalled" } }, m), liveBitrate(m, 0)],
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
		["auto ad next", keys.renderAdBreak({ state: "scheduled", phase: "waiting", remainingMs: 12 * MINUTE + 34_000, totalMs: 15 * MINUTE, remaining: 22, snooze }, m)],
		["auto ad next, unknown left", keys.renderAdBreak({ state: "scheduled", phase: "waiting", remainingMs: 75 * MINUTE, totalMs: 15 * MINUTE, remaining: null, snooze }, m)],
		["auto ad warning", keys.renderAdBreak({ state: "scheduled", phase: "warning", remainingMs: 42_000, totalMs: 15 * MINUTE, remaining: 1, snooze }, m)],
		["auto ad last failed", keys.renderAdBreak({ state: "scheduled", phase: "failed", remainingMs: 14 * MINUTE, totalMs: 15 * MINUTE, remaining: 22, snooze }, m)],
		["auto ad retrying", keys.renderAdBreak({ state: "auto-retry" }, m)],
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
		["status on-air, health ok", keys.renderLiveStatus({ state: "on-air", viewers: 1234, elapsedMs: 754_000, health: { text: kbps(m, 6_012), level: "ok" } }, m)],
		["status on-air, health amber", keys.renderLiveStatus({ state: "on-air", viewers: 87, elapsedMs: 3_754_000, health: { text: kbps(m, 12_345), level: "amber" } }, m)],
		["status on-air, health red", keys.renderLiveStatus({ state: "on-air", viewers: 1_234_567, elapsedMs: null, health: { text: kbps(m, 0), level: "red" } }, m)],
		["record off", keys.renderRecord({ state: "off" }, m)],
		["record starting", keys.renderRecord({ state: "starting" }, m)],
		["record on", keys.renderRecord({ state: "on" }, m)],
		["record stopping", keys.renderRecord({ state: "stopping" }, m)],
		["record unknown", keys.renderRecord({ state: "unknown" }, m)],
		["record off-air", keys.renderRecord({ state: "off-air" }, m)],
		["record no-live", keys.renderRecord({ state: "no-live" }, m)],
		["record loading", keys.renderRecord({ state: "loading" }, m)],
		["record unavailable (API v2)", keys.renderRecord({ state: "unavailable" }, m)],
		["record error", keys.renderRecord({ state: "error", message: timeout }, m)],
	];
	return states.map(([label, svg, title]) => ({ label, svg, title }));
}

/** A bitrate as the keys write it ("6,012 kb/s"). */
function kbps(m: Messages, value: number): string {
	return m.t("unit.kbps", { kbps: m.number(value) });
}

/** The Stream key's title while live with a measured bitrate. */
function liveBitrate(m: Messages, value: number): string {
	return m.t("title.liveBitrate", { rate: kbps(m, value) });
}

/** Titles with placeholders, filled as the actions fill them (the widest plausible values). */
const FILLED_TITLES: Record<string, (m: Messages) => string> = {
	"title.holdToStop": (m) => m.t("title.holdToStop", { duration: m.seconds(1) }),
	"title.liveBitrate": (m) => liveBitrate(m, 12_345),
};

/** Every key title of the catalog (`title.*` and the error titles), for the title fit check. */
export function allTitles(m: Messages, keysOf: readonly string[]): { key: string; title: string }[] {
	return keysOf
		.filter((key) => key.startsWith("title.") || /^error\..*title$/.test(key))
		.map((key) => ({ key, title: FILLED_TITLES[key]?.(m) ?? m.format(key) }));
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
				{ label: `record error ${key}`, svg: keys.renderRecord({ state: "error", message }, m) },
			];
		});
}
