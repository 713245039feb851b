import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

// The sandbox is a contract double (dailymotion-api.md §8): these tests drive it with plain fetch.

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

async function post(url: string, form: Record<string, string>, token?: string): Promise<Reply> {
	const headers: Record<string, string> = {};
	if (token) headers.Authorization = `Bearer ${token}`;
	const res = await fetch(url, { method: "POST", headers, body: new URLSearchParams(form) });
	return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

async function call(url: string, token?: string, method = "GET"): Promise<Reply> {
	const res = await fetch(url, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
	return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

function partnerGrant(): Record<string, string> {
	const { apiKey, apiSecret } = sb.credentials.partner;
	return { grant_type: "client_credentials", client_id: apiKey, client_secret: apiSecret, scope: "manage_videos" };
}

function passwordGrant(): Record<string, string> {
	const { apiKey, apiSecret, username, password } = sb.credentials.user;
	return { grant_type: "password", client_id: apiKey, client_secret: apiSecret, username, password, scope: "manage_videos" };
}

async function partnerToken(): Promise<string> {
	const reply = await post(sb.partner.tokenUrl, partnerGrant());
	expect(reply.status).toBe(200);
	return reply.body.access_token as string;
}

async function userToken(): Promise<string> {
	const reply = await post(sb.user.tokenUrl, passwordGrant());
	expect(reply.status).toBe(200);
	return reply.body.access_token as string;
}

const liveForm = { mode: "live", published: "true", channel: "videogames", is_created_for_kids: "false" };

function videosUrl(fields?: string): string {
	const base = `${sb.partner.apiUrl}/user/${sb.credentials.partner.profileId}/videos`;
	return fields ? `${base}?fields=${fields}` : base;
}

async function createLive(token: string, extra: Record<string, string> = {}): Promise<string> {
	const reply = await post(videosUrl("id"), { ...liveForm, ...extra }, token);
	expect(reply.status).toBe(200);
	return reply.body.id as string;
}

function errorOf(reply: Reply): { code: number; type: string; message: string; error_data?: Json } {
	return reply.body.error as { code: number; type: string; message: string; error_data?: Json };
}

describe("partner token endpoint", () => {
	it("issues a bearer token for client_credentials with manage_videos and no refresh token", async () => {
		const reply = await post(sb.partner.tokenUrl, partnerGrant());

		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			access_token: expect.any(String),
			token_type: "Bearer",
			expires_in: 600,
			scope: "manage_videos",
		});
	});

	it("rejects a wrong secret with invalid_client", async () => {
		const reply = await post(sb.partner.tokenUrl, { ...partnerGrant(), client_secret: "nope" });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("invalid_client");
		expect(reply.body.error_description).toEqual(expect.any(String));
	});

	it("rejects the password grant with unsupported_grant_type", async () => {
		const { apiKey, apiSecret } = sb.credentials.partner;
		const reply = await post(sb.partner.tokenUrl, { ...passwordGrant(), client_id: apiKey, client_secret: apiSecret });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("unsupported_grant_type");
	});

	it("requires the manage_videos scope", async () => {
		const noScope = partnerGrant();
		delete noScope.scope;

		const reply = await post(sb.partner.tokenUrl, noScope);

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("invalid_scope");
	});

	it("refuses a JSON body", async () => {
		const res = await fetch(sb.partner.tokenUrl, {
			method: "POST",
			headers: { "Content-Type": "application/json" },
			body: JSON.stringify(partnerGrant()),
		});

		expect(res.status).toBe(400);
		expect(((await res.json()) as Json).error).toBe("invalid_request");
	});

	it("does not accept the user's public key", async () => {
		const { apiKey, apiSecret } = sb.credentials.user;
		const reply = await post(sb.partner.tokenUrl, { ...partnerGrant(), client_id: apiKey, client_secret: apiSecret });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("invalid_client");
	});
});

describe("user token endpoint", () => {
	it("issues access and refresh tokens plus the uid for the password grant", async () => {
		const reply = await post(sb.user.tokenUrl, passwordGrant());

		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "manage_videos" });
		expect(reply.body.refresh_token).toEqual(expect.any(String));
		expect(reply.body.uid).toBe(sb.credentials.user.uid);
	});

	it("rejects a wrong password with invalid_grant", async () => {
		const reply = await post(sb.user.tokenUrl, { ...passwordGrant(), password: "wrong" });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("invalid_grant");
	});

	it("rejects client_credentials with unsupported_grant_type", async () => {
		const { apiKey, apiSecret } = sb.credentials.user;
		const reply = await post(sb.user.tokenUrl, { ...partnerGrant(), client_id: apiKey, client_secret: apiSecret });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("unsupported_grant_type");
	});

	it("does not accept the partner's private key", async () => {
		const { apiKey, apiSecret } = sb.credentials.partner;
		const reply = await post(sb.user.tokenUrl, { ...passwordGrant(), client_id: apiKey, client_secret: apiSecret });

		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe("invalid_client");
	});

	it("refreshes once per refresh token and rejects a reused or bogus one with invalid_grant", async () => {
		const first = await post(sb.user.tokenUrl, passwordGrant());
		const { apiKey, apiSecret } = sb.credentials.user;
		const refresh = { grant_type: "refresh_token", client_id: apiKey, client_secret: apiSecret };

		const renewed = await post(sb.user.tokenUrl, { ...refresh, refresh_token: first.body.refresh_token as string });
		const reused = await post(sb.user.tokenUrl, { ...refresh, refresh_token: first.body.refresh_token as string });
		const bogus = await post(sb.user.tokenUrl, { ...refresh, refresh_token: "bogus" });

		expect(renewed.status).toBe(200);
		expect(renewed.body.uid).toBe(sb.credentials.user.uid);
		expect(renewed.body.refresh_token).not.toBe(first.body.refresh_token);
		expect((await call(`${sb.user.apiUrl}/me/videos`, renewed.body.access_token as string)).status).toBe(200);
		expect(reused.body.error).toBe("invalid_grant");
		expect(bogus.status).toBe(400);
		expect(bogus.body.error).toBe("invalid_grant");
	});
});

