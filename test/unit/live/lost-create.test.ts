import { describe, expect, it } from "vitest";
import type { LiveSummary } from "../../../src/dailymotion/index.ts";
import { CREATED_SLACK_S, findCreated } from "../../../src/live/lost-create.ts";

const sentAt = 1_800_000_000_000;
const at = (offsetS: number) => sentAt / 1000 + offsetS;
const live = (id: string, title: string, createdTime: number | null): LiveSummary => ({ id, title, onair: false, createdTime });
const lost = (known: string[] = []) => ({ input: { title: "Show", channel: "news", forKids: false, private: false }, sentAt, known: new Set(known) });

describe("finding the live a lost create made", () => {
	it("picks the newest live with the same title created since the press", () => {
		const lives = [live("x3", "Show", at(2)), live("x2", "Show", at(1)), live("x1", "Other", at(3))];
		expect(findCreated(lives, lost())?.id).toBe("x3");
	});

	it("never adopts a live the plugin already knows, an older one, or one without a creation time", () => {
		const lives = [live("x3", "Show", at(2)), live("x2", "Show", at(-CREATED_SLACK_S - 1)), live("x4", "Show", null)];
		expect(findCreated(lives, lost(["x3"]))).toBeUndefined();
	});

	it("tolerates a server clock a little behind ours", () => {
		expect(findCreated([live("x5", "Show", at(-30))], lost())?.id).toBe("x5");
	});
});
