/** Video routes of the legacy API for lives (§8.4–§8.7, §8.10). */
import { applyLaunch, checkLaunch } from "./ad-breaks.ts";
import type { SandboxContext } from "./context.ts";
import { forbidden, invalidParameter, jsonResponse, videoNotFound, type SandboxResponse } from "./errors.ts";
import { parseFields, renderVideo } from "./fields.ts";
import {
	parseBoolean,
	parseChannel,
	parseDescription,
	parseIntParam,
	parseTags,
	parseTitle,
	rejectUnknown,
	requireFormBody,
	requireParams,
} from "./form.ts";
import type { LiveState, RecordTarget } from "./live-store.ts";
import type { SandboxRequest } from "./request.ts";
import type { Principal } from "./tokens.ts";

const createParams = ["mode", "published", "channel", "is_created_for_kids", "title", "private", "description", "tags", "live_auto_record"];
const editParams = [
	"title",
	"channel",
	"private",
	"is_created_for_kids",
	"live_ad_break",
	"live_ad_break_launch",
	"live_auto_record",
	"record_status",
	"description",
	"tags",
];

/** `POST /user/{id}/videos` (ownerId already resolved and checked). */
export function createLive(req: SandboxRequest, ctx: SandboxContext, ownerId: string): SandboxResponse {
	rejectUnknown(req.query, ["fields"], "query");
	const fields = parseFields(req.query.fields);
	requireFormBody(req.contentType, req.hasBody);
	const form = req.form;
	rejectUnknown(form, createParams, "form");
	requireParams(form, ["mode", "published", "channel", "is_created_for_kids"]);
	if (form.mode !== "live") invalidMode(form.mode!);
	const state = ctx.store.create({
		published: parseBoolean("published", form.published!),
		channel: parseChannel(form.channel!),
		isCreatedForKids: parseBoolean("is_created_for_kids", form.is_created_for_kids!),
		title: form.title === undefined ? "Untitled" : parseTitle(form.title),
		private: form.private === undefined ? false : parseBoolean("private", form.private),
		description: form.description === undefined ? "" : parseDescription(form.description),
		tags: form.tags === undefined ? [] : parseTags(form.tags),
		autoRecord: form.live_auto_record === undefined ? false : parseBoolean("live_auto_record", form.live_auto_record),
		ownerId,
	});
	return jsonResponse(200, renderVideo(state, fields, ctx.store));
}

/** `record_status=started|stopped` (the recording guide's two values), accepted only while the live is on air. */
function parseRecordTarget(value: string, state: LiveState): RecordTarget {
	if (value !== "started" && value !== "stopped") {
		throw invalidParameter("record_status", `The parameter "record_status" must be "started" or "stopped", not "${value}".`);
	}
	if (!state.onair) throw invalidParameter("record_status", "A live can only be recorded while it is on air.");
	return value;
}

function invalidMode(mode: string): never {
	throw invalidParameter("mode", `The sandbox only creates lives: "mode" must be "live", not "${mode}".`);
}

/** `GET /user/{id}/videos`: the owner's lives, newest first, in the list envelope. */
export function listLives(req: SandboxRequest, ctx: SandboxContext, ownerId: string): SandboxResponse {
	rejectUnknown(req.query, ["flags", "fields", "sort", "limit", "page"], "query");
	const fields = parseFields(req.query.fields);
	const limit = parseIntParam(req.query, "limit", 1, 100, 10);
	const page = parseIntParam(req.query, "page", 1, 100, 1);
	const sort = req.query.sort ?? "recent";
	if (sort !== "recent" && sort !== "old") {
		throw invalidParameter("sort", `The sandbox supports sort=recent or sort=old, not "${sort}".`);
	}
	let lives = ctx.store.all().filter((s) => s.ownerId === ownerId);
	for (const flag of (req.query.flags ?? "").split(",").filter(Boolean)) lives = lives.filter(flagFilter(flag));
	lives.sort((a, b) => b.createdTime - a.createdTime || b.seq - a.seq);
	if (sort === "old") lives.reverse();
	const list = lives.slice((page - 1) * limit, page * limit).map((s) => renderVideo(s, fields, ctx.store));
	return jsonResponse(200, { page, limit, explicit: false, total: lives.length, has_more: lives.length > page * limit, list });
}