describe("bearer authentication", () => {
	it("answers 401 with WWW-Authenticate and a legacy body when the token is missing", async () => {
		const reply = await call(videosUrl());

		expect(reply.status).toBe(401);
		expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
		expect(errorOf(reply)).toEqual({ code: 401, message: expect.any(String), type: "invalid_token" });
	});

	it("does not accept the access_token query parameter", async () => {
		const token = await partnerToken();

		const reply = await call(`${videosUrl()}?access_token=${token}`);

		expect(reply.status).toBe(401);
	});

	it("expires tokens after tokenTtlSeconds", async () => {
		const token = await partnerToken();
		clock += 599_000;
		const before = await call(videosUrl(), token);
		clock += 1_000;

		const after = await call(videosUrl(), token);

		expect(before.status).toBe(200);
		expect(after.status).toBe(401);
		expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
	});

	it("invalidates access tokens on expireTokens but keeps refresh tokens usable", async () => {
		const login = await post(sb.user.tokenUrl, passwordGrant());
		sb.expireTokens();
		const { apiKey, apiSecret } = sb.credentials.user;

		const stale = await call(`${sb.user.apiUrl}/me/videos`, login.body.access_token as string);
		const renewed = await post(sb.user.tokenUrl, {
			grant_type: "refresh_token",
			client_id: apiKey,
			client_secret: apiSecret,
			refresh_token: login.body.refresh_token as string,
		});

		expect(stale.status).toBe(401);
		expect(renewed.status).toBe(200);
		expect((await call(`${sb.user.apiUrl}/me/videos`, renewed.body.access_token as string)).status).toBe(200);
	});

	it("makes every grant fail with invalid_client after revokeCredentials", async () => {
		const login = await post(sb.user.tokenUrl, passwordGrant());
		sb.revokeCredentials();
		const { apiKey, apiSecret } = sb.credentials.user;

		const partner = await post(sb.partner.tokenUrl, partnerGrant());
		const password = await post(sb.user.tokenUrl, passwordGrant());
		const refresh = await post(sb.user.tokenUrl, {
			grant_type: "refresh_token",
			client_id: apiKey,
			client_secret: apiSecret,
			refresh_token: login.body.refresh_token as string,
		});

		expect([partner.body.error, password.body.error, refresh.body.error]).toEqual([
			"invalid_client",
			"invalid_client",
			"invalid_client",
		]);
	});

	it("accepts tokens only under the API prefix of the endpoint that issued them", async () => {
		const partner = await partnerToken();
		const user = await userToken();

		const partnerOnUser = await call(`${sb.user.apiUrl}/user/${sb.credentials.user.uid}/videos`, partner);
		const userOnPartner = await call(`${sb.partner.apiUrl}/user/${sb.credentials.user.uid}/videos`, user);

		expect(partnerOnUser.status).toBe(401);
		expect(userOnPartner.status).toBe(401);
	});

	it("serves /channels without auth: the 17 category ids in a list envelope", async () => {
		const reply = await call(`${sb.partner.apiUrl}/channels`);

		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ page: 1, explicit: false, total: 17, has_more: false });
		const ids = (reply.body.list as Json[]).map((c) => c.id);
		expect(ids).toHaveLength(17);
		expect(ids).toEqual(expect.arrayContaining(["animals", "videogames", "kids", "shortfilms", "webcam"]));
	});

	it("answers an unknown route with a legacy 404", async () => {
		const token = await partnerToken();

		const reply = await call(`${sb.partner.apiUrl}/livestreams`, token);

		expect(reply.status).toBe(404);
		expect(errorOf(reply).type).toBe("not_found");
	});
});

