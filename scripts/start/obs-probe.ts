/**
 * Is OBS there? Opens a WebSocket to the configured OBS URL and waits for obs-websocket's Hello (op 0), then
 * closes without identifying (obs-websocket allows that). Says whether a password is required.
 */
import { WebSocket } from "ws";

export type ObsReachability =
	| { reachable: true; authRequired: boolean; version?: string }
	| { reachable: false; reason: string };

const PROBE_TIMEOUT_MS = 2_000;

export function probeObs(url: string): Promise<ObsReachability> {
	return new Promise((resolve) => {
		let socket: WebSocket;
		try {
			socket = new WebSocket(url, "obswebsocket.json", { handshakeTimeout: PROBE_TIMEOUT_MS });
		} catch (err) {
			resolve({ reachable: false, reason: (err as Error).message });
			return;
		}
		const finish = (result: ObsReachability): void => {
			clearTimeout(timer);
			socket.removeAllListeners();
			socket.on("error", () => undefined);
			socket.terminate();
			resolve(result);
		};
		const timer = setTimeout(() => finish({ reachable: false, reason: "no answer" }), PROBE_TIMEOUT_MS);
		socket.on("message", (data: Buffer) => {
			try {
				const message = JSON.parse(data.toString()) as { op?: number; d?: { authentication?: unknown; obsWebSocketVersion?: string } };
				if (message.op === 0) {
					finish({ reachable: true, authRequired: message.d?.authentication !== undefined, version: message.d?.obsWebSocketVersion });
					return;
				}
			} catch {
				// not obs-websocket
			}
			finish({ reachable: false, reason: "something else answers on that port (not obs-websocket)" });
		});
		socket.on("error", (err: Error) => finish({ reachable: false, reason: (err as NodeJS.ErrnoException).code ?? err.message }));
		socket.on("close", () => finish({ reachable: false, reason: "connection closed" }));
	});
}
