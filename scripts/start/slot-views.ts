/** What every key and dial shows, rebuilt from the plugin's commands (like the app's own key renderer). */
import type { RecordedCommand } from "../../test/harness/host/index.ts";
import type { SlotView } from "./page/protocol.ts";

/** Commands that change what a slot shows. */
const VIEW_EVENTS = new Set(["setImage", "setTitle", "setState", "setFeedback", "setFeedbackLayout"]);

export class SlotViews {
	readonly #views = new Map<string, SlotView>();

	constructor(contexts: readonly string[]) {
		for (const context of contexts) this.#views.set(context, { state: 0, feedback: {} });
	}

	/** Applies one command; returns the new view when it changed what the slot shows. */
	apply(command: RecordedCommand): SlotView | undefined {
		const view = command.context === undefined ? undefined : this.#views.get(command.context);
		if (!view || !VIEW_EVENTS.has(command.event)) return undefined;
		const payload = (command.payload ?? {}) as Record<string, unknown>;
		switch (command.event) {
			case "setImage":
				// No image (or "") restores the manifest image.
				view.image = typeof payload.image === "string" && payload.image !== "" ? payload.image : undefined;
				break;
			case "setTitle":
				view.title = typeof payload.title === "string" ? payload.title : undefined;
				break;
			case "setState":
				if (typeof payload.state === "number") view.state = payload.state;
				break;
			case "setFeedback":
				view.feedback = { ...view.feedback, ...payload };
				break;
			case "setFeedbackLayout":
				view.layout = typeof payload.layout === "string" ? payload.layout : undefined;
				view.feedback = {};
				break;
		}
		return structuredClone(view);
	}

	/** Sets the state the host decided (automatic toggling on keyUp); returns the view when it changed. */
	syncState(context: string, state: number): SlotView | undefined {
		const view = this.#views.get(context);
		if (!view || view.state === state) return undefined;
		view.state = state;
		return structuredClone(view);
	}

	snapshot(): Record<string, SlotView> {
		return Object.fromEntries([...this.#views].map(([context, view]) => [context, structuredClone(view)]));
	}
}
