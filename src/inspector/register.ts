import streamDeck from "@elgato/streamdeck";
import type { InspectorBridge, InspectorBridgeDeps } from "./bridge.js";

/**
 * Listens for the property inspector and loads the bridge that answers it (bridge.ts and what it needs) when the
 * first inspector appears or asks something: a plugin whose inspector is never opened never loads it (README,
 * Performance). Events are handed on in the order they came. Returns a function that removes every listener.
 */
export function registerInspectorBridge(deps: InspectorBridgeDeps): () => void {
	let bridge: Promise<InspectorBridge> | undefined;
	const withBridge = (use: (bridge: InspectorBridge) => void): void => {
		bridge ??= import("./bridge.js").then(({ InspectorBridge }) => new InspectorBridge(deps));
		bridge.then(use).catch((err: unknown) => deps.logger.error("Answering the property inspector failed", err));
	};
	const disposables = [
		streamDeck.ui.onSendToPlugin((ev) => withBridge((b) => b.request(ev.action.id, ev.payload))),
		streamDeck.ui.onDidAppear((ev) => withBridge((b) => b.appeared(ev.action.id))),
		streamDeck.ui.onDidDisappear((ev) => {
			// Nothing waits for an inspector before the bridge exists.
			if (bridge) withBridge((b) => b.disappeared(ev.action.id));
		}),
	];
	return () => {
		for (const d of disposables) d.dispose();
	};
}
