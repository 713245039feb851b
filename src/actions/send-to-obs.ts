import streamDeck, { action, SingletonAction, type KeyDownEvent, type WillAppearEvent, type WillDisappearEvent } from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { renderSendToObs } from "../keys/index.js";
import type { ObsPublisher } from "../live/obs-publisher.js";
import { currentLiveId } from "../settings/global.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import { parseSendToObsSettings } from "../settings/send-to-obs.js";
import { errorText } from "./error-text.js";
import { KeyViews } from "./key-view.js";

const logger = streamDeck.logger.createScope("SendToObs");

/** Send to OBS: puts the current live's server and stream key into OBS, optionally starting the stream. */
@action({ UUID: "com.dailymotion.live.obs" })
export class SendToObsAction extends SingletonAction<JsonObject> {
	#publisher: ObsPublisher;
	#settings: GlobalSettingsStore;
	#m: Messages;
	#views = new KeyViews(logger);

	constructor(publisher: ObsPublisher, settings: GlobalSettingsStore, messages: Messages) {
		super();
		this.#publisher = publisher;
		this.#settings = settings;
		this.#m = messages;
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#views.of(ev.action).image(renderSendToObs({ state: this.#publisher.busy ? "busy" : "idle" }, this.#m));
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#views.forget(ev.action.id);
	}

	override async onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
		const view = this.#views.of(ev.action);
		const settings = parseSendToObsSettings(ev.payload.settings);
		if (settings.problems.length > 0) logger.warn(`Send to OBS settings: ${settings.problems.join("; ")}`);
		view.title(this.#m.t(settings.value.start ? "title.starting" : "title.sending"));
		view.image(renderSendToObs({ state: "busy" }, this.#m));
		try {
			await this.#settings.whenReceived(); // a press right after launch may beat the host's global settings
			await this.#publisher.sendLive(currentLiveId(this.#settings.current), { start: settings.value.start });
			view.image(renderSendToObs({ state: settings.value.start ? "streaming" : "done" }, this.#m));
			view.title(this.#m.t(settings.value.start ? "title.obsStreaming" : "title.obsReady"));
			view.ok();
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Send to OBS failed: ${text.detail}`);
			view.alert();
			view.title(text.title);
			view.image(renderSendToObs({ state: "error" }, this.#m));
		}
	}
}
