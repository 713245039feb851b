import { describe, expect, it } from "vitest";
import {
	renderAdBreak,
	renderAdToggle,
	renderCreateLive,
	renderLiveStatus,
	renderSendToObs,
	renderStream,
	type AdBreakView,
	type AdToggleView,
	type CreateLiveView,
	type LiveStatusView,
	type SendToObsView,
	type StreamView,
} from "../../../src/keys/index.ts";
import { xmlProblems } from "./xml-check.ts";

const HOSTILE = `Bad <tag> & "quotes" 'too'`;

/** Every state of every renderer, with a readable name and a text the image must contain. */
const cases: { name: string; render: () => string; shows: string }[] = [
	...(
		[
			[{ state: "idle" }, "NEW"],
			[{ state: "busy" }, "CREATING"],
			[{ state: "done", title: "Friday show" }, "Friday show"],
			[{ state: "error", message: "Quota exceeded" }, "Quota"],
		] as [CreateLiveView, string][]
	).map(([view, shows]) => ({ name: `create-live ${view.state}`, render: () => renderCreateLive(view), shows })),
	...(
		[
			[{ state: "idle" }, "SEND"],
			[{ state: "busy" }, "SENDING"],
			[{ state: "done" }, "SENT"],
			[{ state: "streaming" }, "STREAMING"],
			[{ state: "error", message: "OBS refused" }, "OBS refused"],
		] as [SendToObsView, string][]
	).map(([view, shows]) => ({ name: `send-to-obs ${view.state}`, render: () => renderSendToObs(view), shows })),
	...(
		[
			[{ state: "offline" }, "GO LIVE"],
			[{ state: "connecting" }, "STARTING"],
			[{ state: "live", elapsedMs: 754_000 }, "12:34"],
			[{ state: "live" }, "ON AIR"],
			[{ state: "stopping" }, "STOPPING"],
			[{ state: "reconnecting", elapsedMs: 65_000 }, "1:05"],
			[{ state: "unreachable", hint: "Start OBS" }, "Start OBS"],
			[{ state: "auth-failed" }, "AUTH"],
		] as [StreamView, string][]
	).map(([view, shows]) => ({ name: `stream ${view.state} ${view.elapsedMs ?? ""}`, render: () => renderStream(view), shows })),
	...(
		[
			[{ state: "ready", remaining: 23 }, "23 LEFT"],
			[{ state: "ready", remaining: null }, "READY"],
			[{ state: "running", remainingMs: 34_000, totalMs: 35_000 }, "0:34"],
			[{ state: "cooldown", remainingMs: 65_000, totalMs: 120_000 }, "1:05"],
			[{ state: "busy" }, "LAUNCHING"],
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "disabled" }, "ADS OFF"],
			[{ state: "off-air" }, "OFF AIR"],
			[{ state: "quota" }, "0 LEFT"],
			[{ state: "error", message: "Timeout" }, "Timeout"],
		] as [AdBreakView, string][]
	).map(([view, shows], i) => ({ name: `ad-break ${view.state} #${i}`, render: () => renderAdBreak(view), shows })),
	...(
		[
			[{ state: "on" }, "ADS ON"],
			[{ state: "off" }, "ADS OFF"],
			[{ state: "unknown" }, "ADS ?"],
			[{ state: "busy" }, "UPDATING"],
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "error", message: "Forbidden" }, "Forbidden"],
		] as [AdToggleView, string][]
	).map(([view, shows]) => ({ name: `ad-toggle ${view.state}`, render: () => renderAdToggle(view), shows })),
	...(
		[
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "loading" }, "LOADING"],
			[{ state: "offline", title: "My show" }, "My show"],
			[{ state: "offline" }, "OFF AIR"],
			[{ state: "on-air", viewers: 1234, elapsedMs: 754_000 }, "1.2k"],
			[{ state: "on-air", viewers: null, elapsedMs: null }, "—"],
			[{ state: "error", message: "Token expired" }, "Token expired"],
		] as [LiveStatusView, string][]
	).map(([view, shows], i) => ({ name: `live-status ${view.state} #${i}`, render: () => renderLiveStatus(view), shows })),
];

