/** A livestream as API v2 shows it (ISO 8601 dates), and `fields` selection with dot notation (`status.onair`). */
import type { LiveState, LiveStore } from "../live-store.ts";
import { invalidParameter } from "./errors.ts";

/** UNIX seconds → ISO 8601 without milliseconds (`2026-07-06T09:23:38Z`), null stays null. */
export function iso(unixSeconds: number | null): string | null {
	return unixSeconds === null ? null : new Date(unixSeconds * 1000).toISOString().replace(".000Z", "Z");
}

/** The full resource (returned by create, patch, and reads without `fields`). */
export function livestream(state: LiveState, store: LiveStore): Record<string, unknown> {
	const rtmpUrl = store.publishUrl(state);
	const host = /^rtmps?:\/\/([^/:]+)/.exec(rtmpUrl)?.[1] ?? "127.0.0.1";
	return {
		livestream_id: state.id,
		profile_id: state.ownerId,
		title: state.title,
		description: state.description,
		category: state.channel,
		visibility: state.private ? "private" : "public",
		is_for_kids: state.isCreatedForKids,
		created_at: iso(state.createdTime),
		status: { onair: state.onair, airing_at: iso(state.liveAiringTime) },
		ingest: {
			rtmp_url: rtmpUrl,
			srt_url: `srt://${host}:9710?streamid=publish:${state.id}&auth=${state.publishToken}`,
			available_servers: [{ name: "Default", host }],
		},
		advertising: { end_at: iso(state.adBreakEndTime), remaining: store.adBreakRemaining(state) },
		recording: { auto_record: state.autoRecord, status: store.recordStatus(state) },
	};
}

/** Parses `fields=a,b.c`: each name must exist in `sample` (top-level or one level down). */
export function parseFields(raw: string | undefined, sample: Record<string, unknown>): string[] | undefined {
	if (raw === undefined) return undefined;
	const names = raw.split(",").map((n) => n.trim());
	for (const name of names) {
		const [top, sub, extra] = name.split(".");
		const parent = sample[top!];
		const known =
			extra === undefined &&
			Object.hasOwn(sample, top!) &&
			(sub === undefined || (typeof parent === "object" && parent !== null && !Array.isArray(parent) && Object.hasOwn(parent, sub)));
		if (!known) throw invalidParameter("fields", `"${name}" is not a known livestream field.`);
	}
	return [...new Set(names)];
}

/** The resource with only `fields` (dotted names keep their parent object, with just those sub-fields). */
export function select(full: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
	if (!fields) return full;
	const out: Record<string, unknown> = {};
	for (const name of fields) {
		const [top, sub] = name.split(".") as [string, string | undefined];
		if (sub === undefined) {
			out[top] = full[top];
			continue;
		}
		const parent = (out[top] ??= {}) as Record<string, unknown>;
		parent[sub] = (full[top] as Record<string, unknown>)[sub];
	}
	return out;
}
