/**
 * A quiet show: a Stream Deck XL full of status and ad keys (32) on one live that is off air, so nothing counts
 * down. Over an idle window: API requests (one poll per interval for all keys), and plugin CPU time and memory
 * beside the bare plugin's (same SDK and bundler, registers only) idling in the same window. Also the bundle size.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startHost, type ActionSpec, type Host } from "../../test/harness/host/index.ts";
import { PLUGIN_DIR } from "../../test/harness/stack.ts";
import { barePlugin } from "./bare-build.ts";
import type { Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { cpuTimeMs, memoryMb, pluginPid } from "./proc.ts";
import { ACTIONS, benchStack, createLive, hostTime, pluginFlags, requestsSince, selectLive } from "./stack.ts";

/** The plugin's live poll interval (src/live/live-registry.ts). */
const POLL_INTERVAL_MS = 10_000;
const XL = { id: "XL1", name: "Stream Deck XL", size: { columns: 8, rows: 4 }, type: 2 };
const KEY_ACTIONS = [ACTIONS.status, ACTIONS.adBreak, ACTIONS.adToggle];

/** CPU time of a plugin process from now on, and its memory at the end. */
function watchProcess(host: Host): () => { cpuMs: number } & ReturnType<typeof memoryMb> {
	const pid = pluginPid(host.port);
	const cpuStart = cpuTimeMs(pid);
	return () => ({ cpuMs: cpuTimeMs(pid) - cpuStart, ...memoryMb(pid) });
}

export async function benchIdle(options: BenchOptions): Promise<Figure[]> {
	const bare = await startHost({ pluginDir: (await barePlugin()).dir, ...pluginFlags(options) });
	const stack = await benchStack(options, { host: { devices: [XL] } }).catch(async (err: unknown) => {
		await bare.stop();
		throw err;
	});
	const { host } = stack;
	try {
		const liveId = await createLive(stack, false);
		selectLive(stack, liveId);
		const keys: ActionSpec[] = Array.from({ length: 32 }, (_, i) => ({ action: KEY_ACTIONS[i % KEY_ACTIONS.length]! }));
		const since = host.commands.length;
		const contexts = keys.map((spec) => host.appear(spec));
		await Promise.all(contexts.map((context) => host.waitFor((c) => c.context === context && c.event === "setImage", { since })));

		// The window starts one interval and 1 s after the first read (start-up settled: its answer drawn, V8's
		// post-start-up memory-reducing GCs done) and spans whole poll intervals.
		const appeared = performance.now();
		while (!requestsSince(stack, appeared, liveId).length) await delay(50);
		const start = hostTime(requestsSince(stack, appeared, liveId)[0]!.at) + POLL_INTERVAL_MS + 1000;
		await delay(start - performance.now());
		const windowMs = Math.max(1, Math.round(options.idleSeconds / 10)) * POLL_INTERVAL_MS;
		const plugin = watchProcess(host);
		const floor = watchProcess(bare);
		const clockStart = performance.now();
		await delay(windowMs);
		const [ours, theirs] = [plugin(), floor()];
		const elapsed = performance.now() - clockStart;
		const requests = requestsSince(stack, start);
		const frames = host.commands.filter((c) => c.at >= start && c.event !== "logMessage").length;
		const intervals = windowMs / POLL_INTERVAL_MS;
		const cpu = (ms: number) => (ms / elapsed) * 100;
		const sizeKb = statSync(join(PLUGIN_DIR, "bin", "plugin.js")).size / 1024;
		return [
			{
				name: "API requests while idle, 32 keys on one live",
				samples: [requests.length / intervals],
				unit: "req/interval",
				target: { value: 1, text: "1 per 10 s interval" },
				note: `${requests.length} requests (${requests.map((r) => `${r.method} ${r.path.replace(liveId, "<live>")}`).join(", ")}) in ${intervals} intervals; ${frames} messages to Stream Deck meanwhile`,
			},
			{
				name: "idle CPU (no countdown), 32 keys",
				samples: [cpu(ours.cpuMs)],
				unit: "% of a core",
				target: { value: 0.5, text: "~0 (≤ 0.5 %)" },
				note: `${ours.cpuMs} ms CPU in ${(elapsed / 1000).toFixed(1)} s (10 ms resolution); bare plugin in the same window: ${theirs.cpuMs} ms = ${cpu(theirs.cpuMs).toFixed(2)} %`,
			},
			{
				name: "RSS while idle",
				samples: [ours.rss],
				unit: "MB",
				target: { value: 60, text: "≤ 60 MB" },
				floor: theirs.rss,
				note:
					`peak ${ours.peak.toFixed(1)} MB, private ${ours.private.toFixed(1)} MB; floor = bare plugin: ` +
					`${theirs.rss.toFixed(1)} MB (peak ${theirs.peak.toFixed(1)}, private ${theirs.private.toFixed(1)})`,
			},
			{ name: "bin/plugin.js size", samples: [sizeKb], unit: "KB", target: { value: 300, text: "≤ 300 KB" } },
		];
	} finally {
		await stack.close();
		await bare.stop();
	}
}
