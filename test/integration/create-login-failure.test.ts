/**
 * Create Live whose login fails (before any create is sent) reports the login failure ("No network", "Dailymotion
 * down"), and does not search the lives list for a create that was never sent. Real client against the sandbox.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NetworkError, ServerError } from "../../src/dailymotion/index.ts";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveCreator } from "../../src/live/live-creator.ts";
import { ObsLink } from "../../src/live/obs-link.ts";
import { ObsPublisher } from "../../src/live/obs-publisher.ts";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { parseCreateLiveSettings } from "../../src/settings/create-live.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

let sandbox: Sandbox;
let creator: LiveCreator;
let obs: ObsConnection;

beforeEach(async () => {
	sandbox = await startSandbox();
	const settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl });
	const api = new ApiProvider(settings);
	obs = new ObsConnection({ logger: silentLogger });
	const publisher = new ObsPublisher({ api, obs: new ObsLink(obs, settings), logger: silentLogger });
	creator = new LiveCreator({ api, settings, publisher, logger: silentLogger });
});

afterEach(async () => {
	await obs.dispose();
	await sandbox.close();
});

const create = () => creator.create(parseCreateLiveSettings({ afterCreate: "none" }).value).catch((e: unknown) => e);
const apiRequests = () => sandbox.requests.filter((r) => !/\/oauth\//.test(r.path));

describe("Create Live when the login fails", () => {
	it("a token endpoint answering 503 is reported as Dailymotion down, with no lives lookup", async () => {
		sandbox.inject({ path: /\/oauth\//, status: 503, times: 20 });
		expect(await create()).toBeInstanceOf(ServerError);
		expect(apiRequests()).toEqual([]);
	});

	it("a dropped token request is reported as a network error, with no lives lookup", async () => {
		sandbox.inject({ path: /\/oauth\//, drop: true, times: 20 });
		expect(await create()).toBeInstanceOf(NetworkError);
		expect(apiRequests()).toEqual([]);
	});
});
