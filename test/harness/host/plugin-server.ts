import { WebSocketServer, type WebSocket } from "ws";
import type { AddressInfo } from "node:net";

/**
 * The app's WebSocket endpoint on 127.0.0.1 (ephemeral port). It hands every parsed message to `onMessage`
 * with its socket; which socket is "the plugin" is decided by the host on registerPlugin.
 */
export class PluginServer {
	readonly #wss: WebSocketServer;
	readonly port: number;

	private constructor(wss: WebSocketServer) {
		this.#wss = wss;
		this.port = (wss.address() as AddressInfo).port;
	}

	/** Listens on an ephemeral port. */
	static async listen(onMessage: (socket: WebSocket, message: Record<string, unknown>, text: string) => void): Promise<PluginServer> {
		const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
		await new Promise<void>((resolve, reject) => {
			wss.once("listening", resolve);
			wss.once("error", reject);
		});
		wss.on("connection", (socket) => {
			socket.on("message", (data) => {
				const text = String(data);
				let message: Record<string, unknown>;
				try {
					const parsed: unknown = JSON.parse(text);
					message = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { value: parsed };
				} catch {
					message = { event: "<unparseable>", payload: text };
				}
				onMessage(socket, message, text);
			});
			// A plugin killed mid-frame makes the socket error; the close that follows is what matters.
			socket.on("error", () => undefined);
		});
		return new PluginServer(wss);
	}

	/** Drops every client and stops listening. */
	async close(): Promise<void> {
		for (const client of this.#wss.clients) client.terminate();
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
	}
}