describe("creating a live", () => {
	it("returns exactly the requested fields with an id and a publish URL on the ingest", async () => {
		const token = await partnerToken();

		const reply = await post(videosUrl("id,title,channel,live_publish_url"), { ...liveForm, title: "Show" }, token);

		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body).sort()).toEqual(["channel", "id", "live_publish_url", "title"]);
		const id = reply.body.id as string;
		expect(id).toMatch(/^x[a-z0-9]{6,8}$/);
		const live = sb.live(id)!;
		expect(reply.body.live_publish_url).toBe(`rtmp://127.0.0.1:1935/live/${id}?auth=${live.publishToken}`);
		expect(live).toMatchObject({ title: "Show", channel: "videogames", ownerId: sb.credentials.partner.profileId });
		expect(live).toMatchObject({ onair: false, audience: null, adBreaksEnabled: true, adBreakEndTime: null });
		expect(live.createdTime).toBe(start / 1000);
	});

	it("returns the default fields id,title,channel,owner without fields", async () => {
		const token = await partnerToken();

		const reply = await post(videosUrl(), liveForm, token);

		expect(reply.body).toEqual({
			id: expect.any(String),
			title: "Untitled",
			channel: "videogames",
			owner: sb.credentials.partner.profileId,
		});
	});

	it.each(["mode", "published", "channel", "is_created_for_kids"])("requires %s", async (param) => {
		const token = await partnerToken();
		const form: Record<string, string> = { ...liveForm };
		delete form[param];

		const reply = await post(videosUrl(), form, token);

		expect(reply.status).toBe(400);
		expect(errorOf(reply)).toMatchObject({ code: 400, type: "missing_required_parameter", error_data: { param } });
		expect(sb.lives()).toHaveLength(0);
	});

	it.each([
		["the publish typo", { publish: "true" }],
		["live_ad_break on create", { live_ad_break: "1" }],
		["a bad boolean", { published: "maybe" }],
		["an unknown channel", { channel: "gaming" }],
		["a non-live mode", { mode: "vod" }],
		["a title over 255 characters", { title: "t".repeat(256) }],
	])("rejects %s with invalid_parameter", async (_name, extra) => {
		const token = await partnerToken();

		const reply = await post(videosUrl(), { ...liveForm, ...extra }, token);

		expect(reply.status).toBe(400);
		expect(errorOf(reply).type).toBe("invalid_parameter");
		expect(sb.lives()).toHaveLength(0);
	});

	it("rejects an unknown field name in fields before creating anything", async () => {
		const token = await partnerToken();

		const reply = await post(videosUrl("id,publish_url"), liveForm, token);

		expect(reply.status).toBe(400);
		expect(errorOf(reply).type).toBe("invalid_parameter");
		expect(sb.lives()).toHaveLength(0);
	});

	it("forbids creating under another profile id", async () => {
		const token = await partnerToken();

		const reply = await post(`${sb.partner.apiUrl}/user/${sb.credentials.user.uid}/videos`, liveForm, token);

		expect(reply.status).toBe(403);
		expect(errorOf(reply).type).toBe("access_forbidden");
	});

	it("serves /me/videos to user tokens only", async () => {
		const user = await userToken();
		const partner = await partnerToken();

		const mine = await post(`${sb.user.apiUrl}/me/videos?fields=id,owner`, liveForm, user);
		const noUser = await post(`${sb.partner.apiUrl}/me/videos`, liveForm, partner);

		expect(mine.status).toBe(200);
		expect(mine.body.owner).toBe(sb.credentials.user.uid);
		expect(noUser.status).toBe(400);
		expect(errorOf(noUser).type).toBe("invalid_parameter");
	});
});

