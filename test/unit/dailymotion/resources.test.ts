import { describe, expect, it } from "vitest";
import type { ApiCall, ApiRequester } from "../../../src/dailymotion/api.ts";
import { launchAdBreak } from "../../../src/dailymotion/ad-breaks.ts";
import { FALLBACK_CHANNELS, listChannels } from "../../../src/dailymotion/channels.ts";
import { ServerError } from "../../../src/dailymotion/errors.ts";
import { createLive, createLiveForm, listLives } from "../../../src/dailymotion/lives.ts";
import { changesToForm, editVideo, toVideoState } from "../../../src/dailymotion/videos.ts";
import { silentLogger } from "../../../src/log.ts";

/** An ApiRequester answering from a script, validating answers with the call's own schema. */
function fakeApi(answers: unknown[]) {
	const calls: ApiCall<unknown>[] = [];
	const api: ApiRequester = {
		async call<T>(call: ApiCall<T>): Promise<T> {
			calls.push(call as ApiCall<unknown>);
			const answer = answers[calls.length - 1];
			if (answer instanceof Error) throw answer;
			return call.schema.parse(answer);
		},
	};
	return { api, calls };
}

describe("resource mapping", () => {
	it("sends the contract's create form: published, never publish or live_ad_break", () => {
		const form = createLiveForm({ title: "T", channel: "news", forKids: false, private: true });
		expect(form).toEqual({ mode: "live", published: "true", channel: "news", is_created_for_kids: "false", title: "T", private: "true" });
	});

	it("reads the publish URL with a GET when the create answer lacks it", async () => {
		const { api, calls } = fakeApi([
			{ id: "x1", title: "T", channel: "news" },
			{ id: "x1", live_publish_url: "rtmp://h/app/x1?auth=t" },
		]);
		const live = await createLive(api, "p 1", { title: "T", channel: "news", forKids: false, private: false });
		expect(live.publishUrl).toBe("rtmp://h/app/x1?auth=t");
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST /user/p%201/videos", "GET /video/x1"]);
	});

	it("maps a zero ad-break end time to null and missing flags to null", () => {
		const state = toVideoState({ id: "x1", live_ad_break_end_time: 0, onair: true });
		expect(state).toMatchObject({ adBreakEndTime: null, adBreaksEnabled: null, audience: null, onair: true, title: "" });
		expect(toVideoState({ id: "x1", live_ad_break_end_time: 1700000000 }).adBreakEndTime).toBe(1700000000);
	});

	it("sends only the changed fields, and nothing for an empty change", async () => {
		expect(changesToForm({ forKids: true, channel: "tv" })).toEqual({ is_created_for_kids: "true", channel: "tv" });
		const { api, calls } = fakeApi([]);
		await editVideo(api, "x1", {});
		expect(calls).toHaveLength(0);
	});

	it("launches an ad break with live_ad_break_launch=1 and the two fields", async () => {
		const { api, calls } = fakeApi([{ live_ad_break_end_time: 1700000035, live_ad_break_remaining: 23 }]);
		await expect(launchAdBreak(api, "x1")).resolves.toEqual({ endTime: 1700000035, remaining: 23 });
		expect(calls[0]).toMatchObject({
			method: "POST",
			form: { live_ad_break_launch: "1" },
			searchParams: { fields: "live_ad_break_end_time,live_ad_break_remaining" },
		});
	});

	it("clamps the lives limit to 1…100", async () => {
		const { api, calls } = fakeApi([{ list: [] }, { list: [] }]);
		await listLives(api, "p1", 500);
		await listLives(api, "p1", 0);
		expect(calls.map((c) => c.searchParams?.limit)).toEqual(["100", "1"]);
	});

	it("falls back to the 17 built-in channels on error or an empty list, without throwing", async () => {
		expect(FALLBACK_CHANNELS).toHaveLength(17);
		const { api, calls } = fakeApi([new ServerError("down"), { list: [] }]);
		await expect(listChannels(api, silentLogger)).resolves.toEqual(FALLBACK_CHANNELS);
		await expect(listChannels(api, silentLogger)).resolves.toEqual(FALLBACK_CHANNELS);
		expect(calls.every((c) => c.auth === false)).toBe(true);
	});
});
