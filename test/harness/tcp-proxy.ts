/**
 * A TCP proxy to put between a publisher (OBS) and an ingest (nginx-rtmp) to degrade the link on cue: pause
 * forwarding (the publisher's socket fills up, as with a stalled ingest), cap the forwarded rate (a congested uplink),
 * or kill every connection and refuse new ones (an ingest that died). Only the publisher → ingest direction is
 * shaped; the ingest's answers (RTMP acks) always pass. When the proxy stops forwarding it also stops reading, so the
 * back-pressure reaches the publisher the way a slow network does.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";

export interface TcpProxy {
	readonly port: number;
	/** Open connections (publisher side). */
	readonly connections: number;
	/** Bytes forwarded publisher → ingest since start. */
	readonly bytesForwarded: number;
	/** Stops forwarding (and reading) publisher → ingest; the connections stay open. */
	pause(): void;
	/** Forwards again at the current limit. */
	resume(): void;
	/** Caps publisher → ingest at `bytesPerSecond`; null lifts the cap. */
	limit(bytesPerSecond: number | null): void;
	/** Resets every open connection; with `refuse` (default true) new ones are reset too until {@link accept}. */
	kill(options?: { refuse?: boolean }): void;
	/** Lets new connections through again (after a kill). */
	accept(): void;
	close(): Promise<void>;
}

/** Queue above which the proxy stops reading from the publisher until it has forwarded more. */
const HIGH_WATER = 64 * 1024;
/** Granularity of the rate limiter. */
const TICK_MS = 20;

interface Link {
	client: Socket;
	upstream: Socket;
	queue: Buffer[];
	queued: number;
	/** Upstream is draining its own buffer. */
	blocked: boolean;
}

/** Starts a proxy on an ephemeral 127.0.0.1 port forwarding to `target`. */
export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
	const links = new Set<Link>();
	let paused = false;
	let refusing = false;
	let rate: number | null = null;
	let tokens = 0;
	let forwarded = 0;
	let timer: ReturnType<typeof setInterval> | undefined;

	const pump = (link: Link): void => {
		while (!paused && !link.blocked && link.queue.length > 0) {
			const head = link.queue[0]!;
			let chunk = head;
			if (rate !== null) {
				const allowed = Math.floor(tokens);
				if (allowed <= 0) break;
				if (head.length > allowed) {
					chunk = head.subarray(0, allowed);
					link.queue[0] = head.subarray(allowed);
				} else link.queue.shift();
				tokens -= chunk.length;
			} else link.queue.shift();
			link.queued -= chunk.length;
			forwarded += chunk.length;
			if (!link.upstream.write(chunk)) link.blocked = true;
		}
		if (!paused && link.queued < HIGH_WATER && link.client.isPaused()) link.client.resume();
		if (paused || link.queued >= HIGH_WATER) link.client.pause();
	};

	const pumpAll = (): void => {
		for (const link of links) pump(link);
	};

	const retime = (): void => {
		clearInterval(timer);
		timer = undefined;
		if (rate === null) return;
		timer = setInterval(() => {
			// At most one tick of credit is kept, so a paused or idle period does not allow a burst afterwards.
			tokens = Math.min(tokens + (rate! * TICK_MS) / 1000, (rate! * TICK_MS) / 1000);
			pumpAll();
		}, TICK_MS);
	};

	const server: Server = createServer((client) => {
		if (refusing) {
			client.resetAndDestroy();
			return;
		}
		const upstream = connect(target.port, target.host ?? "127.0.0.1");
		const link: Link = { client, upstream, queue: [], queued: 0, blocked: false };
		links.add(link);
		client.on("data", (chunk: Buffer) => {
			link.queue.push(chunk);
			link.queued += chunk.length;
			pump(link);
		});
		upstream.on("drain", () => {
			link.blocked = false;
			pump(link);
		});
		upstream.on("data", (chunk: Buffer) => client.write(chunk));
		const drop = (): void => {
			links.delete(link);
			client.destroy();
			upstream.destroy();
		};
		client.on("close", drop);
		upstream.on("close", drop);
		client.on("error", drop);
		upstream.on("error", drop);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const port = (server.address() as AddressInfo).port;

	return {
		port,
		get connections() {
			return links.size;
		},
		get bytesForwarded() {
			return forwarded;
		},
		pause() {
			paused = true;
			pumpAll();
		},
		resume() {
			paused = false;
			pumpAll();
		},
		limit(bytesPerSecond) {
			rate = bytesPerSecond;
			tokens = 0;
			retime();
			pumpAll();
		},
		kill(options = {}) {
			refusing = options.refuse ?? true;
			for (const link of [...links]) {
				links.delete(link);
				link.client.resetAndDestroy();
				link.upstream.destroy();
			}
		},
		accept() {
			refusing = false;
		},
		async close() {
			clearInterval(timer);
			for (const link of links) {
				link.client.destroy();
				link.upstream.destroy();
			}
			links.clear();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** The RTMP URL of `ingestUrl` (rtmp://127.0.0.1:<port>/<app>) reached through `proxy` instead. */
export function viaProxy(ingestUrl: string, proxy: TcpProxy): string {
	const url = new URL(ingestUrl);
	url.port = String(proxy.port);
	return url.toString().replace(/\/$/, "");
}
