import { WebSocket } from "ws";
import { actionEvent, type ActionRegistry, type PlacedAction } from "./action-registry.ts";
import { asObject } from "./plugin-commands.ts";

/** The event a property inspector registers with (the app passes it as `registerEvent`). */
export const REGISTER_PI_EVENT = "registerPropertyInspector";

/** What the relay may read and change in the host. */
export interface RelayDeps {
	registry: ActionRegistry;
	getGlobalSettings(): Record<string, unknown>;
	setGlobalSettings(settings: Record<string, unknown>): void;
	/** Sends to the plugin (dropped when it is not connected). */
	toPlugin(message: object): void;
	/** Records a PI message the plugin never sees (openUrl, logMessage). */
	record(message: Record<string, unknown>): void;
}

/**
 * The app's side of property inspector sockets (stream-deck.md §7): one PI per action context (its
 * `propertyInspectorUUID` is the context). Registering tells the plugin `propertyInspectorDidAppear`, closing
 * `…DidDisappear`; PI writes are stored and reach the plugin as didReceive* (no id); plugin writes and
 * `sendToPropertyInspector` reach the open PI of that context.
 */
export class InspectorRelay {
	readonly #deps: RelayDeps;
	readonly #byContext = new Map<string, WebSocket>();

	constructor(deps: RelayDeps) {
		this.#deps = deps;
	}

	/** True when `socket` registered as a PI. */
	owns(socket: WebSocket): boolean {
		return [...this.#byContext.values()].includes(socket);
	}

	/** Contexts whose PI is connected. */
	get open(): string[] {
		return [...this.#byContext.keys()];
	}

	/** A `registerPropertyInspector` message; unknown contexts are closed (the app never opens those). */
	register(socket: WebSocket, message: Record<string, unknown>): void {
		const a = this.#deps.registry.find(typeof message.uuid === "string" ? message.uuid : undefined);
		if (!a) {
			socket.close(4000, "unknown action context");
			return;
		}
		this.#byContext.get(a.context)?.close(4001, "another inspector opened");
		this.#byContext.set(a.context, socket);
		socket.once("close", () => {
			if (this.#byContext.get(a.context) !== socket) return;
			this.#byContext.delete(a.context);
			this.#deps.toPlugin(lifecycle("propertyInspectorDidDisappear", a));
		});
		this.#deps.toPlugin(lifecycle("propertyInspectorDidAppear", a));
	}

	/** One message from a registered PI socket. */
	fromInspector(socket: WebSocket, message: Record<string, unknown>): void {
		const context = [...this.#byContext].find(([, s]) => s === socket)?.[0];
		const a = this.#deps.registry.find(context);
		if (!a) return;
		switch (message.event) {
			case "setSettings":
				a.settings = asObject(message.payload);
				this.#deps.toPlugin(actionEvent("didReceiveSettings", a));
				break;
			case "getSettings":
				send(socket, actionEvent("didReceiveSettings", a));
				break;
			case "setGlobalSettings": {
				const settings = asObject(message.payload);
				this.#deps.setGlobalSettings(settings);
				this.#deps.toPlugin({ event: "didReceiveGlobalSettings", payload: { settings: structuredClone(settings) } });
				break;
			}
			case "getGlobalSettings":
				send(socket, this.#globalMessage());
				break;
			case "sendToPlugin":
				this.#deps.toPlugin({ event: "sendToPlugin", action: a.action, context: a.context, payload: message.payload });
				break;
			default:
				this.#deps.record({ ...message, context: a.context, fromInspector: true }); // openUrl, logMessage, …
		}
	}

	/** Called after the host applied a plugin command: forwards what the open PI must see. */
	fromPlugin(message: Record<string, unknown>): void {
		const context = typeof message.context === "string" ? message.context : undefined;
		const a = this.#deps.registry.find(context);
		const socket = a && this.#byContext.get(a.context);
		switch (message.event) {
			case "sendToPropertyInspector":
				if (a && socket) send(socket, { event: "sendToPropertyInspector", action: a.action, context: a.context, payload: message.payload });
				break;
			case "setSettings":
				if (a && socket) send(socket, actionEvent("didReceiveSettings", a));
				break;
			case "setGlobalSettings":
				for (const s of this.#byContext.values()) send(s, this.#globalMessage());
				break;
			default:
				break;
		}
	}

	/** Closes every PI socket (the app closing). */
	closeAll(): void {
		for (const socket of this.#byContext.values()) socket.close();
	}

	#globalMessage(): object {
		return { event: "didReceiveGlobalSettings", payload: { settings: structuredClone(this.#deps.getGlobalSettings()) } };
	}
}

function lifecycle(event: string, a: PlacedAction): object {
	return { event, action: a.action, context: a.context, device: a.device };
}

function send(socket: WebSocket, message: object): void {
	if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
