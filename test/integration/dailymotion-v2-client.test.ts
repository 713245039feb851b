import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	ApiError,
	AuthError,
	ConfigError,
	DailymotionV2Client,
	NotFoundError,
	PermissionError,
	PublishUrlError,
	UnsupportedError,
	type V2Config,
} from "../../src/dailymotion/index.ts";
import { recordingLogger } from "../harness/recording-logger.ts";
import { type Sandbox, startSandbox } from "../harness/sandbox/index.ts";

// The API v2 client against the sandbox's strict v2 mode: same domain types as the legacy client.

let sb: Sandbox;

beforeEach(async () => {
	sb = await startSandbox();
});
afterEach(async () => {
	await sb.close();
});

function v2Config(overrides: Partial<V2Config> = {}): V2Config {
	const { apiKey, apiSecret, profileId } = sb.credentials.v2;
	return { apiKey, apiSecret, profileId, ...sb.v2, ...overrides };
}


const input = { title: "Friday show", channel: "videogames", forKids: false, private: true };
const requests = (method: string, pattern: RegExp) => sb.requests.filter((r) => r.method === method && pattern.test(r.path));

describe("recording on API v2", () => {
	it("turns auto-record on with the recording guide's PATCH after the create, only when asked", async () => {
		const client = new DailymotionV2Client(v2Config());
		const plain = await client.createLive(input);
		const recorded = await client.createLive({ ...input, autoRecord: true });
		const patches = requests("PATCH", /\/livestreams\/[^/]+$/);
		expect(patches.map((r) => [r.path, r.json, r.status])).toEqual([[`/v2/livestreams/${recorded.id}`, { recording: { auto_record: true } }, 200]]);
		expect([sb.live(plain.id)!.autoRecord, sb.live(recorded.id)!.autoRecord]).toEqual([false, true]);
		expect(recorded.autoRecordError).toBeUndefined();
	});

	it("reports a failed auto-record PATCH beside the live it created, never as a failed create", async () => {
		const client = new DailymotionV2Client(v2Config());
		sb.inject({ method: "PATCH", path: /^\/v2\/livestreams\//, status: 503 });
		const created = await client.createLive({ ...input, autoRecord: true });
		expect(sb.live(created.id)).toBeDefined();
		expect(created.publishUrl).toBe(sb.live(created.id)!.publishUrl);
		expect(created.autoRecordError).toBeDefined();
		expect(sb.live(created.id)!.autoRecord).toBe(false);
		expect(requests("POST", /\/livestreams$/)).toHaveLength(1);
	});

	it("has no recording start/stop: UnsupportedError and no request", async () => {
		const client = new DailymotionV2Client(v2Config());
		const before = sb.requests.length;
		await expect(client.setRecording()).rejects.toBeInstanceOf(UnsupportedError);
		expect(client.capabilities.recording).toBe(false);
		expect(sb.requests.length).toBe(before);
	});
});

describe("DailymotionV2Client against the sandbox", () => {
	it("creates a livestream (JSON body, strict booleans, 201) with its RTMP URL, using a live-scoped token", async () => {
		const logger = recordingLogger();
		const client = new DailymotionV2Client(v2Config(), { logger });
		const created = await client.createLive(input);

		expect(created).toEqual({ id: created.id, title: "Friday show", channel: "videogames", publishUrl: sb.live(created.id)!.publishUrl });
		const [create] = requests("POST", /\/livestreams$/);
		expect(create).toMatchObject({ status: 201, json: { title: "Friday show", category: "videogames", visibility: "private", is_for_kids: false } });
		const grants = sb.requests.filter((r) => r.path === "/v2/token");
		expect(grants.map((r) => r.form)).toEqual([expect.objectContaining({ grant_type: "client_credentials", scope: "live.manage live.read" })]);
		expect(sb.requests.filter((r) => r.path.startsWith("/rest") || r.path.startsWith("/oauth"))).toEqual([]);
		// Nothing secret in the log: no API secret, token or stream key.
		const text = logger.lines.join("\n");
		for (const secret of [sb.credentials.v2.apiSecret, ...sb.issuedTokens(), sb.live(created.id)!.publishToken]) expect(text).not.toContain(secret);
	});

	it("reads state mapped to the domain (ISO dates → UNIX seconds, status.onair, advertising, visibility)", async () => {
		const client = new DailymotionV2Client(v2Config());
		const { id } = await client.createLive(input);
		sb.setOnAir(id, true);
		const airedAt = sb.live(id)!.liveAiringTime!;
		const state = await client.getVideo(id);
		expect(state).toEqual({
			id,
			title: "Friday show",
			channel: "videogames",
			private: true,
			mode: "live",
			onair: true,
			audience: null,
			publishUrl: sb.live(id)!.publishUrl,
			liveAiringTime: airedAt,
			adBreaksEnabled: null,
			adBreakEndTime: null,
			adBreakRemaining: 24,
			recordStatus: null,
		});
		const [read] = requests("GET", new RegExp(`/livestreams/${id}$`));
		expect(read!.query.fields!.split(",")).toEqual(expect.arrayContaining(["status.onair", "advertising.end_at", "ingest.rtmp_url"]));
	});

	it("launches an ad break ({count:1}) and maps end_at; a launch off air is the API's refusal, sent once", async () => {
		const client = new DailymotionV2Client(v2Config());
		const { id } = await client.createLive(input);
		const refused = await client.launchAdBreak(id).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ApiError);
		expect((refused as ApiError).type).toBe("livestream_not_on_air");
		sb.setOnAir(id, true);
		const before = Math.floor(Date.now() / 1000);
		const launch = await client.launchAdBreak(id);
		expect(launch.remaining).toBe(23);
		expect(launch.endTime).toBe(sb.live(id)!.adBreakEndTime);
		expect(launch.endTime! - before).toBeGreaterThanOrEqual(34);
		expect(requests("POST", /\/advertising$/).map((r) => [r.json, r.status])).toEqual([
			[{ count: 1 }, 400],
			[{ count: 1 }, 200],
		]);
		expect((await client.getVideo(id)).adBreakEndTime).toBe(launch.endTime);
	});

	it("lists the profile's livestreams newest first (page_size, sort=-created_at) with created times", async () => {
		const client = new DailymotionV2Client(v2Config());
		const first = await client.createLive({ ...input, title: "one" });
		const second = await client.createLive({ ...input, title: "two" });
		const lives = await client.listLives(5);
		expect(lives.map((l) => l.id)).toEqual([second.id, first.id]);
		expect(lives[0]).toEqual({ id: second.id, title: "two", onair: false, createdTime: sb.live(second.id)!.createdTime });
		expect(requests("GET", /\/livestreams$/)[0]!.query).toMatchObject({ page: "1", page_size: "5", sort: "-created_at" });
	});

	it("edits with PATCH and only the changed fields; no request when nothing changes", async () => {
		const client = new DailymotionV2Client(v2Config());
		const { id } = await client.createLive(input);
		await client.editVideo(id, { title: "Renamed", private: false });
		await client.editVideo(id, {});
		expect(requests("PATCH", /\/livestreams\//).map((r) => r.json)).toEqual([{ title: "Renamed", visibility: "public" }]);
		expect(await client.getEditableLive(id)).toMatchObject({ title: "Renamed", private: false, channel: "videogames" });
	});

	it("after a 401 (expired token) logs in again once and re-sends the request", async () => {
		const client = new DailymotionV2Client(v2Config());
		const { id } = await client.createLive(input);
		sb.expireTokens();
		await client.getVideo(id);
		expect(requests("GET", /\/livestreams\//).map((r) => r.status)).toEqual([401, 200]);
		expect(sb.requests.filter((r) => r.path === "/v2/token")).toHaveLength(2);
	});

	it("typed errors: MISSING_PERMISSIONS says the key lacks the live permission; unknown id → NotFoundError; wrong key → AuthError", async () => {
		sb.setV2Permissions(["live.read"]);
		const error = await new DailymotionV2Client(v2Config()).createLive(input).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PermissionError);
		expect((error as Error).message).toMatch(/^API key lacks live permission/);
		sb.setV2Permissions(["live.manage", "live.read", "account.read"]);
		await expect(new DailymotionV2Client(v2Config()).getVideo("x0missing")).rejects.toBeInstanceOf(NotFoundError);
		await expect(new DailymotionV2Client(v2Config({ apiSecret: "wrong-secret" })).login()).rejects.toBeInstanceOf(AuthError);
		const creates = requests("POST", /\/livestreams$/).length;
		const noProfile = await new DailymotionV2Client(v2Config({ profileId: "" })).createLive(input).catch((e: unknown) => e);
		expect(noProfile).toBeInstanceOf(ConfigError);
		expect(requests("POST", /\/livestreams$/)).toHaveLength(creates);
	});

	it("has no ad-breaks on/off: refuses without a request", async () => {
		const client = new DailymotionV2Client(v2Config());
		expect(client.capabilities.adBreakToggle).toBe(false);
		const before = sb.requests.length;
		await expect(client.setAdBreaksEnabled()).rejects.toBeInstanceOf(UnsupportedError);
		expect(sb.requests.length).toBe(before);
	});

	it("lists profiles from GET /me with an account.read token, and tests the connection naming API v2", async () => {
		const client = new DailymotionV2Client(v2Config());
		expect(await client.listProfiles()).toEqual(sb.credentials.v2.profiles.map((p) => ({ id: p.profileId, name: p.name })));
		const scopes = sb.requests.filter((r) => r.path === "/v2/token").map((r) => r.form.scope);
		expect(scopes).toEqual(["account.read"]);
		await expect(client.testConnection()).resolves.toEqual({
			api: "v2",
			mode: "partner",
			profileId: sb.credentials.v2.profileId,
			scope: "live.manage live.read",
		});
		// A profile the key cannot manage fails the test, not the first press.
		await expect(new DailymotionV2Client(v2Config({ profileId: "x0other" })).testConnection()).rejects.toBeInstanceOf(ApiError);
	});

	it("splits an RTMP URL in the legacy shape; one without the key part is refused, never half-split", () => {
		const client = new DailymotionV2Client(v2Config());
		expect(client.publishTarget("rtmp://publish.dailymotion.com/publish-dm/x8abc?auth=tok")).toEqual({
			server: "rtmp://publish.dailymotion.com/publish-dm",
			key: "x8abc?auth=tok",
		});
		for (const url of ["rtmp://publish.dailymotion.com/publish-dm", "rtmp://publish.dailymotion.com/publish-dm/x8abc", "rtmp://h/app/x?auth="]) {
			expect(() => client.publishTarget(url), url).toThrow(PublishUrlError);
		}
		try {
			client.publishTarget("rtmp://publish.dailymotion.com/publish-dm/secretkey123");
		} catch (error) {
			expect((error as Error).message).not.toContain("secretkey123");
		}
	});
});
