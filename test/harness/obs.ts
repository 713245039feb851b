/**
 * Launches real OBS Studio headless (reference §6): Xvfb on a free display (-displayfd), OBS in a fresh
 * temporary HOME with the WebSocket server seeded in global.ini (OBS ≤ 30.1), waits until a password
 * connect succeeds. Stop = SIGINT, then SIGKILL after a grace period; Xvfb is killed and HOME removed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { OBSWebSocket } from "obs-websocket-js/json";

export interface RealObs {
	url: string;
	password: string;
	home: string;
	/** OBS's own log file(s) plus its stderr, for failure messages. */
	logs(): string;
	stop(): Promise<void>;
	/** Stops OBS (SIGINT) and launches it again with the same port, password and HOME. */
	restart(): Promise<void>;
	/** SIGKILL, for crash tests (Xvfb and HOME stay until stop()). */
	kill(): Promise<void>;
}

function onPath(binary: string): boolean {
	return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, binary)));
}

/** True when both `obs` and `Xvfb` are installed. */
export const obsAvailable: boolean = onPath("obs") && onPath("Xvfb");

/**
 * Whether real-OBS tests can run. Throws under CI=true when OBS or Xvfb is missing (those tests must fail
 * there, not skip); locally prints why they are skipped.
 */
export function requireObs(): boolean {
	if (obsAvailable) return true;
	if (process.env.CI === "true") throw new Error("CI=true but `obs` or `Xvfb` is not installed: real-OBS tests cannot run");
	console.warn("[obs harness] `obs` or `Xvfb` not found: skipping real-OBS integration tests");
	return false;
}

/** An ephemeral TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", resolve);
	});
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (address === null || typeof address === "string") throw new Error("no port");
	return address.port;
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal`, waits up to `graceMs`, then SIGKILLs. */
async function terminate(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
	if (exited(child)) return;
	const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
	child.kill(signal);
	const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
	await gone;
	clearTimeout(timer);
}

async function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
	const child = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x720x24", "-nolisten", "tcp"], {
		stdio: ["ignore", "ignore", "pipe", "pipe"],
	});
	let stderr = "";
	child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
	const display = await new Promise<string>((resolve, reject) => {
		let out = "";
		const timer = setTimeout(() => reject(new Error(`Xvfb did not report a display: ${stderr}`)), 10_000);
		(child.stdio[3] as NodeJS.ReadableStream).on("data", (b: Buffer) => {
			out += b.toString();
			if (out.includes("\n")) {
				clearTimeout(timer);
				resolve(`:${out.trim()}`);
			}
		});
		child.once("exit", (code) => {
			clearTimeout(timer);
			reject(new Error(`Xvfb exited (${code}): ${stderr}`));
		});
	});
	return { child, display };
}

function seedConfig(home: string, port: number, password: string): void {
	const dir = join(home, ".config", "obs-studio");
	mkdirSync(dir, { recursive: true });
	const ini = [
		"[General]",
		"FirstRun=true",
		"ConfirmOnExit=false",
		"",
		"[OBSWebSocket]",
		"FirstLoad=false",
		"ServerEnabled=true",
		`ServerPort=${port}`,
		"AlertsEnabled=false",
		"AuthRequired=true",
		`ServerPassword=${password}`,
		"",
	].join("\n");
	writeFileSync(join(dir, "global.ini"), ini);
}

/** Retries a password connect every 250 ms until OBS answers or `timeoutMs` passes. */
async function waitReady(url: string, password: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited(child)) throw new Error("OBS exited during startup");
		const client = new OBSWebSocket();
		try {
			await client.connect(url, password);
			await client.disconnect();
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	throw new Error(`OBS WebSocket not ready after ${timeoutMs} ms`);
}

/** Starts Xvfb + OBS with the WebSocket server on `port` (free one by default) and `password` (random by default). */
export async function startObs(opts: { port?: number; password?: string } = {}): Promise<RealObs> {
	const port = opts.port ?? (await freePort());
	const password = opts.password ?? randomBytes(12).toString("hex");
	const home = mkdtempSync(join(tmpdir(), "obs-home-"));
	seedConfig(home, port, password);
	const url = `ws://127.0.0.1:${port}`;
	const xvfb = await startXvfb();
	let obs: ChildProcess | undefined;
	let stderr = "";

	const logs = (): string => {
		const dir = join(home, ".config", "obs-studio", "logs");
		const files = existsSync(dir) ? readdirSync(dir).sort() : [];
		const text = files.map((f) => `--- ${f}\n${readFileSync(join(dir, f), "utf8")}`).join("\n");
		return `${text}\n--- stderr\n${stderr}`;
	};
	const launch = async (): Promise<void> => {
		const child = spawn("obs", ["--minimize-to-tray", "--multi", "--disable-updater"], {
			cwd: home,
			env: {
				...process.env,
				DISPLAY: xvfb.display,
				HOME: home,
				XDG_CONFIG_HOME: join(home, ".config"),
				LIBGL_ALWAYS_SOFTWARE: "1",
				QT_QPA_PLATFORM: "xcb",
			},
			stdio: ["ignore", "ignore", "pipe"],
		});
		child.stderr?.on("data", (b: Buffer) => {
			stderr = (stderr + b.toString()).slice(-20_000);
		});
		obs = child;
		try {
			await waitReady(url, password, child, 30_000);
		} catch (e) {
			const tail = logs().split("\n").slice(-40).join("\n");
			throw new Error(`${(e as Error).message}\n${tail}`, { cause: e });
		}
	};
	const stopObs = async (): Promise<void> => {
		if (obs) await terminate(obs, "SIGINT", 10_000);
	};
	const stopAll = async (): Promise<void> => {
		await stopObs();
		await terminate(xvfb.child, "SIGTERM", 3000);
		rmSync(home, { recursive: true, force: true });
	};

	try {
		await launch();
	} catch (e) {
		await stopAll();
		throw e;
	}
	return {
		url,
		password,
		home,
		logs,
		stop: stopAll,
		async restart() {
			await stopObs();
			await launch();
		},
		async kill() {
			if (obs) await terminate(obs, "SIGKILL", 1000);
		},
	};
}

/** Last resort for debugging leaks: lists obs/Xvfb processes still running. */
export function leftoverProcesses(): string {
	const ps = spawnSync("ps", ["-eo", "pid,stat,comm"], { encoding: "utf8" });
	return ps.stdout
		.split("\n")
		.filter((l) => /\b(obs|Xvfb|nginx)\b/.test(l) && !/\bZ\b/.test(l))
		.join("\n");
}
