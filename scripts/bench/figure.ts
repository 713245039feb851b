/** One row of the bench table: samples of a figure and the target it is judged against. */
export interface Figure {
	name: string;
	/** Raw samples (one per run, tick, interval …); empty when the figure was skipped. */
	samples: number[];
	unit: string;
	/** The target as a number in `unit` (the ratio's denominator) and as printed. */
	target: { value: number; text: string };
	/**
	 * Which statistic is judged: "median" for latencies, "max" when every sample must meet the target
	 * (countdown ticks, requests). Default "median".
	 */
	judge?: "median" | "max";
	/** A measured floor the target derives from (start-up: the bare plugin); the ratio is then taken to it. */
	floor?: number;
	/** Why the figure was skipped, or anything the reader needs next to the numbers. */
	note?: string;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The statistic the figure is judged on (NaN when there are no samples). */
export function judged(figure: Figure): number {
	if (figure.samples.length === 0) return Number.NaN;
	return figure.judge === "max" ? Math.max(...figure.samples) : median(figure.samples);
}

/** True when the judged statistic meets the target (undefined when skipped). */
export function met(figure: Figure): boolean | undefined {
	const value = judged(figure);
	return Number.isNaN(value) ? undefined : value <= figure.target.value;
}

export function skipped(name: string, unit: string, target: Figure["target"], note: string): Figure {
	return { name, samples: [], unit, target, note };
}
