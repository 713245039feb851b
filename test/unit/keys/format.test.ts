import { describe, expect, it } from "vitest";
import { formatClock, formatElapsed, isWide, titleLine, truncateTitle, wrapLines, wrapTitle } from "../../../src/keys/format.ts";
import { textWidthEm } from "../../../src/keys/layout.ts";

describe("formatClock (countdown)", () => {
	it.each([
		[34_000, "0:34"],
		[33_001, "0:34"],
		[65_000, "1:05"],
		[600_000, "10:00"],
		[599_001, "10:00"],
		[1, "0:01"],
		[0, "0:00"],
		[3_600_000, "1:00:00"],
		[3_723_000, "1:02:03"],
	])("shows %d ms as %s (rounded up to the second)", (ms, text) => {
		expect(formatClock(ms)).toBe(text);
	});

	it.each([-1, -60_000, Number.NaN, Number.NEGATIVE_INFINITY])("never shows a negative or invalid time (%d)", (ms) => {
		expect(formatClock(ms)).toBe("0:00");
	});
});

describe("formatElapsed", () => {
	it.each([
		[7_000, "0:07"],
		[7_999, "0:07"],
		[754_000, "12:34"],
		[3_723_000, "1:02:03"],
		[36_000_000, "10:00:00"],
		[999, "0:00"],
		[-5_000, "0:00"],
		[Number.NaN, "0:00"],
	])("shows %d ms as %s (rounded down)", (ms, text) => {
		expect(formatElapsed(ms)).toBe(text);
	});
});

describe("truncateTitle", () => {
	it("keeps short titles untouched", () => {
		expect(truncateTitle("My show")).toBe("My show");
	});

	it("cuts long titles to the limit with an ellipsis", () => {
		const out = truncateTitle("The very long Friday night live show", 12);
		expect(out).toBe("The very lo…");
		expect([...out]).toHaveLength(12);
	});

	it("defaults to two key-title lines of about ten characters", () => {
		expect([...truncateTitle("x".repeat(50))]).toHaveLength(20);
		expect(truncateTitle("y".repeat(20))).toBe("y".repeat(20));
	});

	it("collapses whitespace and newlines", () => {
		expect(truncateTitle("  a \n\t b  ")).toBe("a b");
	});

	it("does not split emoji", () => {
		const out = truncateTitle("🎉🎉🎉🎉🎉", 3);
		expect(out).toBe("🎉🎉…");
		expect(out.isWellFormed()).toBe(true);
	});

	it("does not leave a space before the ellipsis", () => {
		expect(truncateTitle("abcd efgh", 6)).toBe("abcd…");
	});
});

describe("wrapLines / wrapTitle", () => {
	it("breaks at spaces within the line width", () => {
		expect(wrapLines("Friday night show", 10, 2)).toEqual(["Friday", "night show"]);
	});

	it("cuts words longer than a line", () => {
		expect(wrapLines("abcdefghijklmnop", 10, 2)).toEqual(["abcdefghij", "klmnop"]);
	});

	it("ends the last kept line with an ellipsis when text is dropped", () => {
		const lines = wrapLines("one two three four five six seven", 9, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith("…")).toBe(true);
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(9);
	});

	it("returns no lines for blank text", () => {
		expect(wrapLines("   ")).toEqual([]);
	});

	it("joins title lines with a newline", () => {
		expect(wrapTitle("Friday night show")).toBe("Friday\nnight show");
	});
});

describe("wide (CJK) text", () => {
	it("counts a Chinese, Japanese or Korean character as two columns", () => {
		expect(wrapLines("金曜日の夜のライブ配信です", 10, 2)).toEqual(["金曜日の夜", "のライブ…"]);
		expect(truncateTitle("ライブ配信のテスト", 8)).toBe("ライブ…");
		expect(wrapLines("라이브 방송 시작", 10, 2)).toEqual(["라이브", "방송 시작"]);
	});

	it("tells wide characters from ASCII and other scripts (ASCII takes a fast path)", () => {
		for (const char of ["A", "z", "0", " ", "~"]) expect(isWide(char)).toBe(false);
		for (const char of ["é", "Ü", "ß", "—"]) expect(isWide(char)).toBe(false);
		for (const char of ["金", "ラ", "の", "라", "！", "、"]) expect(isWide(char)).toBe(true);
	});

	it("estimates ASCII, accented and wide letters alike by case and width", () => {
		expect(textWidthEm("EN DIRECT")).toBeCloseTo(8 * 0.73 + 0.28);
		expect(textWidthEm("ÉTÉ")).toBeCloseTo(textWidthEm("ETE"));
		expect(textWidthEm("übung")).toBeCloseTo(textWidthEm("ubung"));
		expect(textWidthEm("Mi 10:05")).toBeCloseTo(0.95 + 0.3 + 0.28 + 4 * 0.56 + 0.3);
		expect(textWidthEm("ライブ")).toBe(3);
	});
});

describe("titleLine", () => {
	it.each([
		["Login\nfailed", "Login failed"],
		["Kein API-\nSchlüssel", "Kein API-Schlüssel"],
		["ライブ\n未選択", "ライブ未選択"],
		["OBS\n未起動", "OBS 未起動"],
		["Go live", "Go live"],
	])("joins the lines of %j as %j", (title, line) => {
		expect(titleLine(title)).toBe(line);
	});
});
