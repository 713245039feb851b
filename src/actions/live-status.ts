import streamDeck, {
	action,
	SingletonAction,
	type DialDownEvent,
	type KeyDownEvent,
	type TouchTapEvent,
	type WillAppearEvent,
	type WillDisappearEvent,
} from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { liveStatusFeedback, renderLiveStatus, titleLine, type LiveStatusView } from "../keys/index.js";
import type { LiveRegistry } from "../live/live-registry.js";
import { errorText } from "./error-text.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("LiveStatus");

/**
 * Live Status: on air or not, current viewers and time on air for the current live. Viewers come from the shared
 * poller; the elapsed time ticks locally from the API's airing time. A press opens the live's page.
 */
@action({ UUID: "com.dailymotion.live.status" })
export class LiveStatusAction extends SingletonAction<JsonObject> {
	#lives: LiveRegistry;
	#m: Messages;
	#keys: LiveKeys<null>;
	#now: () => number;

	constructor(deps: LiveKeysDeps, now: () => number = Date.now) {
		super();
		this.#lives = deps.lives;
		this.#m = deps.messages;
		this.#now = now;
		this.#keys = new LiveKeys({ ...deps, logger, render: (key) => this.#render(key) });
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#keys.show(ev.action, null).view.triggers(this.#m.t("action.status.push"));
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#keys.hide(ev.action.id);
	}

	override onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
		return this.#open(ev.action.id);
	}

	override onDialDown(ev: DialDownEvent<JsonObject>): Promise<void> {
		return this.#open(ev.action.id);
	}

	override onTouchTap(ev: TouchTapEvent<JsonObject>): Promise<void> {
		return this.#open(ev.action.id);
	}

	async #open(id: string): Promise<void> {
		const key = this.#keys.get(id);
		if (!key) return;
		if (!key.liveId) {
			key.view.alert();
			return;
		}
		try {
			await streamDeck.system.openUrl(`https://www.dailymotion.com/video/${encodeURIComponent(key.liveId)}`);
		} catch (err) {
			logger.warn("Opening the live's page failed", err);
			key.view.alert();
		}
	}

	#render(key: LiveKey<null>): boolean {
		const view = this.#view(key.liveId);
		key.view.image(renderLiveStatus(view, this.#m));
		key.view.feedback(liveStatusFeedback(view, this.#m));
		return view.state === "on-air" && view.elapsedMs !== null;
	}

	#view(liveId: string): LiveStatusView {
		if (!liveId) return { state: "no-live" };
		const { video, error } = this.#lives.store(liveId).snapshot;
		if (!video) return error ? { state: "error", message: titleLine(errorText(error, this.#m).title) } : { state: "loading" };
		if (!video.onair) return { state: "offline", title: video.title };
		const elapsedMs = video.liveAiringTime ? Math.max(0, this.#now() - video.liveAiringTime * 1000) : null;
		return { state: "on-air", viewers: video.audience, elapsedMs };
	}
}
