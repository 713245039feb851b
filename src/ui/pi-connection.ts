import type { Settings } from "./merged-settings.js";
import { isInspectorAnswer, type AnswerData, type InspectorAnswer, type RequestEvent } from "./messages.js";

/** `actionInfo` as the app passes it to `connectElgatoStreamDeckSocket` (parsed). */
export interface ActionInfo {
	action: string;
	context: string;
	device: string;
	payload: { settings?: Settings; controller?: string; isInMultiAction?: boolean };
}

/** The answer to request `E`: its data, or the plugin's user-facing reason. */
export type Answer<E extends RequestEvent> = ({ ok: true } & AnswerData[E]) | { ok: false; error: string };

/** How long a request waits for the plugin (its own calls time out sooner, with a better reason). */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * The inspector's socket to the Stream Deck app (stream-deck.md §7): registers, reads and writes settings, and
 * sends requests to the plugin, matching answers by `requestId`. Messages written before the socket opens are
 * queued.
 */
export class PiConnection {
	readonly #socket: WebSocket;
	readonly #uuid: string;
	readonly #action: string;
	readonly #queue: string[] = [];
	readonly #waiting = new Map<string, (answer: InspectorAnswer) => void>();
	readonly #onGlobal = new Set<(settings: Settings) => void>();
	readonly #onSettings = new Set<(settings: Settings) => void>();
	readonly #noAnswer: string;
	#seq = 0;

	/** `noAnswer` is what a request that got no answer in time says, in the user's language. */
	constructor(port: number, uuid: string, registerEvent: string, action: string, noAnswer: string) {
		this.#uuid = uuid;
		this.#action = action;
		this.#noAnswer = noAnswer;
		this.#socket = new WebSocket(`ws://127.0.0.1:${port}`);
		this.#socket.addEventListener("open", () => {
			this.#socket.send(JSON.stringify({ event: registerEvent, uuid }));
			for (const text of this.#queue.splice(0)) this.#socket.send(text);
		});
		this.#socket.addEventListener("message", (m) => this.#onMessage(String(m.data)));
	}

	setSettings(settings: Settings): void {
		this.#send("setSettings", settings);
	}
	setGlobalSettings(settings: Settings): void {
		this.#send("setGlobalSettings", settings);
	}
	getGlobalSettings(): void {
		this.#send("getGlobalSettings");
	}
	getSettings(): void {
		this.#send("getSettings");
	}
	onGlobalSettings(listener: (settings: Settings) => void): void {
		this.#onGlobal.add(listener);
	}
	onSettings(listener: (settings: Settings) => void): void {
		this.#onSettings.add(listener);
	}

	/** Asks the plugin; never rejects (a missing answer becomes `{ok: false}`). */
	request<E extends RequestEvent>(event: E, extra: Record<string, unknown> = {}): Promise<Answer<E>> {
		const requestId = `${event}-${++this.#seq}`;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#waiting.delete(requestId);
				resolve({ ok: false, error: this.#noAnswer });
			}, ANSWER_TIMEOUT_MS);
			this.#waiting.set(requestId, (answer) => {
				clearTimeout(timer);
				resolve(answer as unknown as Answer<E>);
			});
			this.#send("sendToPlugin", { ...extra, event, requestId });
		});
	}

	#send(event: string, payload?: unknown): void {
		const text = JSON.stringify({ event, context: this.#uuid, action: this.#action, payload });
		if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(text);
		else this.#queue.push(text);
	}

	#onMessage(text: string): void {
		let message: { event?: unknown; payload?: { settings?: unknown } & Record<string, unknown> };
		try {
			message = JSON.parse(text) as typeof message;
		} catch {
			return;
		}
		const settings = isSettings(message.payload?.settings) ? message.payload.settings : {};
		if (message.event === "didReceiveGlobalSettings") for (const l of this.#onGlobal) l(settings);
		else if (message.event === "didReceiveSettings") for (const l of this.#onSettings) l(settings);
		else if (message.event === "sendToPropertyInspector" && isInspectorAnswer(message.payload)) {
			const resolve = this.#waiting.get(message.payload.requestId);
			this.#waiting.delete(message.payload.requestId);
			resolve?.(message.payload);
		}
	}
}

function isSettings(value: unknown): value is Settings {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