describe("reading and listing lives", () => {
	it("returns only the requested fields, with null dates and audience while off air", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		const fields = "id,mode,onair,audience,live_airing_time,live_ad_break,live_ad_break_end_time,live_ad_break_remaining";

		const reply = await call(`${sb.partner.apiUrl}/video/${id}?fields=${fields}`, token);

		expect(reply.body).toEqual({
			id,
			mode: "live",
			onair: false,
			audience: null,
			live_airing_time: null,
			live_ad_break: true,
			live_ad_break_end_time: null,
			live_ad_break_remaining: 24,
		});
	});

	it("reports onair, airing time and a non-negative audience once on air", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		clock += 5_000;
		sb.setOnAir(id, true);
		clock += 30_000;

		const reply = await call(`${sb.partner.apiUrl}/video/${id}?fields=onair,audience,live_airing_time`, token);

		expect(reply.body.onair).toBe(true);
		expect(reply.body.live_airing_time).toBe(start / 1000 + 5);
		expect(Number.isInteger(reply.body.audience)).toBe(true);
		expect(reply.body.audience as number).toBeGreaterThanOrEqual(0);
	});

	it("answers 404 not_found for an unknown id and 400 for an unknown field", async () => {
		const token = await partnerToken();
		const id = await createLive(token);

		const missing = await call(`${sb.partner.apiUrl}/video/x000000`, token);
		const badField = await call(`${sb.partner.apiUrl}/video/${id}?fields=id,viewers`, token);

		expect(missing.status).toBe(404);
		expect(errorOf(missing).type).toBe("not_found");
		expect(badField.status).toBe(400);
		expect(errorOf(badField).type).toBe("invalid_parameter");
	});

	it("lists the profile's lives newest first with only the requested fields", async () => {
		const token = await partnerToken();
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) {
			ids.push(await createLive(token, { title: `Live ${i}` }));
			clock += 1_000;
		}

		const reply = await call(`${videosUrl("id,title,onair,created_time")}&flags=live&sort=recent&limit=2`, token);

		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ page: 1, limit: 2, total: 4, has_more: true });
		const list = reply.body.list as Json[];
		expect(list.map((l) => Object.keys(l).sort())).toEqual([
			["created_time", "id", "onair", "title"],
			["created_time", "id", "onair", "title"],
		]);
		expect(list.map((l) => l.id)).toEqual([ids[3], ids[2]]);
		expect(list[1]!.created_time as number).toBeGreaterThan(start / 1000);
	});

	it("does not list another owner's lives and refuses limit over 100", async () => {
		const partner = await partnerToken();
		const user = await userToken();
		await post(`${sb.user.apiUrl}/me/videos`, liveForm, user);

		const list = await call(`${videosUrl("id")}&flags=live`, partner);
		const tooMany = await call(`${videosUrl("id")}&limit=101`, partner);

		expect(list.body.total).toBe(0);
		expect(tooMany.status).toBe(400);
	});
});

