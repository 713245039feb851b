import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SecondTicker } from "../../../src/live/second-ticker.ts";

describe("second ticker", () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(1_800_000_000_400); // 400 ms past a second
	});
	afterEach(() => vi.useRealTimers());

	it("fires just after each wall-clock second while someone listens", () => {
		const ticker = new SecondTicker();
		const at: number[] = [];
		ticker.subscribe(() => at.push(Date.now() % 1000));
		vi.advanceTimersByTime(3_000);
		expect(at).toEqual([SecondTicker.SLACK_MS, SecondTicker.SLACK_MS, SecondTicker.SLACK_MS]);
	});

	it("uses one timer for many listeners and stops when the last one leaves", () => {
		const ticker = new SecondTicker();
		const a = vi.fn();
		const b = vi.fn();
		const offA = ticker.subscribe(a);
		const offB = ticker.subscribe(b);
		vi.advanceTimersByTime(1_000);
		expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
		offA();
		offB();
		expect(ticker.running).toBe(false);
		expect(vi.getTimerCount()).toBe(0);
	});

	it("lets a listener unsubscribe itself during a tick", () => {
		const ticker = new SecondTicker();
		const calls: string[] = [];
		const off = ticker.subscribe(() => {
			calls.push("once");
			off();
		});
		vi.advanceTimersByTime(5_000);
		expect(calls).toEqual(["once"]);
		expect(ticker.running).toBe(false);
	});
});
