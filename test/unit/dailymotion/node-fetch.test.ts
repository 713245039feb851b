import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ky, { isNetworkError, isTimeoutError } from "ky";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeFetch } from "../../../src/dailymotion/node-fetch.ts";

interface Seen {
	method: string;
	url: string;
	headers: IncomingMessage["headers"];
	body: string;
}

const servers: Server[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	}
});

/** A local server that records each request and answers with `handle`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void, server: Server = createServer()) {
	const seen: Seen[] = [];
	server.on("request", (req: IncomingMessage, res: ServerResponse) => {
		let body = "";
		req.setEncoding("utf8");
		req.on("data", (chunk: string) => (body += chunk));
		req.on("end", () => {
			seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
			handle(req, res);
		});
	});
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	servers.push(server);
	const { port } = server.address() as AddressInfo;
	return { seen, port };
}

const api = (options: Parameters<typeof createNodeFetch>[0] = {}) => ky.create({ fetch: createNodeFetch(options), retry: 0 });

describe("createNodeFetch (ky over node:http)", () => {
	it("returns a real Response with the status, headers and JSON body", async () => {
		const { port } = await serve((_req, res) => {
			res.setHeader("content-type", "application/json");
			res.setHeader("x-rate", ["a", "b"]);
			res.end(JSON.stringify({ id: "x1", title: "Été" }));
		});
		const response = await api()(`http://127.0.0.1:${port}/video/x1`);
		expect(response).toBeInstanceOf(Response);
		expect(response.status).toBe(200);
		expect(response.headers.get("x-rate")).toBe("a, b");
		expect(await response.json()).toEqual({ id: "x1", title: "Été" });
	});

	it("sends the method, query, headers and a form body", async () => {
		const { port, seen } = await serve((_req, res) => res.end("{}"));
		await api()
			.post(`http://127.0.0.1:${port}/token`, {
				searchParams: { fields: "id,title" },
				headers: { authorization: "Bearer t0k" },
				body: new URLSearchParams({ grant_type: "client_credentials", scope: "a b" }),
			})
			.json();
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ method: "POST", url: "/token?fields=id%2Ctitle", body: "grant_type=client_credentials&scope=a+b" });
		expect(seen[0]!.headers).toMatchObject({
			authorization: "Bearer t0k",
			"content-type": "application/x-www-form-urlencoded;charset=UTF-8",
			"content-length": "39",
		});
	});

	it("sends a JSON body", async () => {
		const { port, seen } = await serve((_req, res) => res.end("{}"));
		await api().patch(`http://127.0.0.1:${port}/v2/livestreams/x1`, { json: { title: "Ünïcode" } });
		expect(seen[0]).toMatchObject({ method: "PATCH", body: '{"title":"Ünïcode"}' });
		expect(seen[0]!.headers["content-type"]).toBe("application/json");
		expect(seen[0]!.headers["content-length"]).toBe(String(Buffer.byteLength('{"title":"Ünïcode"}')));
	});

	it("does not follow a redirect: the 3xx answer comes back and nothing is sent to its Location", async () => {
		const other = await serve((_req, res) => res.end("{}"));
		const { port, seen } = await serve((_req, res) => {
			res.writeHead(302, { location: `http://127.0.0.1:${other.port}/elsewhere` });
			res.end();
		});
		const response = await api()(`http://127.0.0.1:${port}/video/x1`, { throwHttpErrors: false, headers: { authorization: "Bearer t" } });
		expect(response.status).toBe(302);
		expect(seen).toHaveLength(1);
		expect(other.seen).toHaveLength(0);
	});

	it("gives a 204 a null body", async () => {
		const { port } = await serve((_req, res) => {
			res.writeHead(204);
			res.end();
		});
		const response = await api()(`http://127.0.0.1:${port}/x`, { method: "PATCH" });
		expect(response.status).toBe(204);
		expect(response.body).toBeNull();
	});

	it("aborts on ky's timeout and closes the connection", async () => {
		let closed = false;
		const { port } = await serve((req) => req.socket.once("close", () => (closed = true)));
		const error = await ky(`http://127.0.0.1:${port}/slow`, { fetch: createNodeFetch(), retry: 0, timeout: 100 }).catch((e: unknown) => e);
		expect(isTimeoutError(error)).toBe(true);
		await expect.poll(() => closed).toBe(true);
	});

	it("rejects with the signal's reason when the caller aborts", async () => {
		const { port } = await serve(() => undefined);
		const controller = new AbortController();
		const pending = createNodeFetch()(`http://127.0.0.1:${port}/slow`, { signal: controller.signal });
		setTimeout(() => controller.abort(), 20);
		await expect(pending).rejects.toMatchObject({ name: "AbortError" });
		await expect(createNodeFetch()(`http://127.0.0.1:${port}/`, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
	});

	it("reports a refused connection as a network error (TypeError: fetch failed)", async () => {
		const { port } = await serve(() => undefined);
		await new Promise((resolve) => servers.pop()!.close(resolve));
		const raw = await createNodeFetch()(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
		expect(raw).toBeInstanceOf(TypeError);
		expect((raw as TypeError).message).toBe("fetch failed");
		expect(isNetworkError(await api()(`http://127.0.0.1:${port}/`).catch((e: unknown) => e))).toBe(true);
	});

	it("fails an answer larger than maxBodyBytes and one cut before its end", async () => {
		const { port } = await serve((req, res) => {
			if (req.url === "/big") return res.end("x".repeat(2048));
			res.writeHead(200, { "content-length": "100" });
			res.write("{");
			setTimeout(() => res.destroy(), 20);
		});
		const big = await createNodeFetch({ maxBodyBytes: 1024 })(`http://127.0.0.1:${port}/big`).catch((e: unknown) => e);
		expect(big).toMatchObject({ name: "TypeError", message: "fetch failed" });
		const cut = await createNodeFetch()(`http://127.0.0.1:${port}/cut`).catch((e: unknown) => e);
		expect(cut).toMatchObject({ name: "TypeError", message: "fetch failed" });
	});

	it("refuses anything but http and https", async () => {
		await expect(createNodeFetch()("file:///etc/passwd")).rejects.toMatchObject({ message: "fetch failed" });
	});
});

describe("createNodeFetch over https", () => {
	/** A self-signed certificate for 127.0.0.1, made with openssl (installed on every machine of this project). */
	function selfSigned(): { key: Buffer; cert: Buffer } {
		const dir = mkdtempSync(join(tmpdir(), "node-fetch-tls-"));
		try {
			execFileSync("openssl", [
				"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
				"-addext", "subjectAltName=IP:127.0.0.1",
				"-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
			], { stdio: "ignore" });
			return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	it("verifies the certificate: refused without the CA, accepted with it", async () => {
		const tls = selfSigned();
		const { port, seen } = await serve((_req, res) => res.end('{"ok":true}'), createHttpsServer(tls));
		const url = `https://127.0.0.1:${port}/v2/me`;

		const refused = await createNodeFetch()(url).catch((e: unknown) => e);
		expect(refused).toMatchObject({ name: "TypeError", message: "fetch failed" });
		expect(String((refused as TypeError).cause)).toMatch(/self.signed/i);
		expect(seen).toHaveLength(0);

		expect(await api({ ca: tls.cert }).get(url).json()).toEqual({ ok: true });
		expect(seen).toHaveLength(1);
	});
});
