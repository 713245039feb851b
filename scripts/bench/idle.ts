/**
 * A quiet show: a Stream Deck XL full of status and ad keys (32) on one live that is off air, so nothing counts
 * down. Over an idle window: API requests (one poll per interval for all keys), and plugin CPU time and memory
 * beside the bare plugin's (same SDK and bundler, registers only) idling in the same window. Then, in the same
 * process, memory again after OBS keys appear (the OBS connection and its library load) and after a property
 * inspector opens (the inspector bridge loads and answers). Also the size of what the plugin runs at start-up.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startHost, type ActionSpec, type Host } from "../../test/harness/host/index.ts";
import { obsAvailable } from "../../test/harness/obs.ts";
import { PLUGIN_DIR, type Stack } from "../../test/harness/stack.ts";
import { barePlugin } from "./bare-build.ts";
import type { Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { cpuTimeMs, memoryMb, pluginPid } from "./proc.ts";
import { ACTIONS, benchStack, createLive, hostTime, pluginFlags, requestsSince, selectLive } from "./stack.ts";

/** The plugin's live poll interval (src/live/live-registry.ts). */
const POLL_INTERVAL_MS = 10_000;
const XL = { id: "XL1", name: "Stream Deck XL", size: { columns: 8, rows: 4 }, type: 2 };
const MINI = { id: "MINI1", name: "Stream Deck Mini", size: { columns: 3, rows: 2 }, type: 1 };
const KEY_ACTIONS = [ACTIONS.status, ACTIONS.adBreak, ACTIONS.adToggle];
/** Idle RSS may exceed the bare plugin's by this much (issue 15). */
const RSS_ALLOWANCE_MB = 12;
/** The start-up JS target (issue 15), in KB. */
const START_JS_TARGET_KB = 200;
/** Time for OBS keys to connect, or the inspector's answers to arrive, before a memory window starts. */
const SETTLE_MS = 3000;

/** CPU time of a plugin process from now on, and its memory at the end. */
function watchProcess(host: Host): () => { cpuMs: number } & ReturnType<typeof memoryMb> {
	const pid = pluginPid(host.port);
	const cpuStart = cpuTimeMs(pid);
	return () => ({ cpuMs: cpuTimeMs(pid) - cpuStart, ...memoryMb(pid) });
}

/** Waits `ms`, then reads both processes' CPU and memory over that window. */
async function window(host: Host, bare: Host, ms: number) {
	const plugin = watchProcess(host);
	const floor = watchProcess(bare);
	const started = performance.now();
	await delay(ms);
	const [ours, theirs] = [plugin(), floor()];
	return { ours, theirs, elapsed: performance.now() - started };
}

/** An RSS figure against the bare plugin measured in the same window. */
function rssFigure(name: string, ours: ReturnType<typeof memoryMb>, theirs: ReturnType<typeof memoryMb>): Figure {
	return {
		name,
		samples: [ours.rss],
		unit: "MB",
		target: { value: theirs.rss + RSS_ALLOWANCE_MB, text: `≤ bare + ${RSS_ALLOWANCE_MB} MB` },
		note:
			`+${(ours.rss - theirs.rss).toFixed(1)} MB over the bare plugin's ${theirs.rss.toFixed(1)} MB; peak ${ours.peak.toFixed(1)} MB, ` +
			`private ${ours.private.toFixed(1)} MB (bare: peak ${theirs.peak.toFixed(1)}, private ${theirs.private.toFixed(1)})`,
	};
}

function withNote(figure: Figure, before: string): Figure {
	return { ...figure, note: `${before}; ${figure.note ?? ""}` };
}

