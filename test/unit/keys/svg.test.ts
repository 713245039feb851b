import { describe, expect, it } from "vitest";
import { escapeXml, svgDataUrl } from "../../../src/keys/svg.ts";
import { xmlProblems } from "./xml-check.ts";

describe("escapeXml", () => {
	it("escapes markup and quote characters", () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
	});

	it("keeps plain and non-ASCII text as is", () => {
		expect(escapeXml("Émission 🎉 — 1.2k")).toBe("Émission 🎉 — 1.2k");
	});

	it("drops control characters XML cannot carry", () => {
		expect(escapeXml("a\u0000b\u001Bc\td")).toBe("abc\td");
	});

	it("replaces lone surrogates so the text stays encodable", () => {
		const out = escapeXml("x\uD800y");
		expect(out.isWellFormed()).toBe(true);
		expect(() => encodeURIComponent(out)).not.toThrow();
	});

	it("yields well-formed markup when put in text and attributes", () => {
		const hostile = `"><script>&x</script><'`;
		const doc = `<svg a="${escapeXml(hostile)}" b='${escapeXml(hostile)}'><text>${escapeXml(hostile)}</text></svg>`;
		expect(xmlProblems(doc)).toEqual([]);
	});
});

describe("svgDataUrl", () => {
	it("percent-encodes the SVG after the data:image/svg+xml, prefix", () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>#1 50%</text></svg>';
		const url = svgDataUrl(svg);
		expect(url.startsWith("data:image/svg+xml,")).toBe(true);
		expect(url).toBe(`data:image/svg+xml,${encodeURIComponent(svg)}`);
		expect(decodeURIComponent(url.slice("data:image/svg+xml,".length))).toBe(svg);
	});

	it("does not throw on a lone surrogate", () => {
		expect(() => svgDataUrl("<svg>\uDC00</svg>")).not.toThrow();
	});
});
