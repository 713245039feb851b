import type { Messages } from "../i18n/messages.js";
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
export function liveOptions(
	lives: readonly LiveItem[],
	liveId: string,
	now: Date,
	m: Messages,
): { options: Option[]; selected: string } {
	const sorted = newestFirst(lives);
	const newest = sorted[0];
	const options: Option[] = [
		{ value: LATEST, label: newest ? m.t("pi.live.latest", { title: newest.title || newest.id }) : m.t("pi.live.latestNone") },
		...sorted.map((live) => ({ value: live.id, label: liveLabel(live, now, m) })),
	];
	if (liveId && !sorted.some((l) => l.id === liveId)) options.push({ value: liveId, label: m.t("pi.live.notListed", { id: liveId }) });
	const selected = !liveId || liveId === newest?.id ? LATEST : liveId;
	return { options, selected };
}

/** The live id to store for a picker value (`LATEST` → the newest live). Undefined when there is none. */
export function liveIdFor(value: string, lives: readonly LiveItem[]): string | undefined {
	if (value !== LATEST) return value;
	return newestFirst(lives)[0]?.id;
}

function liveLabel(live: LiveItem, now: Date, m: Messages): string {
	const parts = [live.title || live.id];
	if (live.onair) parts.push(m.t("pi.live.onAir"));
	else if (live.createdTime !== null) parts.push(shortDate(new Date(live.createdTime * 1000), now, m.locale));
	return parts.join(" · ");
}

/** The time today ("14:05"), else the day in the language's short form ("Nov 28", "28 nov.", "11月28日"). */
function shortDate(at: Date, now: Date, locale: string): string {
	if (at.toDateString() === now.toDateString()) return at.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
	return at.toLocaleDateString(locale, { month: "short", day: "numeric" });
}
