import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

// The sandbox's strict API v2 mode (`/v2`, issue 13), driven with plain fetch: JSON bodies, unknown fields and wrong
// types refused, scopes enforced per route, 201 on create, ISO 8601 dates, v2 error bodies.

const start = 1_700_000_000_000;
let clock = start;
let sb: Sandbox;

beforeEach(async () => {
	clock = start;
	sb = await startSandbox({ now: () => clock, tokenTtlSeconds: 600 });
});

afterEach(async () => {
	await sb.close();
});

type Json = Record<string, unknown>;
interface Reply {
	status: number;
	body: Json;
	headers: Headers;
}

async function send(method: string, path: string, token?: string, body?: unknown, contentType = "application/json"): Promise<Reply> {
	const headers: Record<string, string> = {};
	if (token) headers.Authorization = `Bearer ${token}`;
	if (body !== undefined) headers["Content-Type"] = contentType;
	const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
	const res = await fetch(`${sb.v2.apiUrl}${path}`, { method, headers, body: payload });
	return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

async function token(scope = "live.manage live.read", extra: Record<string, string> = {}): Promise<Reply> {
	const { apiKey, apiSecret } = sb.credentials.v2;
	const form = { grant_type: "client_credentials", client_id: apiKey, client_secret: apiSecret, scope, ...extra };
	const res = await fetch(sb.v2.tokenUrl, { method: "POST", body: new URLSearchParams(form) });
	return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

async function liveToken(scope?: string): Promise<string> {
	const reply = await token(scope);
	expect(reply.status).toBe(200);
	return reply.body.access_token as string;
}

const profilePath = () => `/profiles/${sb.credentials.v2.profileId}/livestreams`;
const createBody = { title: "V2 show", category: "music", visibility: "public", is_for_kids: false };

async function createLive(t: string, body: Json = createBody): Promise<Json> {
	const reply = await send("POST", profilePath(), t, body);
	expect(reply.status, JSON.stringify(reply.body)).toBe(201);
	return reply.body;
}

function errorCode(reply: Reply): string {
	return (reply.body.error as { code: string }).code;
}

describe("sandbox API v2: token", () => {
	it("issues client_credentials tokens with the asked scopes, reading expires_in; refuses the password grant and wrong keys", async () => {
		const ok = await token();
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "live.manage live.read" });

		const { apiKey, apiSecret } = sb.credentials.v2;
		const password = await token("live.read", { grant_type: "password", username: "u", password: "p" });
		expect(password.body).toMatchObject({ error: "unsupported_grant_type" });
		expect((await token("live.read", { client_secret: `${apiSecret}x` })).body).toMatchObject({ error: "invalid_client" });
		// The legacy partner key is not a v2 key.
		const legacy = await token("live.read", { client_id: sb.credentials.partner.apiKey, client_secret: sb.credentials.partner.apiSecret });
		expect(legacy.body).toMatchObject({ error: "invalid_client" });
		expect((await token("manage_videos")).body).toMatchObject({ error: "invalid_scope" });
		expect(apiKey).not.toBe(sb.credentials.partner.apiKey);
	});

	it("enforces scopes per route: a key without the live permission gets 403 MISSING_PERMISSIONS", async () => {
		const readOnly = await liveToken("live.read");
		const refused = await send("POST", profilePath(), readOnly, createBody);
		expect(refused.status).toBe(403);
		expect(refused.body.error).toMatchObject({ code: "MISSING_PERMISSIONS", details: { required_scope: "live.manage" } });
		expect(typeof (refused.body.error as Json).correlation_id).toBe("string");
		expect((await send("GET", profilePath(), readOnly)).status).toBe(200);
		// GET /me needs account.read, which the live token lacks.
		expect(errorCode(await send("GET", "/me", readOnly))).toBe("MISSING_PERMISSIONS");

		sb.setV2Permissions(["live.read"]);
		const narrowed = await token();
		expect(narrowed.body.scope).toBe("live.read");
		expect(errorCode(await send("POST", profilePath(), narrowed.body.access_token as string, createBody))).toBe("MISSING_PERMISSIONS");
	});

	it("answers 401 INVALID_TOKEN without a token, with an expired one, or with a legacy token", async () => {
		const noToken = await send("GET", profilePath());
		expect(noToken.status).toBe(401);
		expect(errorCode(noToken)).toBe("INVALID_TOKEN");
		expect(noToken.headers.get("www-authenticate")).toMatch(/invalid_token/);
		const t = await liveToken();
		clock += 601_000;
		expect((await send("GET", profilePath(), t)).status).toBe(401);

		const { apiKey, apiSecret } = sb.credentials.partner;
		const form = { grant_type: "client_credentials", client_id: apiKey, client_secret: apiSecret, scope: "manage_videos" };
		const legacy = (await (await fetch(sb.partner.tokenUrl, { method: "POST", body: new URLSearchParams(form) })).json()) as Json;
		expect((await send("GET", profilePath(), legacy.access_token as string)).status).toBe(401);
	});
});

