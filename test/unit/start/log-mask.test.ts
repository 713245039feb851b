import { describe, expect, it } from "vitest";
import { maskText, maskValue, secretsOf, summarize } from "../../../scripts/start/log-mask.ts";

describe("npm start event log masking", () => {
	it("masks the stream key of rtmp URLs but keeps the server", () => {
		// Arrange
		const url = "rtmp://127.0.0.1:1935/live/x8abc?auth=Zk3pQr9sLm2n";
		// Act
		const masked = maskText(`publishing to ${url} now`);
		// Assert
		expect(masked).toBe("publishing to rtmp://127.0.0.1:1935/live/…Lm2n now");
	});

	it("masks values of secret keys at any depth and known secrets anywhere", () => {
		const settings = { apiKey: "key1234567890", apiSecret: "s3cr3t-value-abcd", obsPassword: "obs-pass-9876", obsUrl: "ws://127.0.0.1:4455", liveId: "x8abc" };
		const payload = { settings, stream: { key: "x8abc?auth=tokentoken1", server: "rtmp://h/live" }, note: "secret is s3cr3t-value-abcd" };

		const shown = JSON.stringify(maskValue(payload, secretsOf(settings)));

		for (const secret of ["key1234567890", "s3cr3t-value-abcd", "obs-pass-9876", "tokentoken1"]) expect(shown).not.toContain(secret);
		expect(shown).toContain('"apiSecret":"…abcd"');
		expect(shown).toContain('"obsUrl":"ws://127.0.0.1:4455"');
		expect(shown).toContain('"liveId":"x8abc"');
		expect(shown).toContain("secret is …abcd");
	});

	it("never ships images and summarizes key feedback briefly", () => {
		expect(summarize("setImage", { image: "data:image/svg+xml,%3Csvg%3E" })).toBeUndefined();
		expect(summarize("setImage", {})).toBe("manifest image");
		expect(summarize("setTitle", { title: "OBS not\nrunning" })).toBe('"OBS not ⏎ running"');
		expect(summarize("setFeedback", { title: "Ads on air", value: "0:31", indicator: { value: 88 } })).toBe('title="Ads on air" value="0:31" indicator=88');
		expect(summarize("sendToPropertyInspector", { icon: "data:image/png;base64,AAAA" })).toBe('{"icon":"<image>"}');
	});
});
