import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDefaultImage, type DefaultImage } from "../../../src/keys/default-images.ts";
import { xmlProblems } from "./xml-check.ts";

// The manifest references these paths (without extension); scripts/make-icons.ts writes them.
const IMGS = join(import.meta.dirname, "../../../com.dailymotion.live.sdPlugin/imgs");

const svgSizes: [string, number][] = [
	["plugin/category.svg", 28],
	...["create", "obs", "stream", "adbreak", "adtoggle", "status", "record"].flatMap((name): [string, number][] => [
		[`actions/${name}/icon.svg`, 20],
		[`actions/${name}/key.svg`, 144],
	]),
	["actions/stream/key-live.svg", 144],
	["actions/adtoggle/key-off.svg", 144],
	["actions/record/key-on.svg", 144],
	["actions/adbreak/encoder.svg", 72],
	["actions/status/encoder.svg", 72],
];

describe("image assets", () => {
	it.each(svgSizes)("%s is a well-formed %d px SVG", async (path, size) => {
		const svg = await readFile(join(IMGS, path), "utf8");
		expect(svg.startsWith("<svg")).toBe(true);
		expect(svg).toContain(`width="${size}" height="${size}"`);
		expect(xmlProblems(svg)).toEqual([]);
	});

	it.each(["create", "obs", "stream", "adbreak", "adtoggle", "status", "record"])(
		"actions/%s/icon.svg is white on transparent",
		async (name) => {
			const svg = await readFile(join(IMGS, `actions/${name}/icon.svg`), "utf8");
			const colours = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9A-Fa-f]{3,8})"/g)].map((m) => m[1].toUpperCase()));
			expect([...colours]).toEqual(["#FFFFFF"]);
			expect(svg).not.toContain("<rect width=");
		},
	);

	it("default key images match the renderers and carry no words, so they suit every language (scripts/make-icons.ts)", async () => {
		const expected: [string, DefaultImage][] = [
			["actions/create/key.svg", "create"],
			["actions/obs/key.svg", "obs"],
			["actions/stream/key.svg", "stream"],
			["actions/stream/key-live.svg", "stream-live"],
			["actions/adbreak/key.svg", "adbreak"],
			["actions/adtoggle/key.svg", "adtoggle-on"],
			["actions/adtoggle/key-off.svg", "adtoggle-off"],
			["actions/status/key.svg", "status"],
			["actions/record/key.svg", "record-off"],
			["actions/record/key-on.svg", "record-on"],
		];
		for (const [path, name] of expected) {
			const svg = await readFile(join(IMGS, path), "utf8");
			expect(svg, path).toBe(renderDefaultImage(name));
			expect(svg, path).not.toContain("<text");
		}
	});

	it.each([
		["plugin/icon.png", 256],
		["plugin/icon@2x.png", 512],
	])("%s is a %d px RGBA PNG", async (path, size) => {
		const png = await readFile(join(IMGS, path));
		expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		expect(png.toString("ascii", 12, 16)).toBe("IHDR");
		expect(png.readUInt32BE(16)).toBe(size);
		expect(png.readUInt32BE(20)).toBe(size);
		expect(png[25]).toBe(6); // colour type 6 = RGBA (transparent corners)
	});
});