/** All visible text of an SVG, entities decoded. */
function visibleText(svg: string): string {
	return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
		.map((m) => m[1])
		.join(" ")
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, "&");
}

describe.each(cases)("$name", ({ render, shows }) => {
	it("renders a well-formed 144×144 SVG", () => {
		const svg = render();
		expect(svg.startsWith("<svg")).toBe(true);
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svg).toContain('viewBox="0 0 144 144"');
		expect(xmlProblems(svg)).toEqual([]);
		expect(svg).not.toMatch(/NaN|undefined|Infinity/);
	});

	it("names its state in the image", () => {
		expect(visibleText(render())).toContain(shows);
	});

	it("is deterministic", () => {
		expect(render()).toBe(render());
	});
});

describe("renderers escape user and error text", () => {
	const renders: [string, string][] = [
		["create-live error", renderCreateLive({ state: "error", message: HOSTILE })],
		["create-live done", renderCreateLive({ state: "done", title: HOSTILE })],
		["send-to-obs error", renderSendToObs({ state: "error", message: HOSTILE })],
		["stream hint", renderStream({ state: "unreachable", hint: HOSTILE })],
		["ad-break error", renderAdBreak({ state: "error", message: HOSTILE })],
		["ad-toggle error", renderAdToggle({ state: "error", message: HOSTILE })],
		["live-status offline", renderLiveStatus({ state: "offline", title: HOSTILE })],
		["live-status error", renderLiveStatus({ state: "error", message: HOSTILE })],
	];

	it.each(renders)("%s stays well-formed and shows the text escaped", (_name, svg) => {
		expect(xmlProblems(svg)).toEqual([]);
		expect(svg).not.toContain("<tag>");
		expect(svg).toMatch(/&lt;|&amp;|&quot;/);
		expect(visibleText(svg)).toContain("Bad");
	});
});

describe("renderers distinguish their states", () => {
	it("gives every state of a renderer its own image", () => {
		const byRenderer = new Map<string, string[]>();
		for (const c of cases) {
			const renderer = c.name.split(" ")[0];
			byRenderer.set(renderer, [...(byRenderer.get(renderer) ?? []), c.render()]);
		}
		for (const [renderer, images] of byRenderer) {
			expect(new Set(images).size, renderer).toBe(images.length);
		}
	});

	it("shows the live stream on a red background", () => {
		expect(renderStream({ state: "live", elapsedMs: 0 })).toMatch(/<rect width="144" height="144" fill="#D70015"/);
		expect(renderStream({ state: "offline" })).not.toContain("#D70015");
	});

	it("keeps long error messages to two short lines with an ellipsis", () => {
		const svg = renderCreateLive({ state: "error", message: "The Dailymotion API answered with a very long error text" });
		const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(texts).toHaveLength(3);
		expect(texts[2].endsWith("…")).toBe(true);
		for (const t of texts) expect([...t].length).toBeLessThanOrEqual(13);
	});

	it("shrinks the font of long text instead of overflowing", () => {
		const size = (svg: string) => Number(/<text[^>]*font-size="([\d.]+)"[^>]*>1:02:03</.exec(svg)?.[1]);
		const long = renderStream({ state: "live", elapsedMs: 3_723_000 });
		const short = renderStream({ state: "live", elapsedMs: 7_000 });
		const shortSize = Number(/font-size="([\d.]+)"[^>]*>0:07</.exec(short)?.[1]);
		expect(size(long)).toBeLessThan(shortSize);
		// Arial Bold advances: digits 0.556 em, colon 0.333 em; 128 px is the text area.
		expect(size(long) * (5 * 0.556 + 2 * 0.333)).toBeLessThanOrEqual(128);
	});
});
