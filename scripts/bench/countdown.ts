/**
 * The Ad Break countdown against the wall clock: one break (35 s) plus 5 s of cooldown on one key. Each frame
 * shows whole seconds left; the frame for "n s left" is due when exactly n s remain before the deadline the
 * sandbox set. Measures every frame's lateness, and counts duplicate and skipped frames.
 */
import { performance } from "node:perf_hooks";
import type { RecordedCommand } from "../../test/harness/host/index.ts";
import type { Figure } from "./figure.ts";
import type { BenchOptions } from "./options.ts";
import { ACTIONS, benchStack, settingsLoaded, createLive, hostTime, selectLive, svgOf } from "./stack.ts";

const BREAK_MS = 35_000;
const COOLDOWN_S = 40;

interface Frame {
	at: number;
	phase: "ADS" | "WAIT" | "READY";
	seconds: number;
}

/** Reads the phase label and the "m:ss" clock off a countdown image (READY = 0 s left). */
function frameOf(c: RecordedCommand): Frame | undefined {
	const svg = svgOf(c);
	if (svg.includes(">READY<")) return { at: c.at, phase: "READY", seconds: 0 };
	const phase = /<text[^>]*>(ADS|WAIT)<\/text>/.exec(svg)?.[1] as Frame["phase"] | undefined;
	const clock = /<text[^>]*>(\d+):(\d\d)<\/text>/.exec(svg);
	if (!phase || !clock) return undefined;
	return { at: c.at, phase, seconds: Number(clock[1]) * 60 + Number(clock[2]) };
}

export async function benchCountdown(options: BenchOptions): Promise<Figure[]> {
	const stack = await benchStack(options);
	const { host } = stack;
	try {
		await settingsLoaded(stack);
		const context = host.appear({ action: ACTIONS.adBreak, settings: { cooldown: COOLDOWN_S } });
		const liveId = await createLive(stack, true);
		const selected = host.commands.length;
		selectLive(stack, liveId);
		await host.waitFor((c) => c.context === context && c.event === "setImage" && svgOf(c).includes("READY"), { since: selected });

		const since = host.commands.length;
		host.keyDown(context);
		host.keyUp(context);
		await host.waitFor((c) => c.context === context && c.event === "showOk", { since });
		const launched = host.commands.length;
		await host.waitFor((c) => c.context === context && c.event === "setImage" && svgOf(c).includes(">READY<"), {
			since: launched,
			timeoutMs: COOLDOWN_S * 1000 + 10_000,
		});

		const endsAt = hostTime(stack.sandbox.live(liveId)!.adBreakEndTime! * 1000);
		const readyAt = endsAt - BREAK_MS + COOLDOWN_S * 1000;
		const frames = host
			.commandsFor(context, "setImage")
			.filter((c) => c.at >= host.commands[launched - 1]!.at)
			.map(frameOf)
			.filter((f): f is Frame => f !== undefined);
		// The first frame is the press's own answer (the value current at launch), not a tick.
		const ticks = frames.slice(1);
		const lateness = ticks.map((f) => f.at - ((f.phase === "ADS" ? endsAt : readyAt) - f.seconds * 1000));
		let duplicates = 0;
		let skipped = 0;
		for (let i = 1; i < frames.length; i++) {
			const [prev, cur] = [frames[i - 1]!, frames[i]!];
			if (prev.phase === cur.phase && prev.seconds === cur.seconds) duplicates++;
			else if (prev.phase === cur.phase && prev.seconds - cur.seconds > 1) skipped++;
		}
		const skew = Date.now() - (performance.timeOrigin + performance.now());
		return [
			{
				name: "countdown tick lateness vs the true second",
				samples: lateness.map(Math.abs),
				unit: "ms",
				target: { value: 100, text: "every tick ≤ 100 ms" },
				judge: "max",
				note: `${ticks.length} ticks over a 35 s break + 5 s cooldown; clock skew Date.now vs host clock ${skew.toFixed(1)} ms`,
			},
			{ name: "countdown duplicate + skipped frames", samples: [duplicates + skipped], unit: "frames", target: { value: 0, text: "0" } },
		];
	} finally {
		await stack.close();
	}
}
