/**
 * CPU time and memory of the plugin process, from Linux /proc. The host simulator does not expose the child's
 * pid, so it is found by the `-port <host port>` argument the host passes to the plugin.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Kernel clock ticks per second (utime/stime unit). */
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** The pid of the plugin process the host on `hostPort` launched. */
export function pluginPid(hostPort: number): number {
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		let args: string[];
		try {
			args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
		} catch {
			continue; // exited meanwhile, or not ours to read
		}
		const port = args.indexOf("-port");
		if (port >= 0 && args[port + 1] === String(hostPort) && args.includes("-pluginUUID")) return Number(entry);
	}
	throw new Error(`no plugin process with -port ${hostPort}`);
}

/** User + system CPU time of a process so far, in ms (10 ms resolution). */
export function cpuTimeMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
	// Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
	const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/**
 * Resident set size now and at its peak, and the private part (pages no other process shares: the node binary's
 * code pages are shared by every plugin the Stream Deck app runs), in MB.
 */
export function memoryMb(pid: number): { rss: number; peak: number; private: number } {
	const kb = (text: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN);
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
	return {
		rss: kb(status, "VmRSS") / 1024,
		peak: kb(status, "VmHWM") / 1024,
		private: (kb(rollup, "Private_Clean") + kb(rollup, "Private_Dirty")) / 1024,
	};
}
