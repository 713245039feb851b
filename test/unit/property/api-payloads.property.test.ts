/**
 * Random and hostile answers from Dailymotion through the real client (ky, zod schemas, error mapping) and on to
 * what a key shows: every call either gives a well-formed value or a typed Dailymotion error, and the key text is
 * short, non-empty and free of secrets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorText } from "../../../src/actions/error-text.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import { DailymotionClient, DailymotionError, splitPublishUrl, PublishUrlError } from "../../../src/dailymotion/index.ts";
import { describeError } from "../../../src/inspector/describe-error.ts";
import { isInspectorRequest } from "../../../src/ui/messages.ts";

const en = catalogMessages("en");

const API_SECRET = "api-secret-0a1b2c3d4e5f";
const TOKEN = "access-token-9f8e7d6c5b4a";

/** JSON-ish bodies shaped like what the API sends, and then some. */
const body = fc.oneof(
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc.record(
		{
			id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
			title: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
			onair: fc.oneof(fc.boolean(), fc.constant("true"), fc.constant(null)),
			live_publish_url: fc.oneof(fc.string(), fc.constant(`rtmp://h/app/x1?auth=${TOKEN}`), fc.constant(null)),
			live_ad_break_end_time: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
			list: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.constant(null)),
			error: fc.oneof(fc.record({ message: fc.oneof(fc.string(), fc.constant(`bad token ${TOKEN}`)), type: fc.string(), code: fc.integer() }), fc.string()),
		},
		{ requiredKeys: [] },
	).map((v) => JSON.stringify(v)),
	fc.string(),
	fc.constant("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"),
	fc.constant(""),
);
const status = fc.oneof(fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s)));
const answer = fc.record({ status, body, retryAfter: fc.option(fc.constantFrom("0", "1", "120", "soon", "Wed, 21 Oct 2015 07:28:00 GMT")) });

function clientAnswering(api: { status: number; body: string; retryAfter: string | null }): DailymotionClient {
	const fetch = async (input: RequestInfo | URL): Promise<Response> => {
		const url = input instanceof Request ? input.url : String(input);
		if (url.includes("/oauth/")) {
			return new Response(JSON.stringify({ access_token: TOKEN, expires_in: 3600 }), { status: 200, headers: { "content-type": "application/json" } });
		}
		const headers: Record<string, string> = { "content-type": "application/json" };
		if (api.retryAfter !== null) headers["retry-after"] = api.retryAfter;
		return new Response(api.body, { status: api.status, headers });
	};
	return new DailymotionClient(
		{ mode: "partner", apiKey: "key", apiSecret: API_SECRET, profileId: "x1", apiUrl: "https://api.test/rest", tokenUrl: "https://api.test/oauth/v1/token" },
		{ fetch: fetch as typeof globalThis.fetch, getRetries: 0, timeoutMs: 2_000 },
	);
}

async function expectTypedOutcome(call: () => Promise<unknown>, check: (value: unknown) => void): Promise<void> {
	let value: unknown;
	try {
		value = await call();
	} catch (error) {
		expect(error).toBeInstanceOf(DailymotionError);
		const text = errorText(error, en);
		expect(text.title.length).toBeGreaterThan(0);
		expect(text.title.split("\n").length).toBeLessThanOrEqual(2);
		for (const shown of [text.title, text.detail, describeError(error, en)]) {
			expect(shown).not.toContain(TOKEN);
			expect(shown).not.toContain(API_SECRET);
			expect(shown).not.toMatch(/<html|<!DOCTYPE/i);
		}
		return;
	}
	check(value);
}

describe("hostile API answers", () => {
	it("reading a live gives a well-formed state or a typed error with a clean message", async () => {
		await fc.assert(
			fc.asyncProperty(answer, async (api) => {
				await expectTypedOutcome(() => clientAnswering(api).getVideo("x1"), (video) => {
					expect(video).toMatchObject({ id: expect.any(String), onair: expect.any(Boolean) });
				});
			}),
			{ numRuns: 150 },
		);
	});

	it("creating, listing and launching do too", async () => {
		await fc.assert(
			fc.asyncProperty(answer, fc.constantFrom("create", "list", "launch", "toggle"), async (api, what) => {
				const client = clientAnswering(api);
				const calls = {
					create: () => client.createLive({ title: "T", channel: "news", forKids: false, private: false }),
					list: () => client.listLives(),
					launch: () => client.launchAdBreak("x1"),
					toggle: () => client.setAdBreaksEnabled("x1", true),
				};
				await expectTypedOutcome(calls[what], (value) => {
					if (what === "create") expect(value).toMatchObject({ id: expect.any(String), publishUrl: expect.any(String) });
					if (what === "list") expect(Array.isArray(value)).toBe(true);
				});
			}),
			{ numRuns: 150 },
		);
	});
});

describe("hostile publish URLs and inspector messages", () => {
	it("a publish URL splits into server + key that rebuild it, or fails without quoting it", () => {
		const url = fc.oneof(
			fc.string(),
			fc.tuple(fc.constantFrom("rtmp://", "rtmps://", "RTMP://", "http://", ""), fc.string(), fc.constantFrom("", "/", "/app/", "?auth=")).map((p) => p.join("")),
			fc.webUrl().map((u) => u.replace(/^https?/, "rtmp")),
		);
		fc.assert(
			fc.property(url, (raw) => {
				try {
					const { server, key } = splitPublishUrl(raw);
					expect(server.length).toBeGreaterThan(0);
					expect(key.length).toBeGreaterThan(0);
					expect(raw.trim().startsWith(server)).toBe(true);
					expect(raw.trim().endsWith(key)).toBe(true);
				} catch (error) {
					expect(error).toBeInstanceOf(PublishUrlError);
					if (raw.trim().length > 12) expect((error as Error).message).not.toContain(raw.trim());
				}
			}),
			{ numRuns: 500 },
		);
	});

	it("any message from the inspector is classified without throwing", () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything(), fc.record({ event: fc.constantFrom("getLive", "editLive", "lives", "x"), requestId: fc.anything(), liveId: fc.anything(), changes: fc.anything() })), (payload) => {
				expect(typeof isInspectorRequest(payload)).toBe("boolean");
			}),
			{ numRuns: 500 },
		);
	});

	it("any thrown value becomes a short key title", () => {
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withObjectString: true }), (thrown) => {
				const text = errorText(thrown, en);
				expect(text.title.length).toBeGreaterThan(0);
				expect(typeof text.detail).toBe("string");
			}),
			{ numRuns: 1_000 },
		);
	});
});
