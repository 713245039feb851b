import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	ApiError,
	AuthError,
	ConfigError,
	DailymotionClient,
	type DailymotionConfig,
	FALLBACK_CHANNELS,
	NotFoundError,
	ServerError,
	splitPublishUrl,
	TimeoutError,
	UnexpectedResponseError,
} from "../../src/dailymotion/index.ts";
import { recordingLogger } from "../harness/recording-logger.ts";
import { type Sandbox, startSandbox } from "../harness/sandbox/index.ts";

let sb: Sandbox;

beforeEach(async () => {
	sb = await startSandbox();
});
afterEach(async () => {
	await sb.close();
});

function partnerConfig(overrides: Partial<DailymotionConfig> = {}): DailymotionConfig {
	const { apiKey, apiSecret, profileId } = sb.credentials.partner;
	return { mode: "partner", apiKey, apiSecret, profileId, ...sb.partner, ...overrides };
}

function userConfig(overrides: Partial<DailymotionConfig> = {}): DailymotionConfig {
	const { apiKey, apiSecret, username, password } = sb.credentials.user;
	return { mode: "user", apiKey, apiSecret, username, password, ...sb.user, ...overrides };
}


const tokenRequests = () => sb.requests.filter((r) => r.path.endsWith("/token"));
const apiRequests = (method: string, pattern: RegExp) => sb.requests.filter((r) => r.method === method && pattern.test(r.path));
const input = { title: "Friday show", channel: "videogames", forKids: false, private: false };

describe("recording on the legacy API", () => {
	it("creates a live with live_auto_record=true only when asked; Dailymotion then records it once on air", async () => {
		const client = new DailymotionClient(partnerConfig());
		const plain = await client.createLive(input);
		const recorded = await client.createLive({ ...input, autoRecord: true });
		const [first, second] = apiRequests("POST", /\/videos$/);
		expect(first!.form).not.toHaveProperty("live_auto_record");
		expect(second!.form.live_auto_record).toBe("true");
		expect(recorded.autoRecordError).toBeUndefined();
		expect([sb.live(plain.id)!.autoRecord, sb.live(recorded.id)!.autoRecord]).toEqual([false, true]);
	});

	it("reads record_status only when asked, and starts and stops the recording with record_status=started|stopped", async () => {
		const client = new DailymotionClient(partnerConfig());
		const { id } = await client.createLive(input);
		sb.setOnAir(id, true);
		const plain = await client.getVideo(id);
		const withRecording = await client.getVideo(id, ["recording"]);
		const started = await client.setRecording(id, true);
		const stopped = await client.setRecording(id, false);

		const reads = apiRequests("GET", new RegExp(`/video/${id}$`)).map((r) => r.query.fields!.split(","));
		expect(reads[0]).not.toContain("record_status");
		expect(reads[1]).toEqual([...reads[0]!, "record_status"]);
		expect([plain.recordStatus, withRecording.recordStatus]).toEqual([null, "stopped"]);
		expect([started, stopped]).toEqual(["starting", "stopping"]);
		const writes = apiRequests("POST", new RegExp(`/video/${id}$`));
		expect(writes.map((r) => [r.form, r.query.fields])).toEqual([
			[{ record_status: "started" }, "id,record_status"],
			[{ record_status: "stopped" }, "id,record_status"],
		]);
	});

	it("surfaces the API's refusal of a recording off air, sent once", async () => {
		const client = new DailymotionClient(partnerConfig());
		const { id } = await client.createLive(input);
		const refused = await client.setRecording(id, true).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ApiError);
		expect(refused).toMatchObject({ status: 400, type: "invalid_parameter" });
		expect(apiRequests("POST", new RegExp(`/video/${id}$`))).toHaveLength(1);
	});
});

