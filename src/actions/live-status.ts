import streamDeck, {
	action,
	SingletonAction,
	type DialDownEvent,
	type DidReceiveSettingsEvent,
	type KeyDownEvent,
	type TouchTapEvent,
	type WillAppearEvent,
	type WillDisappearEvent,
} from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { liveStatusFeedback, renderLiveStatus, titleLine, type LiveStatusView } from "../keys/index.js";
import type { LiveRegistry } from "../live/live-registry.js";
import type { StreamHealthSource } from "../live/stream-health.js";
import { parseLiveStatusSettings, type LiveStatusSettings } from "../settings/live-status.js";
import { errorText } from "./error-text.js";
import { healthLine } from "./health-view.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("LiveStatus");

/**
 * Live Status: on air or not, current viewers and time on air for the current live. Viewers come from the shared
 * poller; the elapsed time ticks locally from the API's airing time. A press opens the live's page. With "Show stream
 * health", OBS's bitrate is a second line, coloured by the stream's health (measured only while such a key is visible).
 */
@action({ UUID: "com.dailymotion.live.status" })
export class LiveStatusAction extends SingletonAction<JsonObject> {
	#lives: LiveRegistry;
	#m: Messages;
	#keys: LiveKeys<LiveStatusSettings>;
	#now: () => number;
	#health: StreamHealthSource;
	#offHealth: (() => void) | undefined;

	constructor(deps: LiveKeysDeps, health: StreamHealthSource, now: () => number = Date.now) {
		super();
		this.#lives = deps.lives;
		this.#m = deps.messages;
		this.#now = now;
		this.#health = health;
		this.#keys = new LiveKeys({ ...deps, logger, render: (key) => this.#render(key) });
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#keys.show(ev.action, this.#settings(ev.payload.settings)).view.triggers(this.#m.t("action.status.push"));
		this.#followHealth();
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#keys.hide(ev.action.id);
		this.#followHealth();
	}

	override onDidReceiveSettings(ev: DidReceiveSettingsEvent<JsonObject>): void {
		this.#keys.update(ev.action.id, this.#settings(ev.payload.settings));
		this.#followHealth();
	}

	/** Measures OBS's stream health only while a visible key shows it. */
	#followHealth(): void {
		const wanted = [...this.#keys.all()].some((key) => key.settings.showHealth);
		if (wanted && !this.#offHealth) {
			this.#offHealth = this.#health.subscribe(() => {
				for (const key of this.#keys.all()) if (key.settings.showHealth) this.#keys.draw(key);
			});
		}
		if (!wanted && this.#offHealth) {
			this.#offHealth();
			this.#offHealth = undefined;
			for (const key of this.#keys.all()) this.#keys.draw(key);
		}
	}

	#settings(raw: unknown): LiveStatusSettings {
		const parsed = parseLiveStatusSettings(raw);
		if (parsed.problems.length > 0) logger.warn(`Live Status settings: ${parsed.problems.join("; ")}`);
		return parsed.value;
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

	#render(key: LiveKey<LiveStatusSettings>): boolean {
		const view = this.#view(key.liveId);
		if (view.state === "on-air" && key.settings.showHealth && this.#offHealth) view.health = healthLine(this.#health.health, this.#m);
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
