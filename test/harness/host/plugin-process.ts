import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ExitInfo } from "./types.ts";

/** The repo's Node 24 (plain `node` on PATH may be older). */
export const DEFAULT_NODE_PATH = fileURLToPath(new URL("../../../node_modules/.bin/node", import.meta.url));

/** Flags the Stream Deck app always passes to Node plugins. */
export const APP_NODE_ARGS = ["--enable-source-maps", "--no-global-search-paths"] as const;

const MAX_OUTPUT = 1_000_000;

// Children still running; killed if the test process exits without stopping them.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on("exit", () => {
		for (const child of live) child.kill("SIGKILL");
	});
}

/** A launched plugin process whose output is captured, not printed. */
export class PluginProcess {
	readonly #child: ChildProcess;
	#stdout = "";
	#stderr = "";
	#exit: ExitInfo | undefined;
	/** Resolves when the process has exited (never rejects). */
	readonly exited: Promise<ExitInfo>;

	/** Spawns `node <args> <codePath> <pluginArgs>` with cwd = pluginDir. */
	constructor(opts: { nodePath: string; nodeArgs: readonly string[]; codePath: string; pluginArgs: readonly string[]; cwd: string; env?: Record<string, string> }) {
		installExitHook();
		this.#child = spawn(opts.nodePath, [...opts.nodeArgs, opts.codePath, ...opts.pluginArgs], {
			cwd: opts.cwd,
			env: { ...process.env, ...opts.env },
			stdio: ["ignore", "pipe", "pipe"],
		});
		live.add(this.#child);
		this.#child.stdout?.setEncoding("utf8").on("data", (s: string) => (this.#stdout = cap(this.#stdout + s)));
		this.#child.stderr?.setEncoding("utf8").on("data", (s: string) => (this.#stderr = cap(this.#stderr + s)));
		this.exited = new Promise<ExitInfo>((resolve) => {
			// "close" fires after the output streams are drained, so stderr is complete.
			this.#child.once("close", (code, signal) => {
				live.delete(this.#child);
				this.#exit = { code, signal };
				resolve(this.#exit);
			});
			this.#child.once("error", (err) => {
				live.delete(this.#child);
				this.#stderr += `\n[host] spawn failed: ${err.message}`;
				this.#exit = { code: null, signal: null };
				resolve(this.#exit);
			});
		});
	}

	get stdout(): string {
		return this.#stdout;
	}

	get stderr(): string {
		return this.#stderr;
	}

	get pid(): number | undefined {
		return this.#child.pid;
	}

	/** The exit status once the process has ended; undefined while it runs. */
	get exitInfo(): ExitInfo | undefined {
		return this.#exit;
	}

	/** SIGKILLs the process (as OpenDeck stops a plugin) and waits for it to be gone. */
	kill(): Promise<ExitInfo> {
		if (!this.#exit) this.#child.kill("SIGKILL");
		return this.exited;
	}

	/** Waits for the process to exit by itself, SIGKILLing it after graceMs. */
	async waitOrKill(graceMs: number): Promise<ExitInfo> {
		if (this.#exit) return this.#exit;
		const timer = setTimeout(() => this.#child.kill("SIGKILL"), graceMs);
		try {
			return await this.exited;
		} finally {
			clearTimeout(timer);
		}
	}
}

function cap(text: string): string {
	return text.length > MAX_OUTPUT ? text.slice(-MAX_OUTPUT) : text;
}

/** The last `lines` lines of some output, for error messages. */
export function tail(text: string, lines = 20): string {
	return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** "code 3, signal null", or "still running". */
export function exitText(exit: ExitInfo | undefined): string {
	return exit ? `code ${String(exit.code)}, signal ${String(exit.signal)}` : "still running";
}
