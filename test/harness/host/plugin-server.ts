import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** Serves plain HTTP requests on the same port (the property inspector pages). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The app's WebSocket endpoint on 127.0.0.1 (ephemeral port). It hands every parsed message to `onMessage`
 * with its socket; which socket is the plugin and which are property inspectors is decided by the host on
 * registration. Plain HTTP requests on the same port go to `onHttp` (404 without one).
 */
export class PluginServer {
	readonly #http: Server;
	readonly #wss: WebSocketServer;
	readonly port: number;

	private constructor(http: Server, wss: WebSocketServer) {
		this.#http = http;
		this.#wss = wss;
		this.port = (http.address() as AddressInfo).port;
	}

	/** Listens on an ephemeral port. */
	static async listen(
		onMessage: (socket: WebSocket, message: Record<string, unknown>, text: string) => void,
		onHttp?: HttpHandler,
	): Promise<PluginServer> {
		const http = createServer((req, res) => {
			if (onHttp) return onHttp(req, res);
			res.writeHead(404).end();
		});
		const wss = new WebSocketServer({ server: http });
		await new Promise<void>((resolve, reject) => {
			http.once("error", reject);
			http.listen(0, "127.0.0.1", () => resolve());
		});
		wss.on("connection", (socket) => {
			socket.on("message", (data) => onMessage(socket, parse(String(data)), String(data)));
			// A plugin killed mid-frame makes the socket error; the close that follows is what matters.
			socket.on("error", () => undefined);
		});
		return new PluginServer(http, wss);
	}

	/** Drops every client and stops listening. */
	async close(): Promise<void> {
		for (const client of this.#wss.clients) client.terminate();
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
		this.#http.closeAllConnections();
		await new Promise<void>((resolve) => this.#http.close(() => resolve()));
	}
}

function parse(text: string): Record<string, unknown> {
	try {
		const parsed: unknown = JSON.parse(text);
		return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { value: parsed };
	} catch {
		return { event: "<unparseable>", payload: text };
	}
}
