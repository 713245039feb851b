import { describe, expect, it } from "vitest";
import { Backoff, baseDelay } from "../../../src/obs/backoff.ts";

describe("obs backoff", () => {
	it("doubles from the initial delay up to the cap", () => {
		// Arrange
		const delays: number[] = [];
		// Act
		for (let attempt = 0; attempt < 8; attempt++) delays.push(baseDelay(attempt, 1000, 30_000));
		// Assert
		expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
	});

	it("returns the base delay when the random source sits in the middle", () => {
		const backoff = new Backoff({}, () => 0.5);
		expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([1000, 2000, 4000]);
	});

	it("stays within ±20 % of the base delay and never above the cap", () => {
		for (const r of [0, 0.25, 0.75, 0.999999]) {
			const backoff = new Backoff({}, () => r);
			for (let attempt = 0; attempt < 10; attempt++) {
				const base = baseDelay(attempt, 1000, 30_000);
				const delay = backoff.next();
				expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
				expect(delay).toBeLessThanOrEqual(Math.min(30_000, Math.ceil(base * 1.2)));
			}
		}
	});

	it("spreads retries apart with the default random source", () => {
		const first = new Set(Array.from({ length: 20 }, () => new Backoff().next()));
		expect(first.size).toBeGreaterThan(1);
	});

	it("starts over after reset", () => {
		const backoff = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0 });
		backoff.next();
		backoff.next();
		expect(backoff.attempt).toBe(2);
		backoff.reset();
		expect(backoff.next()).toBe(100);
	});

	it("honours custom initial, cap and jitter", () => {
		const backoff = new Backoff({ initialMs: 50, maxMs: 300, jitter: 0 });
		expect(Array.from({ length: 5 }, () => backoff.next())).toEqual([50, 100, 200, 300, 300]);
	});

	it("does not overflow after very many attempts", () => {
		expect(baseDelay(5000, 1000, 30_000)).toBe(30_000);
	});
});
