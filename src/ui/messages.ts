/**
 * The messages between the property inspector and the plugin (shared by both sides: no DOM, no SDK here).
 * Requests go PI → plugin with `sendToPlugin`; each answer comes back with `sendToPropertyInspector`, carrying the
 * same `requestId`. Answers never contain secrets.
 */

/** Every request event the plugin answers. */
export const REQUEST_EVENTS = ["testConnection", "testObs", "channels", "profiles", "lives", "getLive", "editLive"] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/** The live fields the inspector may edit. */
export interface LiveEdit {
	title?: string;
	channel?: string;
	private?: boolean;
}

/** PI → plugin. `liveId` names the live to read or edit (the current live as the PI sees it). */
export type InspectorRequest =
	| { event: "testConnection" | "testObs" | "channels" | "profiles" | "lives"; requestId: string }
	| { event: "getLive"; requestId: string; liveId: string }
	| { event: "editLive"; requestId: string; liveId: string; changes: LiveEdit };

/** A dropdown entry. */
export interface Option {
	value: string;
	label: string;
}

/** One of the profile's lives, as the picker lists it (`createdTime` in UNIX seconds). */
export interface LiveItem {
	id: string;
	title: string;
	onair: boolean;
	createdTime: number | null;
}

/** The editable view of a live; `private` is null when the API did not report it. */
export interface LiveView {
	id: string;
	title: string;
	channel: string;
	private: boolean | null;
	onair: boolean;
}

/** The data each successful answer carries, by event. */
export interface AnswerData {
	/** `api` says which API answered ("legacy" or "v2"). */
	testConnection: { api: string; mode: string; profileId: string | null; scope: string };
	testObs: { obsVersion: string; wsVersion: string };
	channels: { items: Option[] };
	/** API v2: the profiles the key may manage (`GET /me`). */
	profiles: { items: Option[] };
	lives: { items: LiveItem[] };
	getLive: { live: LiveView };
	editLive: { live: LiveView; changed: string[] };
}

/** Plugin → PI: the answer to one request. `error` is a user-facing sentence (never a secret). */
export type InspectorAnswer = {
	[E in RequestEvent]:
		| ({ event: E; requestId: string; ok: true } & AnswerData[E])
		| { event: E; requestId: string; ok: false; error: string };
}[RequestEvent];

/** A successful answer for event `E`. */
export type OkAnswer<E extends RequestEvent> = Extract<InspectorAnswer, { event: E; ok: true }>;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRequestEvent(value: unknown): value is RequestEvent {
	return typeof value === "string" && (REQUEST_EVENTS as readonly string[]).includes(value);
}

/** True for a {@link LiveEdit} with only known, well-typed fields. */
export function isLiveEdit(value: unknown): value is LiveEdit {
	if (!isObject(value)) return false;
	for (const [key, v] of Object.entries(value)) {
		if (key === "title" || key === "channel") {
			if (typeof v !== "string") return false;
		} else if (key === "private") {
			if (typeof v !== "boolean") return false;
		} else return false;
	}
	return true;
}

/** Narrows a `sendToPlugin` payload to a request the plugin answers. */
export function isInspectorRequest(value: unknown): value is InspectorRequest {
	if (!isObject(value) || !isRequestEvent(value.event)) return false;
	if (typeof value.requestId !== "string" || value.requestId === "") return false;
	if (value.event === "getLive" || value.event === "editLive") {
		if (typeof value.liveId !== "string" || value.liveId === "") return false;
	}
	return value.event !== "editLive" || isLiveEdit(value.changes);
}

/** Narrows a `sendToPropertyInspector` payload to an answer (the shape of `ok` answers is trusted). */
export function isInspectorAnswer(value: unknown): value is InspectorAnswer {
	if (!isObject(value) || !isRequestEvent(value.event) || typeof value.requestId !== "string") return false;
	if (value.ok === true) return true;
	return value.ok === false && typeof value.error === "string";
}
