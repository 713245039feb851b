import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
	renderAdBreak,
	renderAdToggle,
	renderCreateLive,
	renderLiveStatus,
	renderRecord,
	renderSendToObs,
	renderStream,
	type AdBreakView,
	type AdToggleView,
	type CreateLiveView,
	type LiveStatusView,
	type RecordView,
	type SendToObsView,
	type StreamView,
} from "../../../src/keys/index.ts";
import { TITLE_AREA_TOP } from "../../../src/keys/layout.ts";
import { xmlProblems } from "./xml-check.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";

const m = catalogMessages("en");

const MANIFEST = join(import.meta.dirname, "../../../com.dailymotion.live.sdPlugin/manifest.json");
const HOSTILE = `Bad <tag> & "quotes" 'too'`;

/** Every state of every renderer, with a readable name and a text the image must contain. */
const cases: { name: string; render: () => string; shows: string }[] = [
	...(
		[
			[{ state: "idle" }, "NEW LIVE"],
			[{ state: "busy" }, "CREATING"],
			[{ state: "done" }, "CREATED"],
			[{ state: "error" }, "FAILED"],
		] as [CreateLiveView, string][]
	).map(([view, shows]) => ({ name: `create-live ${view.state}`, render: () => renderCreateLive(view, m), shows })),
	...(
		[
			[{ state: "idle" }, "TO OBS"],
			[{ state: "busy" }, "SENDING"],
			[{ state: "done" }, "SENT"],
			[{ state: "streaming" }, "LIVE"],
			[{ state: "error" }, "FAILED"],
		] as [SendToObsView, string][]
	).map(([view, shows]) => ({ name: `send-to-obs ${view.state}`, render: () => renderSendToObs(view, m), shows })),
	...(
		[
			[{ state: "offline" }, "OFFLINE"],
			[{ state: "connecting" }, "STARTING"],
			[{ state: "live", elapsedMs: 754_000 }, "12:34"],
			[{ state: "live" }, "ON AIR"],
			[{ state: "stopping" }, "STOPPING"],
			[{ state: "reconnecting" }, "RETRYING"],
			[{ state: "unreachable" }, "NO OBS"],
			[{ state: "auth-failed" }, "AUTH"],
			[{ state: "live", alarm: { level: "amber", reason: "dropped" } }, "DROPPING"],
			[{ state: "live", alarm: { level: "red", reason: "dropped" } }, "DROPPING"],
			[{ state: "live", alarm: { level: "amber", reason: "congested" } }, "LAGGING"],
			[{ state: "live", alarm: { level: "red", reason: "stalled" } }, "STALLED"],
		] as [StreamView, string][]
	).map(([view, shows]) => ({ name: `stream ${view.state} ${view.elapsedMs ?? ""}`, render: () => renderStream(view, m), shows })),
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
			[{ state: "scheduled", phase: "waiting", remainingMs: 754_000, totalMs: 900_000, remaining: 22, snooze: "5 min" }, "NEXT AD 12:34 22 LEFT"],
			[{ state: "scheduled", phase: "warning", remainingMs: 42_000, totalMs: 900_000, remaining: 22, snooze: "5 min" }, "AD IN 0:42"],
			[{ state: "scheduled", phase: "failed", remainingMs: 840_000, totalMs: 900_000, remaining: 22, snooze: "5 min" }, "LAST FAILED"],
			[{ state: "auto-retry" }, "RETRYING"],
		] as [AdBreakView, string][]
	).map(([view, shows], i) => ({ name: `ad-break ${view.state} #${i}`, render: () => renderAdBreak(view, m), shows })),
	...(
		[
			[{ state: "on" }, "ADS ON"],
			[{ state: "off" }, "ADS OFF"],
			[{ state: "unknown" }, "ADS ?"],
			[{ state: "busy" }, "UPDATING"],
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "unavailable" }, "NOT ON API V2"],
			[{ state: "error", message: "Forbidden" }, "Forbidden"],
		] as [AdToggleView, string][]
	).map(([view, shows]) => ({ name: `ad-toggle ${view.state}`, render: () => renderAdToggle(view, m), shows })),
	...(
		[
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "loading" }, "LOADING"],
			[{ state: "offline", title: "My show" }, "My show"],
			[{ state: "offline" }, "OFF AIR"],
			[{ state: "on-air", viewers: 1234, elapsedMs: 754_000 }, "1.2K"],
			[{ state: "on-air", viewers: null, elapsedMs: null }, "—"],
			[{ state: "error", message: "Token expired" }, "Token expired"],
			[{ state: "on-air", viewers: 1234, elapsedMs: 754_000, health: { text: "6,012 kb/s", level: "ok" } }, "12:34 6,012 kb/s"],
			[{ state: "on-air", viewers: 1234, elapsedMs: 754_000, health: { text: "6,012 kb/s", level: "red" } }, "6,012 kb/s"],
		] as [LiveStatusView, string][]
	).map(([view, shows], i) => ({ name: `live-status ${view.state} #${i}`, render: () => renderLiveStatus(view, m), shows })),
	...(
		[
			[{ state: "off" }, "REC OFF"],
			[{ state: "on" }, "REC RECORDING"],
			[{ state: "starting" }, "STARTING RECORDING"],
			[{ state: "stopping" }, "STOPPING RECORDING"],
			[{ state: "unknown" }, "REC ?"],
			[{ state: "off-air" }, "OFF AIR"],
			[{ state: "no-live" }, "NO LIVE"],
			[{ state: "loading" }, "LOADING"],
			[{ state: "unavailable" }, "NOT ON API V2"],
			[{ state: "error", message: "Timed out" }, "Timed out"],
		] as [RecordView, string][]
	).map(([view, shows]) => ({ name: `record ${view.state}`, render: () => renderRecord(view, m), shows })),
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
		["ad-break error", renderAdBreak({ state: "error", message: HOSTILE }, m)],
		["ad-toggle error", renderAdToggle({ state: "error", message: HOSTILE }, m)],
		["live-status offline", renderLiveStatus({ state: "offline", title: HOSTILE }, m)],
		["live-status error", renderLiveStatus({ state: "error", message: HOSTILE }, m)],
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
		expect(renderStream({ state: "live", elapsedMs: 0 }, m)).toMatch(/<rect width="144" height="144" fill="#D70015"/);
		expect(renderStream({ state: "offline" }, m)).not.toContain("#D70015");
	});

	it("turns a live stream in trouble amber (dark amber key) or red (red frame, not the healthy red key)", () => {
		const amber = renderStream({ state: "live", alarm: { level: "amber", reason: "congested" } }, m);
		const red = renderStream({ state: "live", alarm: { level: "red", reason: "congested" } }, m);
		expect(amber).toMatch(/<rect width="144" height="144" fill="#6B4500"/);
		expect(amber).not.toContain('stroke="#FF3B30"');
		expect(red).toContain('stroke="#FF3B30" stroke-width="10"');
		expect(red).not.toContain("#D70015");
	});

	it("draws the next scheduled break's ring green while waiting, amber in the warning window, emptying towards it", () => {
		const ring = (svg: string) => /<circle [^>]*stroke="(#[0-9A-F]+)"[^>]*stroke-dashoffset="([\d.]+)"/.exec(svg)!;
		const view = { state: "scheduled", remaining: 3, totalMs: 600_000, snooze: "5 min" } as const;
		const early = ring(renderAdBreak({ ...view, phase: "waiting", remainingMs: 540_000 }, m));
		const late = ring(renderAdBreak({ ...view, phase: "waiting", remainingMs: 120_000 }, m));
		const warning = ring(renderAdBreak({ ...view, phase: "warning", remainingMs: 30_000 }, m));
		expect([early[1], late[1], warning[1]]).toEqual(["#30D158", "#30D158", "#FFB020"]);
		expect(Number(late[2])).toBeGreaterThan(Number(early[2])); // less ring left, closer to the break
	});

	it("colours Live Status's health line by the stream's level", () => {
		const line = (level: "ok" | "amber" | "red") =>
			/fill="(#[0-9A-F]+)"[^>]*>4,210 kb\/s</.exec(renderLiveStatus({ state: "on-air", viewers: 3, elapsedMs: 1_000, health: { text: "4,210 kb/s", level } }, m))?.[1];
		expect([line("ok"), line("amber"), line("red")]).toEqual(["#30D158", "#FFB020", "#FF3B30"]);
		expect(renderLiveStatus({ state: "on-air", viewers: 3, elapsedMs: 1_000 }, m)).not.toContain("kb/s");
	});

	it("keeps long error messages to two short lines with an ellipsis", () => {
		const svg = renderAdBreak({ state: "error", message: "The Dailymotion API answered with a very long error text" }, m);
		const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(texts).toHaveLength(3);
		expect(texts[2].endsWith("…")).toBe(true);
		for (const t of texts) expect([...t].length).toBeLessThanOrEqual(13);
	});

	it("shrinks the font of long text instead of overflowing", () => {
		const size = (svg: string, text: string) => Number(new RegExp(`font-size="([\\d.]+)"[^>]*>${text}<`).exec(svg)?.[1]);
		const long = renderAdBreak({ state: "cooldown", remainingMs: 3_723_000, totalMs: 3_723_000 }, m);
		const short = renderAdBreak({ state: "cooldown", remainingMs: 7_000, totalMs: 35_000 }, m);
		expect(size(long, "1:02:03")).toBeLessThan(size(short, "0:07"));
		// Arial Bold advances: digits 0.556 em, colon 0.333 em; inside the ring (inner radius 55) there are ≈ 108 px at
		// the text's height.
		expect(size(long, "1:02:03") * (5 * 0.556 + 2 * 0.333)).toBeLessThanOrEqual(104);
		// Keys with a title: the elapsed time shrinks to the key's 128 px text width.
		const stream = renderStream({ state: "live", elapsedMs: 36_000_000 + 3_723_000 }, m);
		expect(size(stream, "11:02:03") * (6 * 0.556 + 2 * 0.333)).toBeLessThanOrEqual(128);
	});
});