describe("editing and deleting", () => {
	it("treats live_ad_break=1 as enabling ad breaks, never as a launch", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		sb.setOnAir(id, true);
		await post(`${sb.partner.apiUrl}/video/${id}`, { live_ad_break: "0" }, token);

		const reply = await post(`${sb.partner.apiUrl}/video/${id}?fields=live_ad_break,live_ad_break_end_time`, { live_ad_break: "1" }, token);

		expect(reply.body).toEqual({ live_ad_break: true, live_ad_break_end_time: null });
		expect(sb.live(id)!.adBreakLaunches).toEqual([]);
	});

	it("rejects unknown edit fields and leaves the live unchanged", async () => {
		const token = await partnerToken();
		const id = await createLive(token, { title: "Before" });

		const reply = await post(`${sb.partner.apiUrl}/video/${id}`, { title: "After", mode: "vod" }, token);

		expect(reply.status).toBe(400);
		expect(errorOf(reply).type).toBe("invalid_parameter");
		expect(sb.live(id)!.title).toBe("Before");
	});

	it("deletes a live: empty object, then 404", async () => {
		const token = await partnerToken();
		const id = await createLive(token);

		const deleted = await call(`${sb.partner.apiUrl}/video/${id}`, token, "DELETE");
		const after = await call(`${sb.partner.apiUrl}/video/${id}`, token);

		expect(deleted).toMatchObject({ status: 200, body: {} });
		expect(after.status).toBe(404);
		expect(sb.lives()).toEqual([]);
	});
});

describe("ad breaks", () => {
	const launch = { live_ad_break_launch: "1" };
	const fields = "live_ad_break_end_time,live_ad_break_remaining";

	it("applies the acceptance rules in contract order", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		const url = `${sb.partner.apiUrl}/video/${id}?fields=${fields}`;

		// Off air and disabled: the on-air rule comes first.
		await post(url, { live_ad_break: "false" }, token);
		const offAir = await post(url, launch, token);
		sb.setOnAir(id, true);
		const disabled = await post(url, launch, token);
		await post(url, { live_ad_break: "true" }, token);
		const ok = await post(url, launch, token);
		clock += 34_000;
		const running = await post(url, launch, token);

		expect([offAir.status, errorOf(offAir).type]).toEqual([400, "invalid_parameter"]);
		expect([disabled.status, errorOf(disabled).type]).toEqual([403, "access_forbidden"]);
		expect(ok).toMatchObject({ status: 200, body: { live_ad_break_end_time: start / 1000 + 35, live_ad_break_remaining: 23 } });
		expect([running.status, errorOf(running).type]).toEqual([400, "invalid_parameter"]);
		expect(new Set([offAir, disabled, running].map((r) => errorOf(r).message)).size).toBe(3);
	});

	it("enforces 24 breaks per rolling hour and keeps the last end time", async () => {
		let token = await partnerToken();
		const id = await createLive(token);
		sb.setOnAir(id, true);
		const url = `${sb.partner.apiUrl}/video/${id}?fields=${fields}`;
		// 24 × 35 s outlives the 600 s token TTL of this suite: take a fresh token for each call.
		for (let i = 0; i < 24; i++) {
			token = await partnerToken();
			expect((await post(url, launch, token)).status).toBe(200);
			clock += 35_000;
		}
		token = await partnerToken();

		const quota = await post(url, launch, token);
		const state = await call(url, token);
		// One hour after the first launch, only that launch has left the rolling window.
		clock = start + 3_601_000;
		token = await partnerToken();
		const oneFreed = await call(url, token);
		const nextHour = await post(url, launch, token);

		expect([quota.status, errorOf(quota).type]).toEqual([400, "invalid_parameter"]);
		expect(state.body).toEqual({ live_ad_break_end_time: start / 1000 + 24 * 35, live_ad_break_remaining: 0 });
		expect(oneFreed.body.live_ad_break_remaining).toBe(1);
		expect(nextHour.status).toBe(200);
		expect(nextHour.body).toEqual({ live_ad_break_end_time: start / 1000 + 3601 + 35, live_ad_break_remaining: 0 });
	});

	it("accepts only live_ad_break_launch=1", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		sb.setOnAir(id, true);

		const reply = await post(`${sb.partner.apiUrl}/video/${id}`, { live_ad_break_launch: "2" }, token);

		expect(reply.status).toBe(400);
		expect(errorOf(reply).error_data).toMatchObject({ param: "live_ad_break_launch" });
		expect(sb.live(id)!.adBreakLaunches).toEqual([]);
	});

	it("uses the quota up on request, as breaks launched in the last hour would, and gives it back an hour later", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		sb.setOnAir(id, true);
		const url = `${sb.partner.apiUrl}/video/${id}?fields=${fields}`;
		sb.useAdBreakQuota(id, 1);
		const one = await call(url, token);
		sb.useAdBreakQuota(id);
		const refused = await post(url, launch, token);
		clock += 3_600_000;
		const back = await call(url, await partnerToken());

		expect(one.body).toEqual({ live_ad_break_end_time: null, live_ad_break_remaining: 1 });
		expect([refused.status, errorOf(refused).message]).toEqual([400, "The hourly quota of ad breaks is reached, try again later."]);
		expect(back.body.live_ad_break_remaining).toBe(24);
	});
});