/** Sizes (KB) of the bundle's files: the JS run at every start (plugin.js and what it imports unconditionally), and all. */
function bundleSizes(): { startKb: number; totalKb: number; files: string } {
	const bin = join(PLUGIN_DIR, "bin");
	const js = readdirSync(bin).filter((f) => f.endsWith(".js"));
	const kb = (file: string) => statSync(join(bin, file)).size / 1024;
	// plugin.js awaits import("./app.js") at its top level; chunks named in a static `from"./x.js"` load with the file.
	const atStart = new Set<string>();
	const visit = (file: string): void => {
		if (atStart.has(file)) return;
		atStart.add(file);
		const code = readFileSync(join(bin, file), "utf8");
		const imports = [...code.matchAll(/(?:from\s*|^import\s*|await import\()["']\.\/([\w.-]+\.js)["']/gm)].map((m) => m[1]!);
		for (const next of imports) visit(next);
	};
	visit("plugin.js");
	const sum = (files: Iterable<string>) => [...files].reduce((total, f) => total + kb(f), 0);
	const files = js.map((f) => `${f} ${kb(f).toFixed(1)}`).join(", ");
	return { startKb: sum(atStart), totalKb: sum(js), files: `${[...atStart].join(" + ")} at start-up; all: ${files} KB` };
}

/** Shows Stream and Send to OBS keys on the second device (the 32 keys on the XL stay). */
function showObsKeys(host: Host, count: number): void {
	for (let i = 0; i < count; i++) host.appear({ action: i % 2 ? ACTIONS.obs : ACTIONS.stream, device: MINI.id });
}

/** Opens the inspector of `context` the way the real one starts: it appears, then asks for categories and the live. */
async function openInspector(host: Host, context: string, liveId: string): Promise<void> {
	const since = host.commands.length;
	host.piAppear(context);
	host.sendToPlugin(context, { event: "channels", requestId: "bench-1" });
	host.sendToPlugin(context, { event: "getLive", requestId: "bench-2", liveId });
	for (const requestId of ["bench-1", "bench-2"]) {
		const answer = await host.waitFor(
			(c) => c.event === "sendToPropertyInspector" && (c.payload as { requestId?: string } | undefined)?.requestId === requestId,
			{ since },
		);
		if (!(answer.payload as { ok?: boolean }).ok) throw new Error(`inspector ${requestId} failed: ${JSON.stringify(answer.payload)}`);
	}
}

export async function benchIdle(options: BenchOptions): Promise<Figure[]> {
	const withObs = options.obs && obsAvailable;
	const bare = await startHost({ pluginDir: (await barePlugin()).dir, ...pluginFlags(options) });
	let stack: Stack;
	try {
		stack = await benchStack(options, { obs: withObs, host: { devices: [XL, MINI] } });
	} catch (err) {
		await bare.stop();
		throw err;
	}
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
		const quiet = await window(host, bare, windowMs);
		const requests = requestsSince(stack, start);
		const frames = host.commands.filter((c) => c.at >= start && c.event !== "logMessage").length;
		const intervals = windowMs / POLL_INTERVAL_MS;
		const cpu = (ms: number) => (ms / quiet.elapsed) * 100;

		// OBS keys appear (the connection opens and loads obs-websocket-js), then one poll interval of idling.
		showObsKeys(host, 4);
		await delay(SETTLE_MS);
		const obsKeys = await window(host, bare, POLL_INTERVAL_MS);
		// An inspector opens (the bridge loads and answers its first requests) and stays open.
		await openInspector(host, contexts[0]!, liveId);
		await delay(SETTLE_MS);
		const inspector = await window(host, bare, POLL_INTERVAL_MS);

		const sizes = bundleSizes();
		const obsNote = withObs ? "real OBS connected" : `OBS not running (${options.obs ? "not installed" : "--no-obs"}): the connection retries`;
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
				samples: [cpu(quiet.ours.cpuMs)],
				unit: "% of a core",
				target: { value: 0.5, text: "~0 (≤ 0.5 %)" },
				note: `${quiet.ours.cpuMs} ms CPU in ${(quiet.elapsed / 1000).toFixed(1)} s (10 ms resolution); bare plugin in the same window: ${quiet.theirs.cpuMs} ms = ${cpu(quiet.theirs.cpuMs).toFixed(2)} %`,
			},
			rssFigure("idle RSS: 32 API keys, no OBS key", quiet.ours, quiet.theirs),
			withNote(rssFigure("idle RSS: + 4 OBS keys (Stream, Send to OBS)", obsKeys.ours, obsKeys.theirs), obsNote),
			rssFigure("idle RSS: + inspector open (categories, live read)", inspector.ours, inspector.theirs),
			{
				name: "JS run at start-up (bin/plugin.js + app.js)",
				samples: [sizes.startKb],
				unit: "KB",
				target: { value: START_JS_TARGET_KB, text: `≤ ${START_JS_TARGET_KB} KB` },
				note: sizes.files,
			},
			{ name: "bin/ total (every chunk)", samples: [sizes.totalKb], unit: "KB", target: { value: Infinity, text: "" } },
		];
	} finally {
		await stack.close();
		await bare.stop();
	}
}
