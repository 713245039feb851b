import streamDeck, { action, SingletonAction, type KeyDownEvent, type WillAppearEvent, type WillDisappearEvent } from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { renderRecord, titleLine, type RecordView } from "../keys/index.js";
import type { LiveRegistry } from "../live/live-registry.js";
import type { Recording } from "../live/recording.js";
import { errorText } from "./error-text.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("Record");

/**
 * Record On/Off: starts or stops Dailymotion's recording of the current live and shows its `record_status`
 * (starting, started, stopping, stopped) as the API reports it. The poll asks for that field only while such a key is
 * visible. Recording needs the live on air; on API v2 (no documented start/stop) the key says it is not available.
 */
@action({ UUID: "com.dailymotion.live.record" })
export class RecordAction extends SingletonAction<JsonObject> {
	#recording: Recording;
	#lives: LiveRegistry;
	#m: Messages;
	#keys: LiveKeys<null>;
	/** Per live: what a press asked for, shown until the API answers. */
	#pending = new Map<string, "starting" | "stopping">();

	constructor(recording: Recording, deps: LiveKeysDeps) {
		super();
		this.#recording = recording;
		this.#lives = deps.lives;
		this.#m = deps.messages;
		this.#keys = new LiveKeys({ ...deps, logger, render: (key) => this.#render(key), extras: ["recording"] });
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
		if (!this.#recording.canRecord()) {
			logger.info("Recording on/off is not available on API v2; nothing sent");
			key.view.alert();
			return;
		}
		if (!key.liveId || this.#recording.isBusy(key.liveId)) {
			key.view.alert();
			return;
		}
		let video = this.#lives.store(key.liveId).snapshot.video;
		// The poll may be up to 10 s old: a live that just went on air is read once more before refusing.
		if (!video?.onair) video = (await this.#lives.refresh(key.liveId)).video;
		if (!video?.onair) {
			key.view.alert();
			this.#keys.drawLive(key.liveId);
			return;
		}
		const on = video.recordStatus !== "started" && video.recordStatus !== "starting";
		this.#pending.set(key.liveId, on ? "starting" : "stopping");
		this.#keys.drawLive(key.liveId);
		try {
			await this.#recording.set(key.liveId, on);
			key.view.ok();
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Recording ${on ? "start" : "stop"} failed: ${text.detail}`);
			key.view.alert();
			this.#pending.delete(key.liveId);
			key.view.image(renderRecord({ state: "error", message: titleLine(text.title) }, this.#m));
			// The failure stays on the key until the live is read again.
			void this.#lives.refresh(key.liveId);
			return;
		}
		this.#pending.delete(key.liveId);
		this.#keys.drawLive(key.liveId);
	}

	#render(key: LiveKey<null>): boolean {
		const view = this.#view(key.liveId);
		key.view.image(renderRecord(view, this.#m));
		if (view.state === "on" || view.state === "off") key.view.state(view.state === "on" ? 1 : 0);
		return false;
	}

	#view(liveId: string): RecordView {
		if (!this.#recording.canRecord()) return { state: "unavailable" };
		if (!liveId) return { state: "no-live" };
		const pending = this.#pending.get(liveId);
		if (pending) return { state: pending };
		const snapshot = this.#lives.store(liveId).snapshot;
		if (!snapshot.video) return snapshot.error ? { state: "error", message: titleLine(errorText(snapshot.error, this.#m).title) } : { state: "loading" };
		// Read before this key asked for the recording: its status comes with the read that follows at once.
		if (!snapshot.extras.includes("recording")) return { state: "loading" };
		const status = snapshot.video.recordStatus;
		this.#recording.follow(liveId, status);
		if (status === "starting" || status === "stopping") return { state: status };
		if (!snapshot.video.onair) return { state: "off-air" };
		if (status === "started") return { state: "on" };
		return status === "stopped" ? { state: "off" } : { state: "unknown" };
	}
}
