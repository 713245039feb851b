import type { DialAction, KeyAction } from "@elgato/streamdeck";
import { svgDataUrl } from "../keys/index.js";
import type { Logger } from "../log.js";

type AnyAction = KeyAction | DialAction;

/**
 * What the plugin shows on one key or dial. Sends an image or title only when it differs from the last one sent
 * (identical frames are never re-sent), and catches every SDK promise so a closed socket cannot crash the plugin.
 */
export class KeyView {
	#action: AnyAction;
	#logger: Logger;
	#image: string | undefined;
	#title: string | undefined;
	#feedback: string | undefined;
	#state: number | undefined;
	#triggers: string | undefined;

	constructor(action: AnyAction, logger: Logger) {
		this.#action = action;
		this.#logger = logger;
	}

	get id(): string {
		return this.#action.id;
	}

	get isDial(): boolean {
		return this.#action.isDial();
	}

	/** Shows an SVG (144×144 design); skipped when unchanged. */
	image(svg: string): void {
		if (svg === this.#image) return;
		this.#image = svg;
		this.#guard(this.#action.setImage(svgDataUrl(svg)), "setImage");
	}

	/** Sets the title (a user's own title still wins, as Stream Deck decides); skipped when unchanged. */
	title(title: string): void {
		if (title === this.#title) return;
		this.#title = title;
		if (this.#action.isKey()) this.#guard(this.#action.setTitle(title), "setTitle");
	}

	/** Touch-strip feedback for dials ($B1 layout keys); skipped when unchanged or on keys. */
	feedback(payload: { title: string; value: string; indicator: { value: number } }): void {
		if (!this.#action.isDial()) return;
		const serialized = JSON.stringify(payload);
		if (serialized === this.#feedback) return;
		this.#feedback = serialized;
		this.#guard(this.#action.setFeedback(payload), "setFeedback");
	}

	/**
	 * What pushing or touching a dial does (and turning it, when it does something), in the user's language (the
	 * manifest's text is English); skipped on keys and when unchanged.
	 */
	triggers(text: string, rotate?: string): void {
		if (!this.#action.isDial()) return;
		const serialized = JSON.stringify([text, rotate]);
		if (serialized === this.#triggers) return;
		this.#triggers = serialized;
		const description = rotate === undefined ? { push: text, touch: text } : { push: text, touch: text, rotate };
		this.#guard(this.#action.setTriggerDescription(description), "setTriggerDescription");
	}

	/** Selects the manifest state (two-state keys); skipped when unchanged. */
	state(state: number): void {
		if (state === this.#state || !this.#action.isKey()) return;
		this.#state = state;
		this.#guard(this.#action.setState(state), "setState");
	}

	alert(): void {
		this.#guard(this.#action.showAlert(), "showAlert");
	}

	ok(): void {
		if (this.#action.isKey()) this.#guard(this.#action.showOk(), "showOk");
	}

	#guard(promise: Promise<void>, what: string): void {
		promise.catch((err: unknown) => this.#logger.warn(`${what} failed`, err));
	}
}

/** The views of one action type, by context id: created on appear, dropped on disappear. */
export class KeyViews {
	#views = new Map<string, KeyView>();
	#logger: Logger;

	constructor(logger: Logger) {
		this.#logger = logger;
	}

	/** The view for this action instance (a repeated willAppear reuses it). */
	of(action: AnyAction): KeyView {
		let view = this.#views.get(action.id);
		if (!view) {
			view = new KeyView(action, this.#logger);
			this.#views.set(action.id, view);
		}
		return view;
	}

	forget(id: string): void {
		this.#views.delete(id);
	}

	all(): IterableIterator<KeyView> {
		return this.#views.values();
	}

	get size(): number {
		return this.#views.size;
	}
}
