/**
 * Live keys after the user fixes the API credentials: the lives whose reads failed are read again within a second or
 * so, not after the poll's error backoff (which grows to a minute). Real client and sandbox, real timers.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveRegistry } from "../../src/live/live-registry.ts";
import type { LiveSnapshot } from "../../src/live/live-store.ts";
import { silentLogger } from "../../src/log.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

let sandbox: Sandbox;
let registry: LiveRegistry;

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(async () => {
	registry.dispose();
	await sandbox.close();
});

it("reads a failing live again soon after the credentials are fixed", async () => {
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	const account = { apiKey, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl };
	const settings = new GlobalSettingsStore(async () => undefined);
	settings.receive({ ...account, apiSecret });
	const api = new ApiProvider(settings);
	const liveId = (await api.client().createLive({ title: "Show", channel: "videogames", forKids: false, private: false })).id;

	settings.receive({ ...account, apiSecret: "wrong-secret" });
	registry = new LiveRegistry({ api, logger: silentLogger });
	const seen: LiveSnapshot[] = [];
	const stop = registry.watch(liveId, (s) => seen.push(s));
	await vi.waitFor(() => expect(seen.at(-1)?.error).toBeTruthy(), { timeout: 5_000 }); // login refused

	settings.receive({ ...account, apiSecret }); // fixed in the property inspector
	await vi.waitFor(() => expect(seen.at(-1)?.video?.id).toBe(liveId), { timeout: 5_000 });
	expect(seen.at(-1)?.error).toBeNull();
	stop();
});