function flagFilter(flag: string): (s: LiveState) => boolean {
	switch (flag) {
		case "live":
			return () => true;
		case "live_onair":
			return (s) => s.onair;
		case "live_offair":
			return (s) => !s.onair;
		case "private":
			return (s) => s.private;
		default:
			throw invalidParameter("flags", `The flag "${flag}" is not supported.`);
	}
}

/** `GET /video/{id}`. */
export function readVideo(req: SandboxRequest, ctx: SandboxContext, principal: Principal, id: string): SandboxResponse {
	rejectUnknown(req.query, ["fields"], "query");
	const fields = parseFields(req.query.fields);
	const state = find(ctx, id);
	if (state.ownerId !== principal.ownerId && (state.private || fields.includes("live_publish_url"))) {
		throw forbidden("Only the owner of this video can read these fields.");
	}
	return jsonResponse(200, renderVideo(state, fields, ctx.store));
}

/** `POST /video/{id}`: validates every field, checks an ad-break launch, then commits all at once. */
export function editVideo(req: SandboxRequest, ctx: SandboxContext, principal: Principal, id: string): SandboxResponse {
	rejectUnknown(req.query, ["fields"], "query");
	const fields = parseFields(req.query.fields);
	const state = ownedVideo(ctx, principal, id);
	requireFormBody(req.contentType, req.hasBody);
	const form = req.form;
	rejectUnknown(form, editParams, "form");
	const changes: Partial<LiveState> = {};
	if (form.title !== undefined) changes.title = parseTitle(form.title);
	if (form.channel !== undefined) changes.channel = parseChannel(form.channel);
	if (form.private !== undefined) changes.private = parseBoolean("private", form.private);
	if (form.is_created_for_kids !== undefined) {
		changes.isCreatedForKids = parseBoolean("is_created_for_kids", form.is_created_for_kids);
	}
	if (form.live_ad_break !== undefined) changes.adBreaksEnabled = parseBoolean("live_ad_break", form.live_ad_break);
	if (form.live_auto_record !== undefined) changes.autoRecord = parseBoolean("live_auto_record", form.live_auto_record);
	const record = form.record_status === undefined ? undefined : parseRecordTarget(form.record_status, state);
	if (form.description !== undefined) changes.description = parseDescription(form.description);
	if (form.tags !== undefined) changes.tags = parseTags(form.tags);
	const now = ctx.now();
	const launch = form.live_ad_break_launch;
	if (launch !== undefined) {
		if (launch !== "1") {
			throw invalidParameter("live_ad_break_launch", "The parameter \"live_ad_break_launch\" must be 1.");
		}
		checkLaunch(state, changes.adBreaksEnabled ?? state.adBreaksEnabled, now, ctx.store);
	}
	Object.assign(state, changes);
	if (launch !== undefined) applyLaunch(state, now);
	if (record !== undefined) ctx.store.setRecording(state, record);
	return jsonResponse(200, renderVideo(state, fields, ctx.store));
}

/** `DELETE /video/{id}`: an empty object means success. */
export function deleteVideo(req: SandboxRequest, ctx: SandboxContext, principal: Principal, id: string): SandboxResponse {
	rejectUnknown(req.query, [], "query");
	ownedVideo(ctx, principal, id);
	ctx.store.delete(id);
	return jsonResponse(200, {});
}

function find(ctx: SandboxContext, id: string): LiveState {
	const state = ctx.store.get(id);
	if (!state) throw videoNotFound(id);
	return state;
}

function ownedVideo(ctx: SandboxContext, principal: Principal, id: string): LiveState {
	const state = find(ctx, id);
	if (state.ownerId !== principal.ownerId) throw forbidden("You are not allowed to modify a video you do not own.");
	return state;
}