describe("sandbox API v2: livestreams", () => {
	it("creates with 201, ISO dates and the ingest RTMP URL in the legacy shape; the live is in the shared store", async () => {
		const t = await liveToken();
		const live = await createLive(t);
		expect(live).toMatchObject({
			title: "V2 show",
			category: "music",
			visibility: "public",
			is_for_kids: false,
			profile_id: sb.credentials.v2.profileId,
			created_at: new Date(start).toISOString().replace(".000Z", "Z"),
			status: { onair: false, airing_at: null },
			advertising: { end_at: null, remaining: 24 },
		});
		const id = live.livestream_id as string;
		const record = sb.live(id)!;
		expect((live.ingest as Json).rtmp_url).toBe(record.publishUrl);
		expect(record.publishUrl).toMatch(new RegExp(`/${id}\\?auth=`));
		expect(record).toMatchObject({ channel: "music", private: false, isCreatedForKids: false, ownerId: sb.credentials.v2.profileId });
		expect(sb.requests.at(-1)).toMatchObject({ method: "POST", status: 201, json: createBody });
	});

	it("refuses unknown fields, wrong types, bad titles and non-JSON bodies with 400, creating nothing", async () => {
		const t = await liveToken();
		const bad: [Json, string][] = [
			[{ ...createBody, channel: "music" }, "channel"],
			[{ ...createBody, is_for_kids: "false" }, "is_for_kids"],
			[{ ...createBody, is_for_kids: 0 }, "is_for_kids"],
			[{ ...createBody, title: "" }, "title"],
			[{ ...createBody, title: "   " }, "title"],
			[{ ...createBody, title: "x".repeat(256) }, "title"],
			[{ ...createBody, title: 42 }, "title"],
			[{ ...createBody, visibility: "secret" }, "visibility"],
			[{ ...createBody, category: "nope" }, "category"],
			[{ title: "no category", visibility: "public", is_for_kids: false }, "category"],
		];
		for (const [body, field] of bad) {
			const reply = await send("POST", profilePath(), t, body);
			expect(reply.status, JSON.stringify(body)).toBe(400);
			expect(reply.body.error).toMatchObject({ code: "INVALID_PARAMETER", details: { field } });
		}
		expect((await send("POST", profilePath(), t, "{not json")).status).toBe(400);
		expect((await send("POST", profilePath(), t, "title=x", "application/x-www-form-urlencoded")).status).toBe(415);
		expect(await createLive(t, { ...createBody, title: "x".repeat(255) })).toMatchObject({ visibility: "public" });
		expect(sb.lives()).toHaveLength(1);
	});

	it("reads only the requested fields (dot notation), 404 RESOURCE_NOT_FOUND for unknown ids, 400 for unknown fields", async () => {
		const t = await liveToken();
		const id = (await createLive(t)).livestream_id as string;
		const fields = "livestream_id,title,status.onair,advertising.end_at,ingest.rtmp_url";
		const read = await send("GET", `/livestreams/${id}?fields=${fields}`, t);
		expect(read.status).toBe(200);
		expect(read.body).toEqual({
			livestream_id: id,
			title: "V2 show",
			status: { onair: false },
			advertising: { end_at: null },
			ingest: { rtmp_url: sb.live(id)!.publishUrl },
		});
		expect(errorCode(await send("GET", `/livestreams/${id}?fields=status.nope`, t))).toBe("INVALID_PARAMETER");
		const missing = await send("GET", "/livestreams/x0missing", t);
		expect(missing.status).toBe(404);
		expect(missing.body.error).toMatchObject({ code: "RESOURCE_NOT_FOUND", documentation_url: expect.any(String) });
	});

	it("lists newest first with page/page_size and the {data,page,page_size,total,next,previous} envelope", async () => {
		const t = await liveToken();
		const ids: string[] = [];
		for (const title of ["one", "two", "three"]) {
			ids.push((await createLive(t, { ...createBody, title })).livestream_id as string);
			clock += 1_000;
		}
		const first = await send("GET", `${profilePath()}?page=1&page_size=2&sort=-created_at&fields=livestream_id,title,created_at`, t);
		expect(first.body).toMatchObject({ page: 1, page_size: 2, total: 3, previous: null });
		expect((first.body.data as Json[]).map((l) => l.title)).toEqual(["three", "two"]);
		expect(first.body.next).toMatch(/page=2/);
		const second = await send("GET", `${profilePath()}?page=2&page_size=2`, t);
		expect(second.body).toMatchObject({ next: null, data: [{ livestream_id: ids[0] }] });
		expect(errorCode(await send("GET", `${profilePath()}?limit=2`, t))).toBe("INVALID_PARAMETER");
		const other = `/profiles/x0notmine/livestreams`;
		expect((await send("GET", other, t)).status).toBe(403);
	});

	it("PATCH changes only the sent fields, strictly typed", async () => {
		const t = await liveToken();
		const id = (await createLive(t)).livestream_id as string;
		const patched = await send("PATCH", `/livestreams/${id}`, t, { title: "Renamed", visibility: "private" });
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({ title: "Renamed", visibility: "private", category: "music" });
		expect(sb.live(id)).toMatchObject({ title: "Renamed", private: true, channel: "music" });
		for (const body of [{}, { private: true }, { is_for_kids: "yes" }, { title: null }]) {
			expect((await send("PATCH", `/livestreams/${id}`, t, body)).status, JSON.stringify(body)).toBe(400);
		}
		expect(sb.live(id)!.title).toBe("Renamed");
	});

	it("PATCH turns auto-record on with recording.auto_record (strict), and the recording object shows it", async () => {
		const t = await liveToken();
		const id = (await createLive(t)).livestream_id as string;
		for (const body of [{ recording: true }, { recording: {} }, { recording: { auto_record: "true" } }, { recording: { auto_record: true, status: "started" } }]) {
			expect((await send("PATCH", `/livestreams/${id}`, t, body)).status, JSON.stringify(body)).toBe(400);
		}
		expect(sb.live(id)!.autoRecord).toBe(false);
		const patched = await send("PATCH", `/livestreams/${id}?fields=recording.auto_record`, t, { recording: { auto_record: true } });
		expect(patched.body).toEqual({ recording: { auto_record: true } });
		sb.setOnAir(id, true);
		const read = await send("GET", `/livestreams/${id}?fields=recording`, t);
		expect(read.body).toEqual({ recording: { auto_record: true, status: "starting" } });
	});

	it("launches an ad break only while on air, with the legacy rules and hourly quota, ISO end_at", async () => {
		let t = await liveToken();
		const id = (await createLive(t)).livestream_id as string;
		const launch = () => send("POST", `/livestreams/${id}/advertising`, t, { count: 1 });
		expect(errorCode(await launch())).toBe("LIVESTREAM_NOT_ON_AIR");
		sb.setOnAir(id, true);
		const read = await send("GET", `/livestreams/${id}?fields=status.onair,status.airing_at`, t);
		expect(read.body).toEqual({ status: { onair: true, airing_at: new Date(start).toISOString().replace(".000Z", "Z") } });

		for (const body of [{ count: "1" }, { count: 1.5 }, { count: 2 }, { count: 1, extra: true }, {}]) {
			expect((await send("POST", `/livestreams/${id}/advertising`, t, body)).status, JSON.stringify(body)).toBe(400);
		}
		const ok = await launch();
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({
			livestream_id: id,
			advertising: { end_at: new Date(start + 35_000).toISOString().replace(".000Z", "Z"), remaining: 23 },
		});
		expect(errorCode(await launch())).toBe("AD_BREAK_RUNNING");
		for (let i = 0; i < 23; i++) {
			clock += 36_000;
			t = await liveToken(); // tokens last 600 s here
			expect((await launch()).status).toBe(200);
		}
		clock += 36_000;
		expect(errorCode(await launch())).toBe("AD_BREAK_QUOTA_REACHED");
		expect(sb.live(id)!.adBreakLaunches).toHaveLength(24);
	});

	it("GET /me lists the profiles the key manages; faults without a body answer in the v2 error format", async () => {
		const me = await send("GET", "/me", await liveToken("account.read"));
		expect(me.body).toEqual({
			user_id: expect.any(String),
			profiles: sb.credentials.v2.profiles.map((p) => ({ profile_id: p.profileId, name: p.name })),
		});
		sb.inject({ method: "GET", path: /\/v2\/livestreams\//, status: 503 });
		const t = await liveToken();
		const faulted = await send("GET", "/livestreams/x0any", t);
		expect(faulted.status).toBe(503);
		expect(errorCode(faulted)).toBe("SERVICE_UNAVAILABLE");
	});
});
