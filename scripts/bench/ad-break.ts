/**
 * Ad Break: press → launch request on the wire (its arrival at the sandbox), and a press while the break counts
 * down → alert with no request. Each run uses a fresh on-air live, so no run waits for a 35 s break to end.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import type { Stack } from "../../test/harness/stack.ts";
import type { Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { ACTIONS, benchStack, settingsLoaded, createLive, hostTime, isFeedback, requestsSince, selectLive, svgOf } from "./stack.ts";

/** How long after a refused press requests are still counted. */
const QUIET_MS = 300;

interface Run {
	feedbackMs: number;
	wireMs: number;
	alertMs: number;
	refusedRequests: number;
}

function press(stack: Stack, context: string): { since: number; start: number } {
	const since = stack.host.commands.length;
	const start = performance.now();
	stack.host.keyDown(context);
	stack.host.keyUp(context);
	return { since, start };
}

async function launchAndRefuse(stack: Stack, context: string): Promise<Run> {
	const { host } = stack;
	const liveId = await createLive(stack, true);
	const selected = host.commands.length;
	selectLive(stack, liveId);
	await host.waitFor((c) => c.context === context && c.event === "setImage" && svgOf(c).includes("READY"), { since: selected });

	const launch = press(stack, context);
	const feedback = await host.waitFor((c) => isFeedback(c, context), { since: launch.since });
	const done = await host.waitFor((c) => c.context === context && (c.event === "showOk" || c.event === "showAlert"), {
		since: launch.since,
	});
	if (done.event === "showAlert") throw new Error(`Ad break launch failed\n${host.stderr.slice(-2000)}`);
	const request = requestsSince(stack, launch.start, liveId).find((r) => r.method === "POST");
	if (!request) throw new Error("no launch request reached the sandbox");

	const refused = press(stack, context);
	const alert = await host.waitFor((c) => c.context === context && c.event === "showAlert", { since: refused.since });
	await delay(QUIET_MS);
	return {
		feedbackMs: feedback.at - launch.start,
		wireMs: hostTime(request.at) - launch.start,
		alertMs: alert.at - refused.start,
		refusedRequests: requestsSince(stack, refused.start).length,
	};
}

export async function benchAdBreak(options: BenchOptions): Promise<Figure[]> {
	const stack = await benchStack(options);
	try {
		await settingsLoaded(stack);
		const context = stack.host.appear({ action: ACTIONS.adBreak, settings: { cooldown: 60 } });
		await launchAndRefuse(stack, context); // warm-up: token, first poll
		const runs: Run[] = [];
		for (let run = 0; run < options.runs; run++) runs.push(await launchAndRefuse(stack, context));
		const ms = (value: number) => ({ value, text: `≤ ${value} ms` });
		return [
			{ name: "key press → first feedback: Ad Break", samples: runs.map((r) => r.feedbackMs), unit: "ms", target: ms(16) },
			{ name: "Ad Break press → launch request on the wire", samples: runs.map((r) => r.wireMs), unit: "ms", target: ms(10) },
			{ name: "Ad Break press during break/cooldown → alert", samples: runs.map((r) => r.alertMs), unit: "ms", target: ms(10) },
			{
				name: "API requests from a press during cooldown",
				samples: runs.map((r) => r.refusedRequests),
				unit: "req",
				target: { value: 0, text: "0" },
				judge: "max",
			},
		];
	} finally {
		await stack.close();
	}
}
