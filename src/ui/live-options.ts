import type { LiveItem, Option } from "./messages.js";

/** The picker's value for "the newest live of the profile", which is what Create Live last made current. */
export const LATEST = "latest";

/** The lives, newest first (lives without a creation time last, in the API's order). */
export function newestFirst(lives: readonly LiveItem[]): LiveItem[] {
	return [...lives].sort((a, b) => (b.createdTime ?? -Infinity) - (a.createdTime ?? -Infinity));
}

/**
 * The current-live picker: "Latest created" first, then every live newest first, plus the stored `liveId` when the
 * list does not contain it (deleted, or beyond the list), so the picker never pretends another live is current.
 */
export function liveOptions(lives: readonly LiveItem[], liveId: string, now: Date): { options: Option[]; selected: string } {
	const sorted = newestFirst(lives);
	const newest = sorted[0];
	const options: Option[] = [
		{ value: LATEST, label: newest ? `Latest created: ${newest.title || newest.id}` : "Latest created (none yet)" },
		...sorted.map((live) => ({ value: live.id, label: liveLabel(live, now) })),
	];
	if (liveId && !sorted.some((l) => l.id === liveId)) options.push({ value: liveId, label: `${liveId} (not in the list)` });
	const selected = !liveId || liveId === newest?.id ? LATEST : liveId;
	return { options, selected };
}

/** The live id to store for a picker value (`LATEST` → the newest live). Undefined when there is none. */
export function liveIdFor(value: string, lives: readonly LiveItem[]): string | undefined {
	if (value !== LATEST) return value;
	return newestFirst(lives)[0]?.id;
}

function liveLabel(live: LiveItem, now: Date): string {
	const parts = [live.title || live.id];
	if (live.onair) parts.push("ON AIR");
	else if (live.createdTime !== null) parts.push(shortDate(new Date(live.createdTime * 1000), now));
	return parts.join(" · ");
}

/** "14:05" today, else "Nov 28". */
function shortDate(at: Date, now: Date): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	if (at.toDateString() === now.toDateString()) return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
	return at.toLocaleDateString("en", { month: "short", day: "numeric" });
}
