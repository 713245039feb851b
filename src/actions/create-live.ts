import streamDeck, { action, SingletonAction, type KeyDownEvent, type WillAppearEvent, type WillDisappearEvent } from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { renderCreateLive, wrapTitle } from "../keys/index.js";
import type { LiveCreator } from "../live/live-creator.js";
import { parseCreateLiveSettings } from "../settings/create-live.js";
import { errorText } from "./error-text.js";
import { KeyViews, type KeyView } from "./key-view.js";

const logger = streamDeck.logger.createScope("CreateLive");

/** Create Live: one press creates a Dailymotion live, makes it the current one and (by default) sets up OBS. */
@action({ UUID: "com.dailymotion.live.create" })
export class CreateLiveAction extends SingletonAction<JsonObject> {
	#creator: LiveCreator;
	#m: Messages;
	#views = new KeyViews(logger);

	constructor(creator: LiveCreator, messages: Messages) {
		super();
		this.#creator = creator;
		this.#m = messages;
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		const view = this.#views.of(ev.action);
		const busy = this.#creator.busy;
		view.image(renderCreateLive({ state: busy ? "busy" : "idle" }, this.#m));
		// The app keeps the last title of a key across page switches: clear an old "Login failed" under NEW LIVE.
		view.title(busy ? this.#m.t("title.creating") : "");
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#views.forget(ev.action.id);
	}

	override async onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
		const view = this.#views.of(ev.action);
		const settings = parseCreateLiveSettings(ev.payload.settings);
		if (settings.problems.length > 0) {
			logger.warn(`Create Live settings: ${settings.problems.join("; ")}`);
			return this.#showFailure(view, this.#m.t("title.checkSettings"));
		}
		view.title(this.#m.t("title.creating"));
		view.image(renderCreateLive({ state: "busy" }, this.#m));
		try {
			const { live, obs } = await this.#creator.create(settings.value);
			view.image(renderCreateLive({ state: "done" }, this.#m));
			if (live.autoRecordError) {
				// The live exists and went to OBS as asked; only its recording is off: say so before anything else.
				view.alert();
				view.title(this.#m.t("title.notRecording"));
				return;
			}
			if (obs.status !== "failed") {
				view.title(wrapTitle(live.title));
				view.ok();
				return;
			}
			const text = errorText(obs.error, this.#m);
			logger.error(`Live created, OBS step failed: ${text.detail}`);
			// The live exists (the image says CREATED); the title says what OBS needs.
			view.alert();
			view.title(text.title);
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Create Live failed: ${text.detail}`);
			this.#showFailure(view, text.title);
		}
	}

	/** FAILED on the image, the reason in the title (the detail is in the log). */
	#showFailure(view: KeyView, title: string): void {
		view.alert();
		view.title(title);
		view.image(renderCreateLive({ state: "error" }, this.#m));
	}
}
