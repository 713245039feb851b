import streamDeck, { action, SingletonAction, type KeyDownEvent, type WillAppearEvent, type WillDisappearEvent } from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { renderAdToggle, titleLine, type AdToggleView } from "../keys/index.js";
import type { AdBreaks } from "../live/ad-breaks.js";
import type { LiveRegistry } from "../live/live-registry.js";
import { errorText } from "./error-text.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("AdToggle");

/**
 * Ad Breaks On/Off: shows whether the server allows ad breaks on the current live (`live_ad_break`) and flips it.
 * The key changes only once the API accepted the change; a failure leaves it as it was and alerts.
 */
@action({ UUID: "com.dailymotion.live.adtoggle" })
export class AdToggleAction extends SingletonAction<JsonObject> {
	#adBreaks: AdBreaks;
	#lives: LiveRegistry;
	#m: Messages;
	#keys: LiveKeys<null>;
	#busy = new Set<string>();

	constructor(adBreaks: AdBreaks, deps: LiveKeysDeps) {
		super();
		this.#adBreaks = adBreaks;
		this.#lives = deps.lives;
		this.#m = deps.messages;
		this.#keys = new LiveKeys({ ...deps, logger, render: (key) => this.#render(key) });
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#keys.show(ev.action, null);
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#keys.hide(ev.action.id);
	}

	override async onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
		const key = this.#keys.get(ev.action.id);
		if (!key) return;
		if (!this.#adBreaks.canToggle()) {
			logger.info("Ad breaks on/off is not available on API v2; nothing sent");
			key.view.alert();
			return;
		}
		const enabled = key.liveId ? this.#lives.store(key.liveId).snapshot.video?.adBreaksEnabled : undefined;
		if (enabled === undefined || enabled === null || this.#busy.has(key.liveId)) {
			key.view.alert(); // No live, or its state is not known yet: nothing sensible to flip.
			return;
		}
		this.#busy.add(key.liveId);
		this.#keys.drawLive(key.liveId);
		try {
			await this.#adBreaks.setEnabled(key.liveId, !enabled);
			key.view.ok();
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Switching ad breaks failed: ${text.detail}`);
			key.view.alert();
		} finally {
			this.#busy.delete(key.liveId);
			this.#keys.drawLive(key.liveId);
		}
	}

	#render(key: LiveKey<null>): boolean {
		const view = this.#view(key.liveId);
		key.view.image(renderAdToggle(view, this.#m));
		if (view.state === "on" || view.state === "off") key.view.state(view.state === "on" ? 0 : 1);
		return false;
	}

	#view(liveId: string): AdToggleView {
		if (!this.#adBreaks.canToggle()) return { state: "unavailable" };
		if (!liveId) return { state: "no-live" };
		if (this.#busy.has(liveId)) return { state: "busy" };
		const snapshot = this.#lives.store(liveId).snapshot;
		if (!snapshot.video) return snapshot.error ? { state: "error", message: titleLine(errorText(snapshot.error, this.#m).title) } : { state: "busy" };
		const enabled = snapshot.video.adBreaksEnabled;
		return enabled === null ? { state: "unknown" } : { state: enabled ? "on" : "off" };
	}
}