describe("keys whose action sets a title (Create Live, Send to OBS, Stream) leave the title area to it", () => {
	const titled = cases.filter((c) => /^(create-live|send-to-obs|stream) /.test(c.name));

	it("covers every state of the three renderers", () => {
		expect(titled).toHaveLength(4 + 5 + 12);
	});

	it.each(titled)("$name: one state word and a glyph, both above the title area", ({ render }) => {
		const svg = render();
		const texts = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-family="[^"]*" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
		// One line only: the details (live title, error reason, hint) are the key title's job, not repeated here.
		expect(texts.map((m) => m[3])).toHaveLength(1);
		const [, baseline, size] = texts[0]!.map(Number);
		expect(baseline).toBeLessThanOrEqual(TITLE_AREA_TOP - 4);
		expect(size).toBeGreaterThanOrEqual(20); // big enough to read on a 72 px key (≥ 10 px)
		const glyphs = [...svg.matchAll(/<g transform="translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)">/g)];
		expect(glyphs).toHaveLength(1);
		const [, , top, scale] = glyphs[0]!.map(Number);
		expect(top).toBeGreaterThanOrEqual(4);
		expect(top + 24 * scale).toBeLessThan(baseline - size * 0.72); // the glyph sits above the word
	});

	it.each(["com.dailymotion.live.create", "com.dailymotion.live.obs", "com.dailymotion.live.stream"])(
		"%s: the manifest's title (two lines, bottom-aligned) starts below the drawing",
		async (uuid) => {
			const manifest = JSON.parse(await readFile(MANIFEST, "utf8")) as {
				Actions: { UUID: string; States: { TitleAlignment?: string; FontSize?: number; ShowTitle?: boolean }[] }[];
			};
			for (const state of manifest.Actions.find((a) => a.UUID === uuid)!.States) {
				expect(state.TitleAlignment).toBe("bottom");
				expect(state.ShowTitle).not.toBe(false);
				// As the app lays it out on a 72 pt key (in this 144 px design): FontSize pt, line height 1.15, 5 pt margin.
				const scale = 144 / 72;
				const titleTop = 144 - 5 * scale - 2 * state.FontSize! * 1.15 * scale;
				expect(TITLE_AREA_TOP).toBeLessThanOrEqual(titleTop);
			}
		},
	);
});
