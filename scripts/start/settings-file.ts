/**
 * Settings of the virtual deck between runs: global settings per API mode (sandbox credentials are new on every
 * run, real credentials must not leak into sandbox runs and back) and action settings per slot. The file holds
 * secrets like the Stream Deck app's own store does, so it is written owner-only and lives outside tracked files.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type ApiTarget = "sandbox" | "real-api";

export interface SavedSettings {
	global: Partial<Record<ApiTarget, Record<string, unknown>>>;
	/** Action settings by slot id. */
	keys: Record<string, Record<string, unknown>>;
}

/** Reads the file; a missing or unreadable file is an empty start (with a reason to show). */
export function loadSettings(file: string): { settings: SavedSettings; problem?: string } {
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		return { settings: emptySettings() };
	}
	try {
		const json = JSON.parse(text) as Partial<SavedSettings>;
		return { settings: { global: isRecord(json.global) ? json.global : {}, keys: isRecord(json.keys) ? pickRecords(json.keys) : {} } };
	} catch (err) {
		return { settings: emptySettings(), problem: `${file} is not valid JSON (${(err as Error).message}); starting with defaults` };
	}
}

/** Writes atomically (temp file + rename), owner-only. */
export function saveSettings(file: string, settings: SavedSettings): void {
	mkdirSync(dirname(file), { recursive: true });
	const temp = `${file}.${process.pid}.tmp`;
	writeFileSync(temp, `${JSON.stringify(settings, null, "\t")}\n`, { mode: 0o600 });
	renameSync(temp, file);
}

function emptySettings(): SavedSettings {
	return { global: {}, keys: {} };
}

function isRecord(value: unknown): value is Record<string, Record<string, unknown>> {
	return value !== null && typeof value === "object" && !Array.isArray(value);
}

function pickRecords(value: Record<string, unknown>): Record<string, Record<string, unknown>> {
	return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1])));
}
