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
import { adBreakFeedback, renderAdBreak, titleLine, type AdBreakView } from "../keys/index.js";
import { isCountingDown, type AdBreakPhase } from "../live/ad-break-clock.js";
import type { AdBreaks } from "../live/ad-breaks.js";
import { parseAdBreakSettings, type AdBreakSettings } from "../settings/ad-break.js";
import { errorText } from "./error-text.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("AdBreak");

/**
 * Ad Break: launches a mid-roll for every viewer of the current live, then counts down the break and the cooldown
 * on the key (or the Stream Deck + touch strip). Presses while counting send nothing.
 */
@action({ UUID: "com.dailymotion.live.adbreak" })
export class AdBreakAction extends SingletonAction<JsonObject> {
	#adBreaks: AdBreaks;
	#m: Messages;
	#keys: LiveKeys<AdBreakSettings>;

	constructor(adBreaks: AdBreaks, deps: LiveKeysDeps) {
		super();
		this.#adBreaks = adBreaks;
		this.#m = deps.messages;
		this.#keys = new LiveKeys({ ...deps, logger, render: (key) => this.#render(key) });
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#keys.show(ev.action, this.#settings(ev.payload.settings)).view.triggers(this.#m.t("action.adbreak.push"));
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#keys.hide(ev.action.id);
	}

	override onDidReceiveSettings(ev: DidReceiveSettingsEvent<JsonObject>): void {
		this.#keys.update(ev.action.id, this.#settings(ev.payload.settings));
	}

	override onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
		return this.#press(ev.action.id);
	}

	override onDialDown(ev: DialDownEvent<JsonObject>): Promise<void> {
		return this.#press(ev.action.id);
	}

	override onTouchTap(ev: TouchTapEvent<JsonObject>): Promise<void> {
		return this.#press(ev.action.id);
	}

	async #press(id: string): Promise<void> {
		const key = this.#keys.get(id);
		if (!key) return;
		const cooldownMs = key.settings.cooldown * 1000;
		if (isCountingDown(this.#adBreaks.phase(key.liveId, cooldownMs)) || this.#adBreaks.isLaunching(key.liveId)) {
			key.view.alert(); // Refused locally: no request, and the countdown goes on.
			return;
		}
		key.view.image(renderAdBreak({ state: "busy" }, this.#m));
		try {
			const result = await this.#adBreaks.launch(key.liveId, cooldownMs);
			if (result.kind === "refused") {
				logger.info(`Ad break refused without a request: ${result.phase.kind}`);
				key.view.alert();
			} else {
				key.view.ok();
			}
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Ad break failed: ${text.detail}`);
			key.view.alert();
			key.view.image(renderAdBreak({ state: "error", message: titleLine(text.title) }, this.#m));
			return;
		}
		this.#keys.drawLive(key.liveId);
	}

	#render(key: LiveKey<AdBreakSettings>): boolean {
		if (this.#adBreaks.isLaunching(key.liveId)) return false;
		const phase = this.#adBreaks.phase(key.liveId, key.settings.cooldown * 1000);
		const view = toView(phase, this.#m);
		key.view.image(renderAdBreak(view, this.#m));
		key.view.feedback(adBreakFeedback(view, this.#m));
		return isCountingDown(phase);
	}

	#settings(raw: unknown): AdBreakSettings {
		const parsed = parseAdBreakSettings(raw);
		if (parsed.problems.length > 0) logger.warn(`Ad Break settings: ${parsed.problems.join("; ")}`);
		return parsed.value;
	}
}

function toView(phase: AdBreakPhase, m: Messages): AdBreakView {
	switch (phase.kind) {
		case "running":
		case "cooldown":
			return { state: phase.kind, remainingMs: phase.remainingMs, totalMs: phase.totalMs };
		case "ready":
			return { state: "ready", remaining: phase.remaining };
		case "loading":
			return { state: "busy" };
		case "error":
			return { state: "error", message: titleLine(errorText(phase.error, m).title) };
		default:
			return { state: phase.kind };
	}
}
