/**
 * Create Live with afterCreate "obs": press → OBS configured (the key's showOk comes only after OBS confirmed
 * the new server and key), and how many API requests that took once the token is cached. Without OBS, the
 * presses create lives only (afterCreate "none") and the OBS figure is reported as skipped.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { OBSWebSocket } from "obs-websocket-js/json";
import type { Stack } from "../../test/harness/stack.ts";
import { obsAvailable } from "../../test/harness/obs.ts";
import { median, skipped, type Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { ACTIONS, benchStack, settingsLoaded, hostTime, isFeedback, requestsSince } from "./stack.ts";

/** LiveCreator repeats a finished create's outcome for presses within 3 s; wait that out between runs. */
const REPEAT_WINDOW_MS = 3_000 + 300;

interface Run {
	feedbackMs: number;
	configuredMs: number;
	requests: number;
	/** Press → the create request's arrival at the sandbox. */
	wireMs: number;
	/** The API's answer (arrival + injected latency) → OBS configured: the plugin's and OBS's share. */
	afterAnswerMs: number;
}

const fmtMs = (ms: number): string => `${ms.toFixed(1)} ms`;

async function pressCreate(stack: Stack, context: string, latencyMs: number): Promise<Run> {
	const { host } = stack;
	const since = host.commands.length;
	const start = performance.now();
	host.keyDown(context);
	host.keyUp(context);
	const feedback = await host.waitFor((c) => isFeedback(c, context), { since });
	const done = await host.waitFor((c) => c.context === context && (c.event === "showOk" || c.event === "showAlert"), {
		since,
		timeoutMs: 15_000,
	});
	if (done.event === "showAlert") throw new Error(`Create Live failed: ${host.lastTitle(context)}\n${host.stderr.slice(-2000)}`);
	const requests = requestsSince(stack, start).filter((r) => hostTime(r.at) <= done.at);
	const arrival = hostTime(requests.find((r) => r.method === "POST")?.at ?? Number.NaN);
	return {
		feedbackMs: feedback.at - start,
		configuredMs: done.at - start,
		requests: requests.length,
		wireMs: arrival - start,
		afterAnswerMs: done.at - arrival - latencyMs,
	};
}

/** The newest live's stream key really is what OBS now holds. */
async function checkObsHasNewestLive(stack: Stack): Promise<void> {
	const obs = new OBSWebSocket();
	await obs.connect(stack.obs!.url, stack.obs!.password);
	try {
		const saved = await obs.call("GetStreamServiceSettings");
		const key = (saved.streamServiceSettings as { key?: string }).key;
		const newest = stack.sandbox.lives().at(-1)!;
		if (!key || !newest.publishUrl.endsWith(key)) throw new Error("OBS does not hold the newest live's stream key");
	} finally {
		await obs.disconnect();
	}
}

export async function benchCreateLive(options: BenchOptions): Promise<Figure[]> {
	const L = options.latencyMs;
	const names = {
		configured: `Create Live (OBS) press → OBS configured, L=${L} ms`,
		requests: "API requests per Create Live (token cached)",
		feedback: "key press → first feedback: Create Live",
	};
	const target = { value: L + 25, text: `≤ 1×L + 25 = ${L + 25} ms` };
	// Without OBS the presses still run (afterCreate "none"): feedback and request count need no OBS.
	const withObs = options.obs && obsAvailable;
	const stack = await benchStack(options, { obs: withObs });
	try {
		await settingsLoaded(stack);
		const settings = { afterCreate: withObs ? "obs" : "none", title: "Bench {time}" };
		const context = stack.host.appear({ action: ACTIONS.create, settings });
		// Warm-up: fetches the token and opens the OBS connection, as the first press of a show does.
		await pressCreate(stack, context, L);
		const runs: Run[] = [];
		for (let run = 0; run < options.runs; run++) {
			await delay(REPEAT_WINDOW_MS);
			runs.push(await pressCreate(stack, context, L));
		}
		if (withObs) await checkObsHasNewestLive(stack);
		const configured: Figure = withObs
			? {
					name: names.configured,
					samples: runs.map((r) => r.configuredMs),
					unit: "ms",
					target,
					note:
						`API answer → OBS configured ${fmtMs(median(runs.map((r) => r.afterAnswerMs)))} (median; OBS: set, read back); ` +
						"real OBS shares the machine's cores during these runs",
				}
			: skipped(names.configured, "ms", target, `skipped: ${options.obs ? "OBS or Xvfb not installed" : "--no-obs"}`);
		return [
			{ name: names.feedback, samples: runs.map((r) => r.feedbackMs), unit: "ms", target: { value: 16, text: "≤ 16 ms" } },
			{ name: "Create Live press → create request on the wire", samples: runs.map((r) => r.wireMs), unit: "ms", target: { value: Infinity, text: "" } },
			configured,
			{ name: names.requests, samples: runs.map((r) => r.requests), unit: "req", target: { value: 1, text: "1" }, judge: "max" },
		];
	} finally {
		await stack.close();
	}
}
