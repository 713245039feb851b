/**
 * RTMP ingest for tests (reference §7): nginx + libnginx-mod-rtmp in a private prefix, with on_publish /
 * on_publish_done pointed at a local hook recorder. The recorder forwards to the given hooks (e.g. the
 * Dailymotion sandbox) and passes their answer on; without hooks it decides with `accept` (default: all).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./obs.ts";

export interface IngestPublish {
	/** Stream name: the key before `?`. */
	name: string;
	/** The key's `auth=` query value, as nginx forwarded it. */
	auth: string | undefined;
	accepted: boolean;
}

export interface Ingest {
	/** rtmp://127.0.0.1:<port>/live */
	url: string;
	app: string;
	publishes: IngestPublish[];
	/** Stream names whose publish ended (on_publish_done). */
	done: string[];
	/** nginx error log, for failure messages. */
	logs(): string;
	stop(): Promise<void>;
}

export interface IngestOptions {
	/** Forward on_publish/on_publish_done to these URLs; their status decides. */
	hooks?: { publish: string; done: string };
	/** Local decision when no hooks are given. Default: accept every publish. */
	accept?: (publish: { name: string; auth: string | undefined }) => boolean;
}

export const nginxRtmpModule = "/usr/lib/nginx/modules/ngx_rtmp_module.so";

/** By full path: /usr/sbin is not on a non-root user's PATH on Debian. */
export const nginxBinary = "/usr/sbin/nginx";

/** True when nginx and the RTMP module are installed. */
export const ingestAvailable: boolean = existsSync(nginxBinary) && existsSync(nginxRtmpModule);

async function readBody(req: IncomingMessage): Promise<string> {
	let body = "";
	for await (const chunk of req) body += String(chunk);
	return body;
}

async function forward(url: string, body: string): Promise<number> {
	try {
		const res = await fetch(url, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded" },
			body,
			redirect: "manual",
		});
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 502;
	}
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
		const ok = await new Promise<boolean>((resolve) => {
			const socket = connect(port, "127.0.0.1");
			socket.once("connect", () => {
				socket.destroy();
				resolve(true);
			});
			socket.once("error", () => resolve(false));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nginx did not listen on ${port}`);
}

/** Starts nginx-rtmp on an ephemeral port with an application named `live`. */
export async function startIngest(opts: IngestOptions = {}): Promise<Ingest> {
	const app = "live";
	const publishes: IngestPublish[] = [];
	const done: string[] = [];
	const hookServer: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		readBody(req)
			.then(async (body) => {
				const form = new URLSearchParams(body);
				const name = form.get("name") ?? "";
				if (req.url === "/done") {
					done.push(name);
					res.statusCode = opts.hooks ? await forward(opts.hooks.done, body) : 200;
					return;
				}
				const auth = form.get("auth") ?? undefined;
				const status = opts.hooks ? await forward(opts.hooks.publish, body) : opts.accept?.({ name, auth }) === false ? 403 : 200;
				publishes.push({ name, auth, accepted: status >= 200 && status < 300 });
				res.statusCode = status;
			})
			.catch(() => {
				res.statusCode = 500;
			})
			.finally(() => res.end());
	});
	await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve));
	const hookPort = (hookServer.address() as AddressInfo).port;

	const port = await freePort();
	const prefix = mkdtempSync(join(tmpdir(), "ingest-"));
	const errorLog = join(prefix, "error.log");
	const conf = [
		`load_module ${nginxRtmpModule};`,
		process.getuid?.() === 0 ? "user root;" : "",
		"daemon off;",
		"master_process off;",
		`pid ${join(prefix, "nginx.pid")};`,
		`error_log ${errorLog} info;`,
		"events {}",
		"rtmp {",
		"  server {",
		`    listen 127.0.0.1:${port};`,
		`    application ${app} {`,
		"      live on;",
		"      record off;",
		`      on_publish http://127.0.0.1:${hookPort}/publish;`,
		`      on_publish_done http://127.0.0.1:${hookPort}/done;`,
		"    }",
		"  }",
		"}",
		"",
	].join("\n");
	writeFileSync(join(prefix, "nginx.conf"), conf);
	const nginx = spawn(nginxBinary, ["-p", prefix, "-e", errorLog, "-c", join(prefix, "nginx.conf")], {
		stdio: ["ignore", "ignore", "pipe"],
	});
	let stderr = "";
	nginx.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
	nginx.on("error", (err) => (stderr += `cannot run ${nginxBinary}: ${err.message}\n`));
	const logs = (): string => `${existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""}\n${stderr}`;

	const stop = async (): Promise<void> => {
		if (nginx.exitCode === null && nginx.signalCode === null) {
			const gone = new Promise<void>((resolve) => nginx.once("exit", () => resolve()));
			nginx.kill("SIGTERM");
			const timer = setTimeout(() => nginx.kill("SIGKILL"), 3000);
			await gone;
			clearTimeout(timer);
		}
		hookServer.closeAllConnections();
		await new Promise<void>((resolve) => hookServer.close(() => resolve()));
		rmSync(prefix, { recursive: true, force: true });
	};
	try {
		await waitForPort(port, nginx, 10_000);
	} catch (e) {
		const message = `${(e as Error).message}\n${logs()}`;
		await stop();
		throw new Error(message, { cause: e });
	}
	return { url: `rtmp://127.0.0.1:${port}/${app}`, app, publishes, done, logs, stop };
}
