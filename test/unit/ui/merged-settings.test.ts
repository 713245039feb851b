import { afterEach, describe, expect, it, vi } from "vitest";
import { debounce, MergedSettings, type Settings } from "../../../src/ui/merged-settings.ts";

describe("inspector settings merging", () => {
	it("writes nothing before the host's object arrived, then the patch merged into it", () => {
		const written: Settings[] = [];
		const global = new MergedSettings((s) => written.push(s));
		global.patch({ apiKey: "k" });
		expect(written).toEqual([]);
		expect(global.current).toEqual({ apiKey: "k" });

		global.receive({ apiKey: "old", liveId: "x1" });
		expect(written).toEqual([{ apiKey: "k", liveId: "x1" }]);
	});

	it("merges each edit into the latest received object, so the plugin's liveId is never overwritten", () => {
		const written: Settings[] = [];
		const global = new MergedSettings((s) => written.push(s));
		global.receive({ apiKey: "k", liveId: "x1" });
		global.patch({ obsPassword: "p" });
		global.receive({ apiKey: "k", obsPassword: "p", liveId: "x2" }); // the plugin created a live
		global.patch({ apiSecret: "s" });
		expect(written.at(-1)).toEqual({ apiKey: "k", obsPassword: "p", liveId: "x2", apiSecret: "s" });
	});

	it("starts from the action's settings when they are known up front", () => {
		const written: Settings[] = [];
		const action = new MergedSettings((s) => written.push(s), { title: "T" });
		action.patch({ channel: "news" });
		expect(written).toEqual([{ title: "T", channel: "news" }]);
	});
});

describe("debounce", () => {
	afterEach(() => vi.useRealTimers());

	it("runs once with the last arguments after the pause, or at once on flush", () => {
		vi.useFakeTimers();
		const calls: string[] = [];
		const save = debounce((v: string) => calls.push(v), 200);
		save("a");
		save("ab");
		expect(save.pending).toBe(true);
		vi.advanceTimersByTime(199);
		expect(calls).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(calls).toEqual(["ab"]);
		save("abc");
		save.flush();
		save.flush();
		expect(calls).toEqual(["ab", "abc"]);
		expect(save.pending).toBe(false);
	});
});