describe("recording", () => {
	const fields = "id,record_status";

	it("starts (starting → started) and stops (stopping → stopped) a recording while on air, after a short while", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		sb.setOnAir(id, true);
		const url = `${sb.partner.apiUrl}/video/${id}?fields=${fields}`;
		const before = await call(url, token);
		const started = await post(url, { record_status: "started" }, token);
		clock += 1_000;
		const stillStarting = await call(url, token);
		clock += 1_000;
		const running = await call(url, token);
		const again = await post(url, { record_status: "started" }, token);
		const stopped = await post(url, { record_status: "stopped" }, token);
		clock += 2_000;
		const done = await call(url, token);

		expect(before.body).toEqual({ id, record_status: "stopped" });
		expect(started.body).toEqual({ id, record_status: "starting" });
		expect(stillStarting.body.record_status).toBe("starting");
		expect(running.body.record_status).toBe("started");
		expect(again.body.record_status).toBe("started"); // asking for what already runs changes nothing
		expect(stopped.body.record_status).toBe("stopping");
		expect(done.body.record_status).toBe("stopped");
		expect(sb.live(id)!.recordStatus).toBe("stopped");
	});

	it("refuses a recording off air and any record_status but started/stopped (400 invalid_parameter, nothing changes)", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		const url = `${sb.partner.apiUrl}/video/${id}?fields=${fields}`;
		const offAir = await post(url, { record_status: "started" }, token);
		sb.setOnAir(id, true);
		const wrong = await post(url, { record_status: "starting" }, token);
		const withOther = await post(url, { record_status: "started", channel: "nope" }, token);

		for (const reply of [offAir, wrong, withOther]) expect([reply.status, errorOf(reply).type]).toEqual([400, "invalid_parameter"]);
		expect(errorOf(offAir).message).toMatch(/on air/);
		expect(errorOf(wrong).error_data).toMatchObject({ param: "record_status" });
		expect(sb.live(id)!.recordStatus).toBe("stopped");
	});

	it("records an auto-recorded live whenever it goes on air, and stops when it goes off air", async () => {
		const token = await partnerToken();
		const id = await createLive(token, { live_auto_record: "true" });
		const plain = await createLive(token);
		const url = (live: string) => `${sb.partner.apiUrl}/video/${live}?fields=id,live_auto_record,record_status`;
		const created = await call(url(id), token);
		sb.setOnAir(id, true);
		sb.setOnAir(plain, true);
		clock += 2_000;
		const onAir = await call(url(id), token);
		const notAuto = await call(url(plain), token);
		sb.setOnAir(id, false);
		clock += 2_000;
		const offAir = await call(url(id), token);
		const badFlag = await post(videosUrl("id"), { ...liveForm, live_auto_record: "maybe" }, token);

		expect(created.body).toEqual({ id, live_auto_record: true, record_status: "stopped" });
		expect(onAir.body.record_status).toBe("started");
		expect(notAuto.body).toEqual({ id: plain, live_auto_record: false, record_status: "stopped" });
		expect(offAir.body.record_status).toBe("stopped");
		expect([badFlag.status, errorOf(badFlag).type]).toEqual([400, "invalid_parameter"]);
	});
});

