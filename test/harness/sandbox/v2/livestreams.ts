/** The livestream routes of API v2 (create 201, read, list, PATCH, ad break) on the store shared with the legacy API. */
import { applyLaunch } from "../ad-breaks.ts";
import type { SandboxContext } from "../context.ts";
import { jsonResponse, type SandboxResponse } from "../errors.ts";
import { seconds, type LiveState } from "../live-store.ts";
import type { SandboxRequest } from "../request.ts";
import { category, checkBody, checkQuery, description, intParam, jsonObject, positiveInteger, recordingOptions, strictBoolean, title, visibility, type Rule } from "./body.ts";
import { invalidParameter, V2Error } from "./errors.ts";
import { iso, livestream, parseFields, select } from "./resource.ts";

const writable: Record<string, Rule> = { title, category, visibility, is_for_kids: strictBoolean, description };

/** The resource with the request's `fields` (all of it without). */
function render(req: SandboxRequest, ctx: SandboxContext, state: LiveState): Record<string, unknown> {
	const full = livestream(state, ctx.store);
	return select(full, parseFields(req.query.fields, full));
}

/** `POST /profiles/{profile_id}/livestreams` → 201. */
export function createLivestream(req: SandboxRequest, ctx: SandboxContext, profileId: string): SandboxResponse {
	checkQuery(req.query, ["fields"]);
	const body = checkBody(jsonObject(req), writable, ["title", "category", "visibility", "is_for_kids"]);
	const state = ctx.store.create({
		title: body.title as string,
		channel: body.category as string,
		published: true,
		private: body.visibility === "private",
		isCreatedForKids: body.is_for_kids as boolean,
		description: (body.description as string | undefined) ?? "",
		tags: [],
		ownerId: profileId,
	});
	return jsonResponse(201, render(req, ctx, state));
}

/** `GET /livestreams/{id}`. */
export function readLivestream(req: SandboxRequest, ctx: SandboxContext, state: LiveState): SandboxResponse {
	checkQuery(req.query, ["fields"]);
	return jsonResponse(200, render(req, ctx, state));
}

/** What a PATCH may change besides the create fields: `recording.auto_record` (v2's recording guide). */
const patchable: Record<string, Rule> = { ...writable, recording: recordingOptions };

/** `PATCH /livestreams/{id}`: only the fields sent change; all are checked before any is applied. */
export function patchLivestream(req: SandboxRequest, ctx: SandboxContext, state: LiveState): SandboxResponse {
	checkQuery(req.query, ["fields"]);
	const body = checkBody(jsonObject(req), patchable);
	if (Object.keys(body).length === 0) throw invalidParameter("body", "Send at least one field to change.");
	if (body.title !== undefined) state.title = body.title as string;
	if (body.category !== undefined) state.channel = body.category as string;
	if (body.visibility !== undefined) state.private = body.visibility === "private";
	if (body.is_for_kids !== undefined) state.isCreatedForKids = body.is_for_kids as boolean;
	if (body.description !== undefined) state.description = body.description as string;
	if (body.recording !== undefined) state.autoRecord = body.recording as boolean;
	return jsonResponse(200, render(req, ctx, state));
}

/** `GET /profiles/{profile_id}/livestreams`: newest first by default, v2 envelope with `next`/`previous` URLs. */
export function listLivestreams(req: SandboxRequest, ctx: SandboxContext, profileId: string): SandboxResponse {
	checkQuery(req.query, ["page", "page_size", "sort", "fields", "status"]);
	const page = intParam(req.query, "page", 1, 1000, 1);
	const pageSize = intParam(req.query, "page_size", 1, 100, 10);
	const sort = req.query.sort ?? "-created_at";
	if (sort !== "-created_at" && sort !== "created_at") throw invalidParameter("sort", 'sort must be "-created_at" or "created_at".');
	const status = req.query.status;
	if (status !== undefined && status !== "onair" && status !== "offair") throw invalidParameter("status", 'status must be "onair" or "offair".');
	let lives = ctx.store.all().filter((s) => s.ownerId === profileId);
	if (status) lives = lives.filter((s) => s.onair === (status === "onair"));
	lives.sort((a, b) => b.createdTime - a.createdTime || b.seq - a.seq);
	if (sort === "created_at") lives.reverse();
	const data = lives.slice((page - 1) * pageSize, page * pageSize).map((s) => render(req, ctx, s));
	const link = (n: number) => `${req.path}?${new URLSearchParams({ ...req.query, page: String(n), page_size: String(pageSize) })}`;
	return jsonResponse(200, {
		data,
		page,
		page_size: pageSize,
		total: lives.length,
		next: lives.length > page * pageSize ? link(page + 1) : null,
		previous: page > 1 ? link(page - 1) : null,
	});
}

/**
 * `POST /livestreams/{id}/advertising` `{"count":1}`: the rules and quota of the legacy launch (§8.8, in that order),
 * with v2 error codes (sandbox choices: the real codes are undocumented).
 */
export function launchAdvertising(req: SandboxRequest, ctx: SandboxContext, state: LiveState): SandboxResponse {
	checkQuery(req.query, []);
	const body = checkBody(jsonObject(req), { count: positiveInteger }, ["count"]);
	if (body.count !== 1) throw invalidParameter("count", "The sandbox launches one commercial at a time: count must be 1.");
	const now = ctx.now();
	if (!state.onair) throw new V2Error(400, "LIVESTREAM_NOT_ON_AIR", "An ad break can only be launched while the livestream is on air.");
	if (!state.adBreaksEnabled) throw new V2Error(403, "ADVERTISING_DISABLED", "Ad breaks are disabled for this livestream.");
	if (state.adBreakEndTime !== null && seconds(now) < state.adBreakEndTime) {
		throw new V2Error(400, "AD_BREAK_RUNNING", "An ad break is already running, wait until it ends.", { end_at: iso(state.adBreakEndTime) });
	}
	if (ctx.store.adBreakRemaining(state) <= 0) throw new V2Error(400, "AD_BREAK_QUOTA_REACHED", "The hourly quota of ad breaks is reached.");
	applyLaunch(state, now);
	return jsonResponse(200, {
		livestream_id: state.id,
		advertising: { end_at: iso(state.adBreakEndTime), remaining: ctx.store.adBreakRemaining(state) },
	});
}
