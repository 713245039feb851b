/**
 * Plugin process start → registered and every visible key drawn, against the floor: the bare plugin
 * (same SDK and bundler, registers only). Runs alternate between the two so machine noise hits both alike.
 * The plugin keeps Node's compile cache in os.tmpdir() (src/start.ts): the bench gives it a temporary folder of its
 * own, kept across runs (a usual launch) or fresh for each run (the first launch after an install or update).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startHost, type ActionSpec, type Host } from "../../test/harness/host/index.ts";
import { PLUGIN_DIR } from "../../test/harness/stack.ts";
import { barePlugin } from "./bare-build.ts";
import { median, type Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { ACTIONS, benchStack, createLive, pluginFlags } from "./stack.ts";

/** A full 5×3 Stream Deck: every action, repeated. */
const LAYOUT: ActionSpec[] = Array.from({ length: 15 }, (_, i) => ({ action: Object.values(ACTIONS)[i % 6]! }));

/** "median× (min–max)" of ratios. */
function fmtRange(ratios: number[]): string {
	return `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

function registeredAt(host: Host): number {
	const registration = host.commands.find((c) => c.event === "registerPlugin");
	if (!registration) throw new Error("no registerPlugin recorded");
	return registration.at;
}

/** ms from launch until registered, and until every key of LAYOUT got its first image; `tmp` is the plugin's TMPDIR. */
async function timeReal(
	options: BenchOptions,
	globalSettings: Record<string, unknown>,
	tmp: string,
): Promise<{ registered: number; drawn: number }> {
	const start = performance.now();
	const host = await startHost({ pluginDir: PLUGIN_DIR, globalSettings, env: { TMPDIR: tmp }, ...pluginFlags(options) });
	try {
		const contexts = LAYOUT.map((spec) => host.appear(spec));
		const drawn = await Promise.all(
			contexts.map((context) => host.waitFor((c) => c.context === context && c.event === "setImage", { timeoutMs: 10_000 })),
		);
		return { registered: registeredAt(host) - start, drawn: Math.max(registeredAt(host), ...drawn.map((c) => c.at)) - start };
	} finally {
		await host.stop();
	}
}

/** ms from launch until the bare plugin registered. */
async function timeBare(options: BenchOptions, dir: string): Promise<number> {
	const start = performance.now();
	const host = await startHost({ pluginDir: dir, ...pluginFlags(options) });
	try {
		return registeredAt(host) - start;
	} finally {
		await host.stop();
	}
}

export async function benchStartup(options: BenchOptions): Promise<Figure[]> {
	const bare = await barePlugin();
	const stack = await benchStack(options);
	const tmp = mkdtempSync(join(tmpdir(), "bench-startup-"));
	/** A fresh, empty temporary folder: no compile cache. */
	let colds = 0;
	const cold = () => mkdtempSync(join(tmp, `cold-${colds++}-`));
	try {
		await stack.host.stop(); // only the sandbox and the account settings are needed
		const liveId = await createLive(stack, false);
		const globalSettings = { ...stack.host.globalSettings, liveId };
		const real: { registered: number; drawn: number }[] = [];
		const first: { registered: number; drawn: number }[] = [];
		const floor: number[] = [];
		// One unmeasured launch of each warms the file cache (and fills the plugin's compile cache in `warm`).
		const warm = mkdtempSync(join(tmp, "warm-"));
		await timeBare(options, bare.dir);
		await timeReal(options, globalSettings, warm);
		for (let run = 0; run < options.runs; run++) {
			floor.push(await timeBare(options, bare.dir));
			real.push(await timeReal(options, globalSettings, warm));
			first.push(await timeReal(options, globalSettings, cold()));
		}
		const floorMedian = median(floor);
		const info = { value: Infinity, text: "" };
		return [
			{ name: "bare plugin: start → registered (floor)", samples: floor, unit: "ms", target: { ...info, text: "floor" }, floor: floorMedian },
			{ name: "plugin start → registered", samples: real.map((r) => r.registered), unit: "ms", target: info, floor: floorMedian },
			{ name: "plugin start → registered + 15 keys drawn", samples: real.map((r) => r.drawn), unit: "ms", target: info, floor: floorMedian },
			{
				// Each run's ratio to the bare launch just before it: both see the same machine load.
				name: "start → registered + 15 keys drawn, ratio to bare (per pair)",
				samples: real.map((r, i) => r.drawn / floor[i]!),
				unit: "×",
				target: { value: 1.2, text: "≤ 1.2× floor" },
			},
			{
				name: "first launch (no compile cache yet): start → 15 keys drawn",
				samples: first.map((r) => r.drawn),
				unit: "ms",
				target: info,
				floor: floorMedian,
				note: `after an install or update; ratio to bare per pair ${fmtRange(first.map((r, i) => r.drawn / floor[i]!))}`,
			},
		];
	} finally {
		await stack.close();
		rmSync(tmp, { recursive: true, force: true });
	}
}
