import streamDeck, {
	action,
	SingletonAction,
	type KeyDownEvent,
	type KeyUpEvent,
	type WillAppearEvent,
	type WillDisappearEvent,
} from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages, PlainKey } from "../i18n/messages.js";
import { renderStream } from "../keys/index.js";
import { LONG_PRESS_MS, type StreamControl, type StreamPhase } from "../live/stream-control.js";
import type { StreamHealthSource } from "../live/stream-health.js";
import { errorText } from "./error-text.js";
import { bitrateText, streamAlarm } from "./health-view.js";
import { KeyViews, type KeyView } from "./key-view.js";

const logger = streamDeck.logger.createScope("Stream");

/** How long a hint ("Hold 1 s to stop", an error) stays before the key shows the stream state again. */
const HINT_MS = 2_500;

const TITLES: Record<StreamPhase, PlainKey> = {
	offline: "title.goLive",
	connecting: "title.starting",
	live: "title.live",
	stopping: "title.stopping",
	reconnecting: "title.reconnecting",
	unreachable: "error.obs.unreachable.title",
	"auth-failed": "error.obs.authFailed.title",
	kicked: "error.obs.kicked.title",
};

/**
 * Stream On/Off: mirrors OBS's real output state. A press starts an offline stream; stopping a live one needs a
 * long press (≥ 1 s), a short press only shows how. While live it shows OBS's bitrate under LIVE and turns amber or
 * red when frames drop or the connection struggles (the health is measured only while such a key shows LIVE).
 */
@action({ UUID: "com.dailymotion.live.stream" })
export class StreamToggleAction extends SingletonAction<JsonObject> {
	#control: StreamControl;
	#m: Messages;
	#views = new KeyViews(logger);
	/** Per key: when the current press started and the timer that stops the stream once held long enough. */
	#presses = new Map<string, { at: number; timer: NodeJS.Timeout }>();
	#health: StreamHealthSource;
	#offHealth: (() => void) | undefined;
	/** Keys showing a hint (until then): health updates must not wipe "Hold 1 s to stop" off the title. */
	#hints = new Map<string, number>();

	constructor(control: StreamControl, messages: Messages, health: StreamHealthSource) {
		super();
		this.#control = control;
		this.#m = messages;
		this.#health = health;
		control.onChange(() => this.#renderAll());
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#render(this.#views.of(ev.action));
		this.#followHealth();
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#views.forget(ev.action.id);
		this.#endPress(ev.action.id);
		this.#hints.delete(ev.action.id);
		this.#followHealth();
	}

	override onKeyDown(ev: KeyDownEvent<JsonObject>): void {
		const view = this.#views.of(ev.action);
		const phase = this.#control.phase;
		if (phase === "live" || phase === "reconnecting") {
			this.#endPress(view.id);
			const timer = setTimeout(() => this.#longPress(view), LONG_PRESS_MS);
			this.#presses.set(view.id, { at: Date.now(), timer });
			return;
		}
		if (phase === "kicked") {
			// Only reconnect: OBS may still be streaming, and the key will show it once connected.
			this.#control.reconnect();
			return;
		}
		if (phase === "offline" || phase === "unreachable") {
			view.title(this.#m.t("title.starting"));
			this.#run(view, this.#control.start());
			return;
		}
		// Starting or stopping already: nothing to do but say so.
		this.#hint(view, this.#m.t(TITLES[phase]));
	}

	override onKeyUp(ev: KeyUpEvent<JsonObject>): void {
		const press = this.#presses.get(ev.action.id);
		if (!press) return;
		this.#endPress(ev.action.id);
		if (Date.now() - press.at < LONG_PRESS_MS) this.#hint(this.#views.of(ev.action), this.#m.t("title.holdToStop", { duration: this.#m.seconds(LONG_PRESS_MS / 1000) }));
	}

	#longPress(view: KeyView): void {
		this.#presses.delete(view.id);
		view.title(this.#m.t("title.stopping"));
		this.#run(view, this.#control.stop());
	}

	#run(view: KeyView, operation: Promise<void>): void {
		operation.then(
			() => this.#render(view),
			(err: unknown) => {
				const text = errorText(err, this.#m);
				logger.error(`Stream command failed: ${text.detail}`);
				this.#hint(view, text.title);
			},
		);
	}

	#endPress(id: string): void {
		const press = this.#presses.get(id);
		if (press) clearTimeout(press.timer);
		this.#presses.delete(id);
	}

	#renderAll(): void {
		for (const view of this.#views.all()) this.#render(view);
		this.#followHealth();
	}

	/** Measures the stream's health only while a visible key is live (or reconnecting). */
	#followHealth(): void {
		const phase = this.#views.size > 0 ? this.#control.phase : "offline";
		const wanted = phase === "live" || phase === "reconnecting";
		if (wanted && !this.#offHealth) this.#offHealth = this.#health.subscribe(() => this.#renderAll());
		if (!wanted && this.#offHealth) {
			this.#offHealth();
			this.#offHealth = undefined;
		}
	}

	/** Alerts with a short message, then goes back to showing the stream state. */
	#hint(view: KeyView, title: string): void {
		view.alert();
		view.title(title);
		this.#hints.set(view.id, Date.now() + HINT_MS);
		setTimeout(() => {
			this.#hints.delete(view.id);
			this.#render(view);
		}, HINT_MS).unref();
	}

	#render(view: KeyView): void {
		const phase = this.#control.phase;
		const health = this.#offHealth ? this.#health.health : { kind: "idle" as const };
		const live = phase === "live";
		view.image(renderStream({ state: phase, alarm: live ? streamAlarm(health) : undefined }, this.#m));
		if ((this.#hints.get(view.id) ?? 0) <= Date.now()) {
			const rate = live ? bitrateText(health, this.#m) : undefined;
			view.title(rate === undefined ? this.#m.t(TITLES[phase]) : this.#m.t("title.liveBitrate", { rate }));
		}
		view.state(phase === "live" || phase === "reconnecting" ? 1 : 0);
	}
}
