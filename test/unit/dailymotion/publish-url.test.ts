import { describe, expect, it } from "vitest";
import { PublishUrlError } from "../../../src/dailymotion/errors.ts";
import { splitPublishUrl } from "../../../src/dailymotion/publish-url.ts";

describe("splitPublishUrl", () => {
	it("splits at the last path slash: server without trailing slash, key with ?auth", () => {
		// Arrange
		const url = "rtmp://host:1935/publish-dm/x8abc12?auth=tok";
		// Act
		const target = splitPublishUrl(url);
		// Assert
		expect(target).toEqual({ server: "rtmp://host:1935/publish-dm", key: "x8abc12?auth=tok" });
	});

	it("keeps the server and key joinable back into the original URL", () => {
		const url = "rtmps://publish.dailymotion.com/publish-dm/x7abc?auth=AbC-123_xyz";
		const { server, key } = splitPublishUrl(url);
		expect(`${server}/${key}`).toBe(url);
		expect(server.endsWith("/")).toBe(false);
	});

	it("does not split inside the query when the auth token contains a slash", () => {
		const target = splitPublishUrl("rtmp://host/app/x1?auth=a/b");
		expect(target).toEqual({ server: "rtmp://host/app", key: "x1?auth=a/b" });
	});

	it("accepts a URL without an app path", () => {
		expect(splitPublishUrl("rtmp://host/x1?auth=t")).toEqual({ server: "rtmp://host", key: "x1?auth=t" });
	});

	it.each([
		["http URL", "http://host/app/x1?auth=secret-token"],
		["no path", "rtmp://host"],
		["empty key", "rtmp://host/app/"],
		["query only", "rtmp://host/app/?auth=secret-token"],
		["garbage", "not a url secret-token"],
		["empty", ""],
	])("rejects %s with a PublishUrlError that does not contain the URL", (_label, url) => {
		let caught: unknown;
		try {
			splitPublishUrl(url);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(PublishUrlError);
		const message = (caught as Error).message;
		expect(message).not.toContain("secret-token");
		if (url) expect(message).not.toContain(url);
	});
});
