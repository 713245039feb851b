/** The link-degrading TCP proxy the health tests put between OBS and the ingest: it must do what it says. */
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startTcpProxy, viaProxy, type TcpProxy } from "../harness/tcp-proxy.ts";

let upstream: Server;
let received: number;
let proxy: TcpProxy;
const clients: Socket[] = [];
const upstreamSockets = new Set<Socket>();

beforeEach(async () => {
	received = 0;
	upstream = createServer((socket) => {
		upstreamSockets.add(socket);
		socket.on("close", () => upstreamSockets.delete(socket));
		socket.on("data", (chunk) => {
			received += chunk.length;
			socket.write("ack");
		});
		socket.on("error", () => undefined);
	});
	await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
	proxy = await startTcpProxy({ port: (upstream.address() as AddressInfo).port });
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.destroy();
	await proxy.close();
	for (const socket of upstreamSockets) socket.destroy();
	await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

function open(): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = connect(proxy.port, "127.0.0.1", () => resolve(socket));
		socket.on("error", reject);
		clients.push(socket);
	});
}

describe("TCP proxy", () => {
	it("forwards both ways", async () => {
		const client = await open();
		const acks: string[] = [];
		client.on("data", (b) => acks.push(b.toString()));
		client.write(Buffer.alloc(100_000));
		await vi.waitFor(() => expect(received).toBe(100_000));
		expect(proxy.bytesForwarded).toBe(100_000);
		await vi.waitFor(() => expect(acks.join("")).toContain("ack"));
	});

	it("forwards nothing while paused, then everything on resume", async () => {
		const client = await open();
		proxy.pause();
		client.write(Buffer.alloc(50_000));
		await sleep(300);
		expect(received).toBe(0);
		proxy.resume();
		await vi.waitFor(() => expect(received).toBe(50_000));
	});

	it("caps the forwarded rate", async () => {
		const client = await open();
		proxy.limit(100_000);
		client.write(Buffer.alloc(300_000));
		await sleep(1_000);
		expect(received).toBeGreaterThan(50_000);
		expect(received).toBeLessThan(150_000);
		proxy.limit(null);
		await vi.waitFor(() => expect(received).toBe(300_000));
	});

	it("resets open connections on kill and refuses new ones until accept", async () => {
		const client = await open();
		const closed = new Promise<void>((resolve) => client.on("close", () => resolve()));
		proxy.kill();
		await closed;
		expect(proxy.connections).toBe(0);
		const refused = await open().then(
			(socket) => new Promise<boolean>((resolve) => socket.on("close", () => resolve(true))),
			() => true,
		);
		expect(refused).toBe(true);
		proxy.accept();
		const again = await open();
		again.write("hello");
		await vi.waitFor(() => expect(received).toBe(5));
	});

	it("rewrites an RTMP URL to go through it", () => {
		expect(viaProxy("rtmp://127.0.0.1:1935/live", proxy)).toBe(`rtmp://127.0.0.1:${proxy.port}/live`);
	});
});
