/**
 * The property inspector of every action (manifest `PropertyInspectorPath`): the app loads ui/inspector.html and
 * calls `connectElgatoStreamDeckSocket`; the sections shown depend on the action.
 */
import { Form } from "./form.js";
import { MergedSettings } from "./merged-settings.js";
import { PiConnection, type ActionInfo } from "./pi-connection.js";
import { accountSection } from "./sections/account.js";
import type { InspectorContext } from "./sections/context.js";
import { createLiveSection } from "./sections/create-live.js";
import { diagnosticsSection } from "./sections/diagnostics.js";
import { currentLiveSection } from "./sections/current-live.js";
import { adBreakSection, sendToObsSection } from "./sections/key-options.js";
import { obsSection } from "./sections/obs.js";

type Section = (ctx: InspectorContext) => HTMLElement;

/** Per action: its own sections first, then the shared account and OBS sections (troubleshooting comes last). */
const SECTIONS: Record<string, Section[]> = {
	"com.dailymotion.live.create": [createLiveSection, currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.obs": [sendToObsSection, currentLiveSection, obsSection, accountSection],
	"com.dailymotion.live.stream": [obsSection, accountSection],
	"com.dailymotion.live.adbreak": [adBreakSection, currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.adtoggle": [currentLiveSection, accountSection, obsSection],
	"com.dailymotion.live.status": [currentLiveSection, accountSection, obsSection],
};

function connect(port: number, uuid: string, registerEvent: string, _info: string, actionInfoJson: string): void {
	const actionInfo = JSON.parse(actionInfoJson) as ActionInfo;
	const pi = new PiConnection(port, uuid, registerEvent, actionInfo.action);
	const stores = {
		global: new MergedSettings((s) => pi.setGlobalSettings(s)),
		action: new MergedSettings((s) => pi.setSettings(s), actionInfo.payload.settings ?? {}),
	};
	pi.onGlobalSettings((s) => stores.global.receive(s));
	pi.onSettings((s) => stores.action.receive(s));
	pi.getGlobalSettings();

	const form = new Form(stores);
	// Asked once: the Create Live form and the live editor both list the categories.
	const ctx: InspectorContext = { form, pi, channels: pi.request("channels") };
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
