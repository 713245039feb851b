/**
 * Serves the virtual deck page (page/, TypeScript transpiled on request), the plugin's manifest images under
 * /plugin/imgs/, and the page's WebSocket at /ws. Listens on 127.0.0.1 only: the inspector handles secrets.
 */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";
import type { DeckSession } from "./deck-session.ts";
import type { ClientMessage } from "./page/protocol.ts";

const PAGE_DIR = fileURLToPath(new URL("./page/", import.meta.url));

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".ts": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
};

export interface PageServer {
	url: string;
	close(): Promise<void>;
}

export async function startPageServer(opts: { port: number; pluginDir: string; session: DeckSession }): Promise<PageServer> {
	const server: Server = createServer((req, res) => {
		serveFile(req, res, opts.pluginDir).catch(() => {
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	const sockets = new WebSocketServer({ server, path: "/ws" });
	sockets.on("connection", (socket) => attach(socket, opts.session));
	// The WebSocket server repeats the HTTP server's errors (EADDRINUSE…); listen() below reports them.
	sockets.on("error", () => undefined);
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(opts.port, "127.0.0.1", () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: async () => {
			for (const socket of sockets.clients) socket.terminate();
			await new Promise<void>((resolve) => sockets.close(() => resolve()));
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function attach(socket: WebSocket, session: DeckSession): void {
	const send = (message: object): void => {
		if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
	};
	const disconnect = session.connect(send);
	socket.on("close", disconnect);
	socket.on("error", () => socket.terminate());
	socket.on("message", (data: Buffer) => {
		let message: ClientMessage;
		try {
			message = JSON.parse(data.toString()) as ClientMessage;
		} catch {
			return;
		}
		try {
			session.handle(message, send);
		} catch (err) {
			session.note("note", "error", (err as Error).message);
		}
	});
}

async function serveFile(req: IncomingMessage, res: ServerResponse, pluginDir: string): Promise<void> {
	const path = decodeURIComponent(new URL(req.url ?? "/", "http://page.invalid").pathname);
	const file =
		path === "/" ? join(PAGE_DIR, "index.html") : path.startsWith("/page/") ? inside(PAGE_DIR, path.slice(6)) : path.startsWith("/plugin/imgs/") ? inside(pluginDir, path.slice(8)) : undefined;
	const type = file && TYPES[extname(file)];
	if (!file || !type || req.method !== "GET") {
		res.writeHead(404, { "content-type": "text/plain" }).end("not found");
		return;
	}
	let body: string | Buffer;
	try {
		body = extname(file) === ".ts" ? await transpiled(file) : await readFile(file);
	} catch {
		res.writeHead(404, { "content-type": "text/plain" }).end("not found");
		return;
	}
	res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
}

/** The file under root, or undefined when the path tries to leave it. */
function inside(root: string, relative: string): string | undefined {
	const file = normalize(join(root, relative));
	return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

const transpileCache = new Map<string, string>();

/** The page's TypeScript as browser JavaScript (types erased; `import type` lines vanish). */
async function transpiled(file: string): Promise<string> {
	const source = await readFile(file, "utf8");
	const cached = transpileCache.get(source);
	if (cached !== undefined) return cached;
	const ts = (await import("typescript")).default;
	const { outputText } = ts.transpileModule(source, {
		fileName: file,
		compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, sourceMap: false },
	});
	transpileCache.set(source, outputText);
	return outputText;
}