describe("DailymotionClient against the sandbox", () => {
	it.each(["partner", "user"] as const)("creates a live in %s mode with its publish URL", async (mode) => {
		// Arrange
		const logger = recordingLogger();
		const client = new DailymotionClient(mode === "partner" ? partnerConfig() : userConfig(), { logger });
		// Act
		const created = await client.createLive(input);
		// Assert
		const stored = sb.live(created.id);
		expect(stored).toBeDefined();
		expect(stored).toMatchObject({ mode: "live", published: true, channel: "videogames", isCreatedForKids: false, title: "Friday show" });
		expect(created).toEqual({ id: created.id, title: "Friday show", channel: "videogames", publishUrl: stored!.publishUrl });
		const target = splitPublishUrl(created.publishUrl);
		expect(target.key).toBe(`${created.id}?auth=${stored!.publishToken}`);
		const createRequest = apiRequests("POST", /\/videos$/)[0]!;
		expect(createRequest.query.fields).toBe("id,title,channel,live_publish_url");
		expect(createRequest.form).not.toHaveProperty("live_ad_break");
		expect(createRequest.form).not.toHaveProperty("publish");
		for (const line of logger.lines) expect(line).not.toContain(stored!.publishToken);
	});

	it("uses the user token's uid as profile id in user mode", async () => {
		const client = new DailymotionClient(userConfig());
		await expect(client.profileId()).resolves.toBe(sb.credentials.user.uid);
		const created = await client.createLive(input);
		expect(sb.live(created.id)!.ownerId).toBe(sb.credentials.user.uid);
	});

	it("refuses partner mode without a profile id before any request", async () => {
		const client = new DailymotionClient(partnerConfig({ profileId: undefined }));
		const error = await client.createLive(input).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as ConfigError).message).toMatch(/profile/i);
		expect(sb.requests).toHaveLength(0);
	});

	it("caches the token across calls: one token request for several calls", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		await Promise.all([client.getVideo(created.id), client.getVideo(created.id), client.listLives()]);
		await client.getVideo(created.id);
		expect(tokenRequests()).toHaveLength(1);
		expect(sb.requests.filter((r) => !r.path.endsWith("/token")).every((r) => r.authorized)).toBe(true);
	});

	it("after the token expires server-side, re-authenticates exactly once and retries the request", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		sb.expireTokens();
		const before = sb.requests.length;
		const video = await client.getVideo(created.id);
		expect(video.id).toBe(created.id);
		const after = sb.requests.slice(before);
		expect(after.map((r) => [r.method, r.path.endsWith("/token") ? "token" : "video", r.status])).toEqual([
			["GET", "video", 401],
			["POST", "token", 200],
			["GET", "video", 200],
		]);
	});

	it("retries a create once after a 401 (it was not executed) and creates exactly one live", async () => {
		const client = new DailymotionClient(partnerConfig());
		await client.listLives();
		sb.expireTokens();
		await client.createLive(input);
		expect(sb.lives()).toHaveLength(1);
		expect(apiRequests("POST", /\/videos$/).map((r) => r.status)).toEqual([401, 200]);
	});

	it("with revoked credentials fails with AuthError and does not loop", async () => {
		const client = new DailymotionClient(partnerConfig());
		await client.listLives();
		sb.revokeCredentials();
		sb.expireTokens();
		const before = sb.requests.length;
		const error = await client.listLives().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AuthError);
		expect((error as AuthError).type).toBe("invalid_client");
		expect(sb.requests.length - before).toBe(2); // the 401, then one refused token request
	});

	it("in user mode with a wrong password fails with AuthError invalid_grant", async () => {
		const client = new DailymotionClient(userConfig({ password: "wrong-password" }));
		const error = await client.testConnection().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AuthError);
		expect((error as AuthError).type).toBe("invalid_grant");
		expect((error as Error).message).not.toContain("wrong-password");
	});

	it("a second 401 after re-authentication is an AuthError", async () => {
		const client = new DailymotionClient(partnerConfig());
		sb.inject({ path: /\/user\/.*\/videos$/, status: 401, times: 2 });
		await expect(client.listLives()).rejects.toBeInstanceOf(AuthError);
		expect(apiRequests("GET", /\/videos$/)).toHaveLength(2);
		expect(tokenRequests()).toHaveLength(2);
	});

	it("a 500 on create is a ServerError after exactly one create request (no retry)", async () => {
		const client = new DailymotionClient(partnerConfig());
		sb.inject({ method: "POST", path: /\/videos$/, status: 500 });
		await expect(client.createLive(input)).rejects.toBeInstanceOf(ServerError);
		expect(apiRequests("POST", /\/videos$/)).toHaveLength(1);
		expect(sb.lives()).toHaveLength(0);
	});

	it("a create whose answer is lost is not re-sent", async () => {
		const client = new DailymotionClient(partnerConfig(), { timeoutMs: 2000 });
		sb.inject({ method: "POST", path: /\/videos$/, dropAfterHandling: true });
		await expect(client.createLive(input)).rejects.toMatchObject({ name: expect.stringMatching(/NetworkError|TimeoutError/) });
		expect(apiRequests("POST", /\/videos$/)).toHaveLength(1);
		expect(sb.lives()).toHaveLength(1);
	});

	it("retries a GET on 503 and succeeds", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		sb.inject({ method: "GET", path: /\/video\//, status: 503, times: 2 });
		const video = await client.getVideo(created.id);
		expect(video.id).toBe(created.id);
		expect(apiRequests("GET", /\/video\//).map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it("times out a slow answer with TimeoutError", async () => {
		const client = new DailymotionClient(partnerConfig(), { timeoutMs: 200, getRetries: 0 });
		await client.listLives();
		sb.inject({ method: "GET", path: /\/videos$/, delayMs: 1000 });
		await expect(client.listLives()).rejects.toBeInstanceOf(TimeoutError);
	});

	it("turns an HTML 502 page into a ServerError", async () => {
		const client = new DailymotionClient(partnerConfig(), { getRetries: 0 });
		sb.inject({ method: "GET", path: /\/videos$/, status: 502, body: "<html><h1>502 Bad Gateway</h1></html>" });
		const error = await client.listLives().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ServerError);
		expect((error as Error).message).not.toContain("<html>");
	});

	it("turns a 200 HTML page into an UnexpectedResponseError", async () => {
		const client = new DailymotionClient(partnerConfig());
		sb.inject({ method: "GET", path: /\/videos$/, status: 200, body: "<html>captive portal</html>" });
		await expect(client.listLives()).rejects.toBeInstanceOf(UnexpectedResponseError);
	});

	it("reads a video's live state and maps an unknown id to NotFoundError", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		sb.setOnAir(created.id, true);
		const video = await client.getVideo(created.id);
		expect(video).toMatchObject({ id: created.id, mode: "live", onair: true, adBreaksEnabled: true, adBreakEndTime: null });
		expect(video.liveAiringTime).toEqual(expect.any(Number));
		expect(video.publishUrl).toBe(created.publishUrl);
		await expect(client.getVideo("x0nothere")).rejects.toBeInstanceOf(NotFoundError);
	});

	it("launches an ad break, then the cooldown error carries the sandbox's message and type", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		sb.setOnAir(created.id, true);
		const launch = await client.launchAdBreak(created.id);
		expect(launch.remaining).toBe(23);
		expect(launch.endTime).toBeGreaterThan(Date.now() / 1000);
		const error = await client.launchAdBreak(created.id).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({ status: 400, type: "invalid_parameter" });
		expect((error as Error).message).toMatch(/already running/);
		expect(apiRequests("POST", /\/video\//).map((r) => r.form.live_ad_break_launch)).toEqual(["1", "1"]);
	});

	it("refuses a launch off air and when ad breaks are disabled, with the sandbox's type", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		await expect(client.launchAdBreak(created.id)).rejects.toMatchObject({ type: "invalid_parameter", status: 400 });
		sb.setOnAir(created.id, true);
		await client.setAdBreaksEnabled(created.id, false);
		expect(sb.live(created.id)!.adBreaksEnabled).toBe(false);
		await expect(client.launchAdBreak(created.id)).rejects.toMatchObject({ type: "access_forbidden", status: 403 });
		const launches = apiRequests("POST", /\/video\//).filter((r) => r.form.live_ad_break_launch);
		expect(launches).toHaveLength(2);
	});

	it("never retries an ad-break launch on 503", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		sb.setOnAir(created.id, true);
		sb.inject({ method: "POST", path: /\/video\//, status: 503 });
		await expect(client.launchAdBreak(created.id)).rejects.toBeInstanceOf(ServerError);
		expect(apiRequests("POST", /\/video\//)).toHaveLength(1);
		expect(sb.live(created.id)!.adBreakLaunches).toHaveLength(0);
	});

	it("edits only the given fields", async () => {
		const client = new DailymotionClient(partnerConfig());
		const created = await client.createLive(input);
		await client.editVideo(created.id, { title: "Renamed", private: true });
		expect(sb.live(created.id)).toMatchObject({ title: "Renamed", private: true, channel: "videogames" });
		expect(apiRequests("POST", /\/video\//).at(-1)!.form).toEqual({ title: "Renamed", private: "true" });
	});

	it("lists the profile's lives newest first", async () => {
		const client = new DailymotionClient(partnerConfig());
		const first = await client.createLive({ ...input, title: "one" });
		const second = await client.createLive({ ...input, title: "two" });
		sb.setOnAir(second.id, true);
		const lives = await client.listLives();
		expect(lives.map((l) => l.id)).toEqual([second.id, first.id]);
		expect(lives[0]).toMatchObject({ title: "two", onair: true, createdTime: expect.any(Number) });
		expect(apiRequests("GET", /\/videos$/)[0]!.query).toMatchObject({ flags: "live", sort: "recent", limit: "20" });
	});

	it("lists channels without auth, and falls back to the built-in list when the route fails", async () => {
		const client = new DailymotionClient(partnerConfig(), { getRetries: 0 });
		const channels = await client.listChannels();
		expect(channels).toHaveLength(17);
		expect(channels).toContainEqual({ id: "videogames", name: "Gaming" });
		expect(tokenRequests()).toHaveLength(0);
		expect(sb.requests[0]!.authorized).toBe(false);

		sb.inject({ path: /\/channels$/, status: 500 });
		await expect(client.listChannels()).resolves.toEqual(FALLBACK_CHANNELS);
		sb.inject({ path: /\/channels$/, drop: true });
		await expect(client.listChannels()).resolves.toEqual(FALLBACK_CHANNELS);
	});

	it("testConnection forces a fresh token and reports the API, mode, profile and scope", async () => {
		const partner = new DailymotionClient(partnerConfig());
		await partner.listLives();
		await expect(partner.testConnection()).resolves.toEqual({
			api: "legacy",
			mode: "partner",
			profileId: sb.credentials.partner.profileId,
			scope: "manage_videos",
		});
		expect(tokenRequests()).toHaveLength(2);
		const user = new DailymotionClient(userConfig());
		await expect(user.testConnection()).resolves.toMatchObject({ mode: "user", profileId: sb.credentials.user.uid });
	});

	it("renews a user token with the refresh token when it nears expiry", async () => {
		let now = Date.now();
		await sb.close();
		sb = await startSandbox({ tokenTtlSeconds: 100, now: () => now });
		const client = new DailymotionClient(userConfig(), { now: () => now });
		await client.listLives();
		now += 86_000;
		await client.listLives();
		expect(tokenRequests().map((r) => r.form.grant_type)).toEqual(["password", "refresh_token"]);
		expect(tokenRequests().every((r) => r.status === 200)).toBe(true);
	});

	it("never logs the API secret, password or tokens", async () => {
		const logger = recordingLogger();
		const client = new DailymotionClient(userConfig(), { logger });
		await client.createLive(input);
		sb.expireTokens();
		await client.listLives();
		await new DailymotionClient(userConfig({ password: "bad-password-123" }), { logger }).testConnection().catch(() => undefined);
		const secrets = [sb.credentials.user.apiSecret, sb.credentials.user.password, "bad-password-123"];
		for (const line of logger.lines) for (const secret of secrets) expect(line).not.toContain(secret);
		expect(logger.lines.length).toBeGreaterThan(0);
	});
});
