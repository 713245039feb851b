/** Command-line flags of `npm run bench -- …`, each with an environment-variable fallback. */
import { parseArgs } from "node:util";

export const GROUPS = ["startup", "create", "adbreak", "countdown", "idle"] as const;
export type Group = (typeof GROUPS)[number];

export interface BenchOptions {
	/** Injected sandbox latency per API request (ms). */
	latencyMs: number;
	/** Measured runs per latency figure (after one warm-up). */
	runs: number;
	/** Length of the idle window (s). */
	idleSeconds: number;
	groups: readonly Group[];
	/** Use real OBS when installed (default yes). */
	obs: boolean;
	build: boolean;
	/** Directory for plugin CPU profiles (`--cpu-prof`), or undefined. */
	cpuProfDir: string | undefined;
	/** More node flags for the plugin processes (e.g. --trace-gc). */
	pluginNodeArgs: string[];
}

export const USAGE = `npm run bench -- [options]
  --latency=MS       API latency injected by the sandbox per request (env BENCH_LATENCY_MS, default 50)
  --runs=N           measured runs per latency figure (env BENCH_RUNS, default 7)
  --idle-seconds=S   idle window for requests/CPU (env BENCH_IDLE_SECONDS, default 30)
  --only=a,b         groups to run: ${GROUPS.join(", ")} (env BENCH_ONLY, default all)
  --no-obs           skip real OBS even when installed (env BENCH_OBS=0)
  --skip-build       use the existing bin/plugin.js
  --cpu-prof=DIR     write a V8 CPU profile of every plugin process to DIR
  --plugin-node-args="…"  more node flags for the plugin processes, e.g. "--trace-gc"`;

function positive(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === "") return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
	return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			latency: { type: "string" },
			runs: { type: "string" },
			"idle-seconds": { type: "string" },
			only: { type: "string" },
			"no-obs": { type: "boolean" },
			"skip-build": { type: "boolean" },
			"cpu-prof": { type: "string" },
			"plugin-node-args": { type: "string" },
			help: { type: "boolean" },
		},
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const only = (values.only ?? env.BENCH_ONLY ?? "").split(",").filter(Boolean);
	const unknown = only.filter((g) => !(GROUPS as readonly string[]).includes(g));
	if (unknown.length) throw new Error(`unknown group(s) ${unknown.join(", ")}; known: ${GROUPS.join(", ")}`);
	return {
		latencyMs: positive("latency", values.latency ?? env.BENCH_LATENCY_MS, 50),
		runs: Math.max(1, Math.round(positive("runs", values.runs ?? env.BENCH_RUNS, 7))),
		idleSeconds: positive("idle-seconds", values["idle-seconds"] ?? env.BENCH_IDLE_SECONDS, 30),
		groups: only.length ? (only as Group[]) : GROUPS,
		obs: !values["no-obs"] && env.BENCH_OBS !== "0",
		build: !values["skip-build"],
		cpuProfDir: values["cpu-prof"],
		pluginNodeArgs: (values["plugin-node-args"] ?? "").split(" ").filter(Boolean),
	};
}
