/**
 * The property inspector of every action (manifest `PropertyInspectorPath`): the app loads ui/inspector.html and
 * calls `connectElgatoStreamDeckSocket`; the sections shown depend on the action, the words on Stream Deck's language.
 */
import type { Messages } from "../i18n/messages.js";
import { Form } from "./form.js";
import { loadInspectorMessages } from "./load-messages.js";
import { MergedSettings } from "./merged-settings.js";
import { PiConnection, type ActionInfo } from "./pi-connection.js";
import { accountSection } from "./sections/account.js";
import type { InspectorContext } from "./sections/context.js";
import { createLiveSection } from "./sections/create-live.js";
import { diagnosticsSection } from "./sections/diagnostics.js";
import { currentLiveSection } from "./sections/current-live.js";
import { adBreakSection, autoAdsSection, liveStatusSection, recordSection, sendToObsSection } from "./sections/key-options.js";
import { obsSection } from "./sections/obs.js";

type Section = (ctx: InspectorContext) => HTMLElement;

/** Per action: its own sections first, then the shared account and OBS sections (troubleshooting comes last). */
const SECTIONS: Record<string, Section[]> = {
	"com.dailymotion.live.create": [createLiveSection, currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.obs": [sendToObsSection, currentLiveSection, obsSection, accountSection],
	"com.dailymotion.live.stream": [obsSection, accountSection],
	"com.dailymotion.live.adbreak": [adBreakSection, autoAdsSection, currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.adtoggle": [currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.status": [liveStatusSection, currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.record": [recordSection, currentLiveSection, accountSection, obsSection],
};

function connect(port: number, uuid: string, registerEvent: string, infoJson: string, actionInfoJson: string): void {
	const actionInfo = JSON.parse(actionInfoJson) as ActionInfo;
	loadInspectorMessages(applicationLanguage(infoJson))
		.then((m) => start(m, { port, uuid, registerEvent }, actionInfo))
		.catch((err: unknown) => console.error("The inspector could not start", err));
}

/** `info.application.language` (the app's language, not the browser's); undefined when `info` is not what we expect. */
function applicationLanguage(infoJson: string): unknown {
	try {
		return (JSON.parse(infoJson) as { application?: { language?: unknown } }).application?.language;
	} catch {
		return undefined;
	}
}

function start(m: Messages, socket: { port: number; uuid: string; registerEvent: string }, actionInfo: ActionInfo): void {
	document.documentElement.lang = m.locale;
	const pi = new PiConnection(socket.port, socket.uuid, socket.registerEvent, actionInfo.action, m.t("pi.noAnswer"));
	const stores = {
		global: new MergedSettings((s) => pi.setGlobalSettings(s)),
		action: new MergedSettings((s) => pi.setSettings(s), actionInfo.payload.settings ?? {}),
	};
	pi.onGlobalSettings((s) => stores.global.receive(s));
	pi.onSettings((s) => stores.action.receive(s));
	pi.getGlobalSettings();

	const form = new Form(stores, m);
	// Asked once: the Create Live form and the live editor both list the categories.
	const ctx: InspectorContext = { form, pi, m, channels: pi.request("channels") };
	const app = document.getElementById("app") ?? document.body;
	const sections = [...(SECTIONS[actionInfo.action] ?? [accountSection, obsSection]), diagnosticsSection];
	app.replaceChildren(...sections.map((build) => build(ctx)));
	document.body.dataset.action = actionInfo.action;
	// Edits typed just before the inspector closes still reach the host.
	window.addEventListener("pagehide", () => form.flush());
}

declare global {
	interface Window {
		connectElgatoStreamDeckSocket: typeof connect;
	}
}

window.connectElgatoStreamDeckSocket = connect;
