/**
 * The Node the OpenDeck tests run the plugin on: OpenDeck starts plugins with the system `node`, which on current
 * Debian/Ubuntu setups is Node 20, so that is the oldest runtime the bundle must support (20.5+).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve, sep } from "node:path";

/** The supported floor of the OpenDeck runtime. */
export const MIN_NODE_20_MINOR = 5;

export interface OpenDeckNode {
	/** The binary as found (OPENDECK_NODE or the PATH entry). */
	binary: string;
	/** Its `--version`, e.g. "v20.20.2". */
	version: string;
	/**
	 * The plugin's environment: a PATH whose first `node` is this binary, as on a user's machine (no
	 * node_modules/.bin, which npm scripts put in front of the repo's Node 24).
	 */
	env: Record<string, string>;
	/** Removes the PATH directory made for it. */
	dispose(): void;
}

/** "v20.20.2" → true when it is Node 20 at MIN_NODE_20_MINOR or later. */
export function isSupportedNode20(version: string): boolean {
	const m = /^v20\.(\d+)\.\d+$/.exec(version);
	return m !== null && Number(m[1]) >= MIN_NODE_20_MINOR;
}

/** `node --version` of a binary, or undefined when it cannot run. */
export function nodeVersion(binary: string): string | undefined {
	try {
		return execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 10_000 }).trim();
	} catch {
		return undefined;
	}
}

/** The binary a running process executes (Linux: `/proc/<pid>/exe`). */
export function processBinary(pid: number): string {
	return readlinkSync(`/proc/${pid}/exe`);
}

/** PATH without npm's node_modules/.bin entries: what OpenDeck, started from the desktop, would see. */
function systemPath(): string[] {
	return (process.env.PATH ?? "").split(delimiter).filter((dir) => dir && !dir.split(sep).includes("node_modules"));
}

function findOnPath(dirs: readonly string[], name: string): string | undefined {
	return dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
}

/**
 * Finds the Node 20 to test with: `OPENDECK_NODE` (a path or a command) if set, else the system `node`. Returns a
 * problem instead when there is none, or it is not 20.5+ within 20.x (too old for the bundle, or a newer major that
 * proves nothing about Node 20).
 */
export function findOpenDeckNode(): OpenDeckNode | { problem: string } {
	const wanted = process.env.OPENDECK_NODE;
	const dirs = systemPath();
	const binary = !wanted ? findOnPath(dirs, "node") : wanted.includes(sep) ? resolve(wanted) : findOnPath(dirs, wanted);
	if (!binary) return { problem: wanted ? `OPENDECK_NODE=${wanted} is not on PATH` : "no `node` on PATH and OPENDECK_NODE is not set" };
	const version = nodeVersion(binary);
	if (!version) return { problem: `${binary} does not run` };
	if (!isSupportedNode20(version)) return { problem: `${binary} is ${version}, not Node 20.${MIN_NODE_20_MINOR}+ (set OPENDECK_NODE to a Node 20 binary)` };
	// A `node` of its own first on PATH: OPENDECK_NODE may be named otherwise (Debian's `nodejs`).
	const dir = mkdtempSync(join(tmpdir(), "opendeck-node-"));
	symlinkSync(binary, join(dir, "node"));
	return {
		binary,
		version,
		env: { PATH: [dir, ...dirs].join(delimiter) },
		dispose: () => rmSync(dir, { recursive: true, force: true }),
	};
}

/**
 * Whether the OpenDeck tests run: under CI=true a missing, too old or too new Node 20 fails the run (throws);
 * locally they skip with the reason.
 */
export function requireOpenDeckNode(what: string): OpenDeckNode | undefined {
	const found = findOpenDeckNode();
	if (!("problem" in found)) return found;
	if (process.env.CI === "true") throw new Error(`CI=true but ${what} cannot run: ${found.problem}`);
	console.warn(`[${what}] skipping: ${found.problem}`);
	return undefined;
}
