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
 * live). Answers wait for `propertyInspectorDidAppear` of their action, since the SDK drops earlier ones. Made when
 * the first inspector opens (register.ts), which hands it the SDK's inspector events in the order they came.
 */
export class InspectorBridge {
	readonly #deps: InspectorBridgeDeps;
	readonly #outbox = new InspectorOutbox<InspectorAnswer>(
		(answer) => streamDeck.ui.sendToPropertyInspector(answer as unknown as JsonValue),
		() => streamDeck.ui.action?.id,
	);

	constructor(deps: InspectorBridgeDeps) {
		this.#deps = deps;
	}

	/** `ui.onSendToPlugin`: answers a request from `context`'s inspector. */
	request(context: string, request: unknown): void {
		const { logger } = this.#deps;
		if (!isInspectorRequest(request)) {
			logger.warn("Ignored an unknown message from the property inspector");
			return;
		}
		logger.debug(`Inspector asked ${request.event} (${request.requestId})`);
		answerRequest(request, this.#deps)
			.then((answer) => {
				if (!answer.ok) logger.info(`Inspector ${answer.event} failed: ${answer.error}`);
				return this.#outbox.post(context, answer);
			})
			.catch((err: unknown) => logger.error(`Answering the inspector's ${request.event} failed`, err));
	}

	/** `ui.onDidAppear`: delivers what waited for this inspector. */
	appeared(context: string): void {
		this.#outbox.appeared(context).catch((err: unknown) => this.#deps.logger.error("Sending to the inspector failed", err));
	}

	/** `ui.onDidDisappear`. */
	disappeared(context: string): void {
		this.#outbox.disappeared(context);
	}
}
