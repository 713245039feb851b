import { describe, expect, it } from "vitest";
import { apiConfigFrom } from "../../../src/settings/api-config.ts";
import { currentLiveId, DEFAULT_OBS_URL, liveIdKey, parseGlobalSettings, V2_API_DEFAULTS } from "../../../src/settings/global.ts";

describe("global settings", () => {
	it("fills every missing key with its default", () => {
		const { value, problems } = parseGlobalSettings({});
		expect(problems).toEqual([]);
		expect(value).toMatchObject({ apiMode: "partner", apiKey: "", obsUrl: DEFAULT_OBS_URL, liveId: "", debugLogging: false });
	});

	it("treats a non-object (null, array, string) as empty settings", () => {
		for (const raw of [null, [], "apiKey=1", 42]) {
			expect(parseGlobalSettings(raw).value.apiMode).toBe("partner");
		}
	});

	it("reports a bad field, keeps the good ones and defaults the bad one", () => {
		const { value, problems } = parseGlobalSettings({ apiMode: "admin", apiKey: " key1 ", profileId: "x/../1" });
		expect(value.apiMode).toBe("partner");
		expect(value.apiKey).toBe("key1");
		expect(value.profileId).toBe("");
		expect(problems).toEqual(["problem.apiMode.choice", "problem.profileId.chars"]);
	});

	it("never echoes a secret value in a problem message", () => {
		const { problems } = parseGlobalSettings({ apiSecret: { nested: "s3cr3t-value" }, obsUrl: "http://s3cr3t-host" });
		expect(problems.length).toBe(2);
		expect(problems.join(" ")).not.toContain("s3cr3t");
	});

	it("rejects an OBS URL that is not a websocket URL", () => {
		expect(parseGlobalSettings({ obsUrl: "127.0.0.1:4455" }).problems).toEqual(["problem.obsUrl.url"]);
	});
});

describe("API configuration from global settings", () => {
	it("uses the partner endpoints by default", () => {
		const result = apiConfigFrom(parseGlobalSettings({ apiKey: "k", apiSecret: "s", profileId: "x1" }).value);
		expect(result).toEqual({
			ok: true,
			config: expect.objectContaining({
				mode: "partner",
				apiUrl: "https://partner.api.dailymotion.com/rest",
				tokenUrl: "https://partner.api.dailymotion.com/oauth/v1/token",
			}),
		});
	});

	it("uses the public endpoints in user mode", () => {
		const result = apiConfigFrom(parseGlobalSettings({ apiMode: "user" }).value);
		expect(result.ok && result.config.apiUrl).toBe("https://api.dailymotion.com");
		expect(result.ok && result.config.tokenUrl).toBe("https://api.dailymotion.com/oauth/token");
	});

	it("allows plain http only for this machine", () => {
		const local = apiConfigFrom(parseGlobalSettings({ apiUrl: "http://127.0.0.1:8080/rest/", tokenUrl: "http://localhost:1/t" }).value);
		expect(local.ok && local.config.apiUrl).toBe("http://127.0.0.1:8080/rest");
		const remote = apiConfigFrom(parseGlobalSettings({ apiUrl: "http://api.example.com/rest" }).value);
		expect(remote).toEqual({ ok: false, field: "apiUrl", problem: "problem.apiUrl.https" });
	});

	it("API v2: its own credentials and endpoints, chosen by apiVersion; the legacy ones are kept meanwhile", () => {
		const raw = { apiKey: "legacy-key", apiSecret: "legacy-secret", profileId: "x1", v2ApiKey: "k2", v2ApiSecret: "s2", v2ProfileId: "x2" };
		const legacy = apiConfigFrom(parseGlobalSettings(raw).value);
		expect(legacy).toMatchObject({ ok: true, config: { api: "legacy", apiKey: "legacy-key", profileId: "x1" } });
		const v2 = apiConfigFrom(parseGlobalSettings({ ...raw, apiVersion: "v2" }).value);
		expect(v2).toEqual({ ok: true, config: { api: "v2", apiKey: "k2", apiSecret: "s2", profileId: "x2", ...V2_API_DEFAULTS } });
		const local = apiConfigFrom(parseGlobalSettings({ apiVersion: "v2", v2ApiUrl: "http://127.0.0.1:9/v2/", v2TokenUrl: "http://localhost:9/v2/token" }).value);
		expect(local).toMatchObject({ ok: true, config: { apiUrl: "http://127.0.0.1:9/v2", tokenUrl: "http://localhost:9/v2/token" } });
		const remote = apiConfigFrom(parseGlobalSettings({ apiVersion: "v2", v2TokenUrl: "http://auth.example.com/v2/token" }).value);
		expect(remote).toMatchObject({ ok: false, field: "v2TokenUrl" });
		expect(parseGlobalSettings({ apiVersion: "v3" })).toMatchObject({ value: { apiVersion: "legacy" }, problems: ["problem.apiVersion.choice"] });
	});

	it("keeps one current live per API version", () => {
		const legacy = parseGlobalSettings({ liveId: "xlegacy1", v2LiveId: "xv2live1" }).value;
		expect([liveIdKey(legacy), currentLiveId(legacy)]).toEqual(["liveId", "xlegacy1"]);
		const v2 = parseGlobalSettings({ apiVersion: "v2", liveId: "xlegacy1", v2LiveId: "xv2live1" }).value;
		expect([liveIdKey(v2), currentLiveId(v2)]).toEqual(["v2LiveId", "xv2live1"]);
	});
});
