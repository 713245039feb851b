import { describe, expect, it } from "vitest";
import { xmlProblems } from "./xml-check.ts";

// The checker guards every renderer test, so it must itself reject broken markup.
describe("xmlProblems (test helper)", () => {
	it("accepts a well-formed document", () => {
		expect(xmlProblems('<svg a="1"><g><text x="1">a &amp; b</text></g><rect/></svg>')).toEqual([]);
	});

	it.each([
		["an unclosed tag", "<svg><g></svg>"],
		["a raw < in text", "<svg><text>a < b</text></svg>"],
		["a stray & in text", "<svg><text>a & b</text></svg>"],
		["a quote breaking an attribute", '<svg><text x="a"b">t</text></svg>'],
		["a duplicate attribute", '<svg a="1" a="2"></svg>'],
		["two roots", "<svg></svg><svg></svg>"],
		["an unquoted attribute", "<svg a=1></svg>"],
	])("rejects %s", (_name, xml) => {
		expect(xmlProblems(xml)).not.toEqual([]);
	});
});
