import streamDeck from "@elgato/streamdeck";
import type { JsonValue } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import type { Logger } from "../log.js";
import type { ApiProvider } from "../live/api-provider.js";
import type { ObsLink } from "../live/obs-link.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import { isInspectorRequest, type InspectorAnswer } from "../ui/messages.js";
import { answerRequest } from "./answer-request.js";
import { InspectorOutbox } from "./outbox.js";

/** What the bridge needs from the composition root. */
export interface InspectorBridgeDeps {
	api: ApiProvider;
	obs: ObsLink;
	settings: GlobalSettingsStore;
	messages: Messages;
	logger: Logger;
}

/**
 * Answers the property inspector's requests (test connection, test OBS, categories, lives, read/edit the current
 * live). Answers wait for `propertyInspectorDidAppear` of their action, since the SDK drops earlier ones.
 * Returns a function that removes every listener.
 */
export function registerInspectorBridge(deps: InspectorBridgeDeps): () => void {
	const { logger } = deps;
	const outbox = new InspectorOutbox<InspectorAnswer>(
		(answer) => streamDeck.ui.sendToPropertyInspector(answer as unknown as JsonValue),
		() => streamDeck.ui.action?.id,
	);
	const disposables = [
		streamDeck.ui.onSendToPlugin((ev) => {
			const request = ev.payload;
			if (!isInspectorRequest(request)) {
				logger.warn("Ignored an unknown message from the property inspector");
				return;
			}
			const context = ev.action.id;
			logger.debug(`Inspector asked ${request.event} (${request.requestId})`);
			answerRequest(request, deps)
				.then((answer) => {
					if (!answer.ok) logger.info(`Inspector ${answer.event} failed: ${answer.error}`);
					return outbox.post(context, answer);
				})
				.catch((err: unknown) => logger.error(`Answering the inspector's ${request.event} failed`, err));
		}),
		streamDeck.ui.onDidAppear((ev) => {
			outbox.appeared(ev.action.id).catch((err: unknown) => logger.error("Sending to the inspector failed", err));
		}),
		streamDeck.ui.onDidDisappear((ev) => outbox.disappeared(ev.action.id)),
	];
	return () => {
		for (const d of disposables) d.dispose();
	};
}