describe("ingest hooks", () => {
	async function hook(url: string, form: Record<string, string>): Promise<number> {
		const res = await fetch(url, { method: "POST", body: new URLSearchParams(form) });
		await res.text();
		return res.status;
	}

	it("accepts a publish with the live's id and auth, puts it on air, and takes it off on done", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		const auth = sb.live(id)!.publishToken;
		const nginx = { app: "live", call: "publish", name: id, type: "live", auth };

		const accepted = await hook(sb.ingestHooks.publish, nginx);
		const onAir = sb.live(id)!;
		const done = await hook(sb.ingestHooks.done, { ...nginx, call: "publish_done" });

		expect(accepted).toBe(200);
		expect(onAir).toMatchObject({ onair: true, liveAiringTime: start / 1000 });
		expect(done).toBe(200);
		expect(sb.live(id)).toMatchObject({ onair: false, audience: null });
		expect(sb.requests.filter((r) => r.path.startsWith("/_ingest/")).map((r) => r.form.call)).toEqual([
			"publish",
			"publish_done",
		]);
	});

	it("refuses a wrong auth token or an unknown stream name with 403", async () => {
		const token = await partnerToken();
		const id = await createLive(token);
		const auth = sb.live(id)!.publishToken;

		const wrongAuth = await hook(sb.ingestHooks.publish, { call: "publish", name: id, auth: "stolen" });
		const wrongName = await hook(sb.ingestHooks.publish, { call: "publish", name: "x9zzzzz", auth });

		expect([wrongAuth, wrongName]).toEqual([403, 403]);
		expect(sb.live(id)!.onair).toBe(false);
	});
});

describe("faults, latency and recording", () => {
	it("answers matching requests with the fault status `times` times, then normally", async () => {
		sb.inject({ method: "POST", path: "/oauth/v1/token", status: 503, times: 2 });

		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await post(sb.partner.tokenUrl, partnerGrant())).status);

		expect(statuses).toEqual([503, 503, 200]);
		expect(sb.requests.map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it("applies faults in injection order and matches paths by regex", async () => {
		const token = await partnerToken();
		sb.inject({ path: /^\/rest\/video\//, status: 500, body: "oops" });
		sb.inject({ path: /^\/rest\/video\//, status: 429 });
		const id = "x1234567";

		const first = await fetch(`${sb.partner.apiUrl}/video/${id}`, { headers: { Authorization: `Bearer ${token}` } });
		const second = await call(`${sb.partner.apiUrl}/video/${id}`, token);
		const third = await call(`${sb.partner.apiUrl}/video/${id}`, token);

		expect([first.status, await first.text()]).toEqual([500, "oops"]);
		expect(second.status).toBe(429);
		expect(third.status).toBe(404);
	});

	it("drops the socket without handling, or after handling (the live exists)", async () => {
		const token = await partnerToken();
		sb.inject({ method: "POST", path: /\/videos$/, drop: true });
		sb.inject({ method: "POST", path: /\/videos$/, dropAfterHandling: true });

		await expect(post(videosUrl(), liveForm, token)).rejects.toThrow();
		const afterDrop = sb.lives().length;
		await expect(post(videosUrl(), liveForm, token)).rejects.toThrow();

		expect(afterDrop).toBe(0);
		expect(sb.lives()).toHaveLength(1);
		expect(sb.requests.at(-1)).toMatchObject({ method: "POST", authorized: true, status: 0 });
	});

	it("delays a faulted request long enough for a client timeout", async () => {
		sb.inject({ path: "/rest/channels", delayMs: 2_000 });

		const slow = fetch(`${sb.partner.apiUrl}/channels`, { signal: AbortSignal.timeout(200) });

		await expect(slow).rejects.toThrow();
	});

	it("adds latencyMs to every response", async () => {
		const slow = await startSandbox({ latencyMs: 150 });
		try {
			const t0 = performance.now();
			const res = await fetch(`${slow.partner.apiUrl}/channels`);
			await res.text();

			expect(res.status).toBe(200);
			expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
		} finally {
			await slow.close();
		}
	});

	it("records method, path without query, query, form, auth and status", async () => {
		const token = await partnerToken();
		await post(videosUrl("id"), liveForm, token);
		await call(`${sb.partner.apiUrl}/channels?localization=fr_FR`);

		const [tokenReq, create, channels] = sb.requests;

		expect(tokenReq).toMatchObject({ method: "POST", path: "/oauth/v1/token", authorized: false, status: 200, at: start });
		expect(tokenReq!.form.grant_type).toBe("client_credentials");
		expect(create).toMatchObject({
			method: "POST",
			path: `/rest/user/${sb.credentials.partner.profileId}/videos`,
			query: { fields: "id" },
			form: liveForm,
			authorized: true,
			status: 200,
		});
		expect(channels).toMatchObject({ method: "GET", path: "/rest/channels", query: { localization: "fr_FR" }, authorized: false });
	});
});
