/**
 * In-process obs-websocket v5 server (JSON) for failures real OBS will not produce on demand: close codes
 * (4009, 4011), no subprotocol, a request that never answers. Follows the protocol (reference §5): Hello
 * with auth challenge, Identify checks in OBS's order, op 6/7 requests, op 5 events filtered by the
 * session's subscription mask. Runs on an ephemeral port.
 */
import { createHash, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

type Json = Record<string, unknown>;
/** Answers a request: return `responseData`, or throw `{ code, comment }` for a failed requestStatus. */
export type FakeHandler = (data: Json | undefined, obs: FakeObs) => Json | undefined | void;

export interface FakeObsOptions {
	/** Auth required when set. */
	password?: string;
	/** false: do not echo the subprotocol (obs-websocket 4.x behaviour). Default true. */
	subprotocol?: boolean;
	obsWebSocketVersion?: string;
	/** Fixed port (to bring a "restarted OBS" back on the same URL). Default: ephemeral. */
	port?: number;
}

export interface FakeObs {
	url: string;
	password: string | undefined;
	/** WebSocket connections accepted so far. */
	connections: number;
	/** Identify messages received (successful or not). */
	identifies: number;
	/** Requests received, in order (data included: tests only). */
	requests: { requestType: string; requestData: Json | undefined }[];
	/** Replaces the handler of one request type. */
	handle(requestType: string, handler: FakeHandler): void;
	/** Makes a request type never answer (the #358 hanging-call case). */
	hang(requestType: string): void;
	/** Closes every identified session with this code (default 4011, "kicked"). */
	kick(code?: number, reason?: string): void;
	/** Sends an event to identified sessions subscribed to `intent` (default Outputs = 64). */
	emit(eventType: string, eventData?: Json, intent?: number): void;
	close(): Promise<void>;
}

/** A request failure a handler can throw. */
export class FakeRequestError extends Error {
	readonly code: number;
	constructor(code: number, comment = "") {
		super(comment);
		this.code = code;
	}
}

const OUTPUTS = 1 << 6;
const GENERAL = 1 << 0;
const DEFAULT_SUBSCRIPTIONS = 0x7ff;

function sha256(text: string): string {
	return createHash("sha256").update(text).digest("base64");
}

/** Starts a fake OBS with a small stateful stream output (start/stop emit STARTING/STARTED etc.). */
export async function startFakeObs(options: FakeObsOptions = {}): Promise<FakeObs> {
	const salt = randomBytes(32).toString("base64");
	const wss = new WebSocketServer({
		host: "127.0.0.1",
		port: options.port ?? 0,
		handleProtocols: (protocols) =>
			options.subprotocol === false ? false : protocols.has("obswebsocket.json") ? "obswebsocket.json" : false,
	});
	await new Promise<void>((resolve, reject) => {
		wss.once("listening", resolve);
		wss.once("error", reject);
	});
	const sessions = new Map<WebSocket, { identified: boolean; subscriptions: number }>();
	const handlers = new Map<string, FakeHandler>();
	const hanging = new Set<string>();
	let streaming = false;
	let service: Json = { streamServiceType: "rtmp_common", streamServiceSettings: {} };

	const fake: FakeObs = {
		url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
		password: options.password,
		connections: 0,
		identifies: 0,
		requests: [],
		handle: (type, handler) => void handlers.set(type, handler),
		hang: (type) => void hanging.add(type),
		kick(code = 4011, reason = "You have been disconnected by the server.") {
			for (const [ws, s] of sessions) if (s.identified) ws.close(code, reason);
		},
		emit(eventType, eventData, intent = OUTPUTS) {
			for (const [ws, s] of sessions) {
				if (!s.identified || (s.subscriptions & intent) === 0) continue;
				ws.send(JSON.stringify({ op: 5, d: { eventType, eventIntent: intent, ...(eventData ? { eventData } : {}) } }));
			}
		},
		async close() {
			for (const ws of sessions.keys()) ws.terminate();
			await new Promise<void>((resolve) => wss.close(() => resolve()));
		},
	};

	const streamEvent = (state: string, active: boolean): void =>
		fake.emit("StreamStateChanged", { outputActive: active, outputState: `OBS_WEBSOCKET_OUTPUT_${state}` });
	handlers.set("GetVersion", () => ({
		obsVersion: "29.0.2",
		obsWebSocketVersion: options.obsWebSocketVersion ?? "5.1.0",
		rpcVersion: 1,
		platform: "fake",
		availableRequests: [...handlers.keys()],
		supportedImageFormats: [],
	}));
	handlers.set("GetStreamStatus", () => ({
		outputActive: streaming,
		outputReconnecting: false,
		outputTimecode: "00:00:00.000",
		outputDuration: 0,
		outputCongestion: 0,
		outputBytes: 0,
		outputSkippedFrames: 0,
		outputTotalFrames: 0,
	}));
	handlers.set("GetStreamServiceSettings", () => service);
	handlers.set("SetStreamServiceSettings", (data) => {
		if (streaming) throw new FakeRequestError(500, "You cannot change stream service settings while streaming.");
		service = { streamServiceType: data?.streamServiceType, streamServiceSettings: data?.streamServiceSettings };
	});
	handlers.set("StartStream", () => {
		if (streaming) throw new FakeRequestError(500);
		streaming = true;
		setTimeout(() => streamEvent("STARTING", false), 5);
		setTimeout(() => streamEvent("STARTED", true), 20);
	});
	handlers.set("StopStream", () => {
		if (!streaming) throw new FakeRequestError(501);
		streaming = false;
		setTimeout(() => streamEvent("STOPPING", false), 5);
		setTimeout(() => streamEvent("STOPPED", false), 20);
	});

	wss.on("connection", (ws) => {
		fake.connections++;
		const session = { identified: false, subscriptions: DEFAULT_SUBSCRIPTIONS };
		sessions.set(ws, session);
		ws.on("close", () => sessions.delete(ws));
		const challenge = randomBytes(32).toString("base64");
		const hello: Json = { obsWebSocketVersion: options.obsWebSocketVersion ?? "5.1.0", rpcVersion: 1 };
		if (options.password !== undefined) hello.authentication = { challenge, salt };
		ws.send(JSON.stringify({ op: 0, d: hello }));

		ws.on("message", (raw, isBinary) => {
			if (isBinary) return ws.close(4002, "Binary frame on a JSON session");
			let message: { op?: unknown; d?: Json };
			try {
				message = JSON.parse(raw.toString()) as { op?: unknown; d?: Json };
			} catch {
				return ws.close(4002, "Unable to decode message");
			}
			const d = message.d ?? {};
			if (message.op === 1) {
				fake.identifies++;
				if (session.identified) return ws.close(4008, "You are already identified.");
				if (options.password !== undefined) {
					if (typeof d.authentication !== "string") {
						return ws.close(4009, "Your payload's data is missing an `authentication` string, however authentication is required.");
					}
					if (d.authentication !== sha256(sha256(options.password + salt) + challenge)) {
						return ws.close(4009, "Authentication failed.");
					}
				}
				if (d.rpcVersion === undefined) return ws.close(4003, "Your payload's data is missing an `rpcVersion`.");
				if (typeof d.rpcVersion !== "number" || d.rpcVersion < 0) return ws.close(4004, "`rpcVersion` is not an unsigned number.");
				if (d.rpcVersion !== 1) return ws.close(4010, "Your requested RPC version is not supported.");
				if (d.eventSubscriptions !== undefined) {
					if (typeof d.eventSubscriptions !== "number") return ws.close(4004, "`eventSubscriptions` is not an unsigned number.");
					session.subscriptions = d.eventSubscriptions;
				}
				session.identified = true;
				return ws.send(JSON.stringify({ op: 2, d: { negotiatedRpcVersion: 1 } }));
			}
			if (!session.identified) return ws.close(4007, "You must identify before sending other messages.");
			if (message.op !== 6) return ws.close(4006, `Unknown OpCode: ${String(message.op)}`);
			const { requestType, requestId, requestData } = d as { requestType?: string; requestId?: string; requestData?: Json };
			if (typeof requestType !== "string" || typeof requestId !== "string") return ws.close(4003, "Missing request field.");
			fake.requests.push({ requestType, requestData });
			if (hanging.has(requestType)) return;
			const handler = handlers.get(requestType);
			let reply: Json;
			if (!handler) {
				reply = { requestType, requestId, requestStatus: { result: false, code: 204, comment: "Your request type is not valid." } };
			} else {
				try {
					const responseData = handler(requestData, fake);
					reply = { requestType, requestId, requestStatus: { result: true, code: 100 }, ...(responseData ? { responseData } : {}) };
				} catch (e) {
					const code = e instanceof FakeRequestError ? e.code : 702;
					const comment = e instanceof Error && e.message ? { comment: e.message } : {};
					reply = { requestType, requestId, requestStatus: { result: false, code, ...comment } };
				}
			}
			ws.send(JSON.stringify({ op: 7, d: reply }));
		});
	});
	return fake;
}

/** Event subscription bits a test may pass to `emit`. */
export const FakeIntent = { General: GENERAL, Outputs: OUTPUTS } as const;
