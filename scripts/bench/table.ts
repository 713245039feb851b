/** Prints the bench figures as a markdown table (pasteable into the README). */
import { judged, median, met, type Figure } from "./figure.ts";

function fmt(value: number): string {
	if (!Number.isFinite(value)) return "–";
	if (Number.isInteger(value)) return String(value);
	return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function measured(f: Figure): string {
	if (f.samples.length === 0) return "skipped";
	const m = `${fmt(median(f.samples))} ${f.unit}`;
	if (f.samples.length === 1) return m;
	return `${m} (${fmt(Math.min(...f.samples))}–${fmt(Math.max(...f.samples))}, n=${f.samples.length})`;
}

function ratio(f: Figure): string {
	const value = judged(f);
	if (Number.isNaN(value)) return "–";
	if (f.floor !== undefined) return `${fmt(value / f.floor)}× floor`;
	if (!Number.isFinite(f.target.value)) return "";
	if (f.target.value === 0) return value === 0 ? "0" : `+${fmt(value)}`;
	return `${fmt(value / f.target.value)}×${f.judge === "max" ? " (max)" : ""}`;
}

function status(f: Figure): string {
	if (!Number.isFinite(f.target.value)) return ""; // informational row
	const ok = met(f);
	return ok === undefined ? "–" : ok ? "ok" : "MISSED";
}

/** The table, then one line per note. */
export function renderTable(figures: readonly Figure[]): string {
	const rows = figures.map((f, i) => {
		const name = f.note ? `${f.name} [${noteIndex(figures, i)}]` : f.name;
		return [name, measured(f), f.target.text, ratio(f), status(f)];
	});
	const header = ["figure", "measured: median (min–max, n)", "target", "ratio to target", ""];
	const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
	const notes = figures.filter((f) => f.note).map((f, i) => `[${i + 1}] ${f.note}`);
	return [...lines, ...(notes.length ? ["", ...notes] : [])].join("\n");
}

function noteIndex(figures: readonly Figure[], index: number): number {
	return figures.slice(0, index + 1).filter((f) => f.note).length;
}
