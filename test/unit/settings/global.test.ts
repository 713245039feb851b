import { describe, expect, it } from "vitest";
import { apiConfigFrom } from "../../../src/settings/api-config.ts";
import { DEFAULT_OBS_URL, parseGlobalSettings } from "../../../src/settings/global.ts";

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
});
