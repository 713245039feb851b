/** The page's WebSocket to the `npm start` server; reconnects after a restart of the server. */
import type { ClientMessage, ServerMessage } from "./protocol.ts";

const RETRY_MS = 1_000;

export class Connection {
	#socket: WebSocket | undefined;
	readonly #onMessage: (message: ServerMessage) => void;
	readonly #onState: (open: boolean) => void;

	constructor(onMessage: (message: ServerMessage) => void, onState: (open: boolean) => void) {
		this.#onMessage = onMessage;
		this.#onState = onState;
		this.#open();
	}

	send(message: ClientMessage): void {
		if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
	}

	#open(): void {
		const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
		this.#socket = socket;
		socket.addEventListener("open", () => this.#onState(true));
		socket.addEventListener("message", (event) => this.#onMessage(JSON.parse(String(event.data)) as ServerMessage));
		socket.addEventListener("close", () => {
			this.#onState(false);
			setTimeout(() => this.#open(), RETRY_MS);
		});
	}
}
