/** The `fields` parameter (§3, §8.5): known names only, responses carry exactly what was asked. */
import { invalidParameter } from "./errors.ts";
import type { LiveState, LiveStore } from "./live-store.ts";

type Reader = (state: LiveState, store: LiveStore) => unknown;

const readers: Record<string, Reader> = {
	id: (s) => s.id,
	title: (s) => s.title,
	channel: (s) => s.channel,
	owner: (s) => s.ownerId,
	mode: () => "live",
	onair: (s) => s.onair,
	audience: (s, store) => store.audience(s),
	audience_total: (s, store) => store.audienceTotal(s),
	live_publish_url: (s, store) => store.publishUrl(s),
	live_airing_time: (s) => s.liveAiringTime,
	live_ad_break: (s) => s.adBreaksEnabled,
	live_ad_break_end_time: (s) => s.adBreakEndTime,
	live_ad_break_remaining: (s, store) => store.adBreakRemaining(s),
	live_auto_record: (s) => s.autoRecord,
	record_status: (s, store) => store.recordStatus(s),
	private: (s) => s.private,
	published: (s) => s.published,
	is_created_for_kids: (s) => s.isCreatedForKids,
	created_time: (s) => s.createdTime,
	status: (s) => (s.published ? "published" : "ready"),
	description: (s) => s.description,
	tags: (s) => [...s.tags],
};

/** Returned when no `fields` parameter is given. */
export const defaultFields: readonly string[] = ["id", "title", "channel", "owner"];

/** Parses `fields=a,b,c`; an unknown or empty name is a 400 invalid_parameter. */
export function parseFields(raw: string | undefined): string[] {
	if (raw === undefined) return [...defaultFields];
	const names = raw.split(",").map((n) => n.trim());
	for (const name of names) {
		if (!Object.hasOwn(readers, name)) {
			throw invalidParameter("fields", `The field "${name}" is not a known video field.`);
		}
	}
	return [...new Set(names)];
}

/** The item with exactly `fields`, in the requested order. */
export function renderVideo(state: LiveState, fields: readonly string[], store: LiveStore): Record<string, unknown> {
	const item: Record<string, unknown> = {};
	for (const name of fields) item[name] = readers[name]!(state, store);
	return item;
}
