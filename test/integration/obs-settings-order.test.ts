/**
 * The Stream key and Create Live / Send to OBS change the same OBS output: a Stream press while a new live's
 * server and key are on their way must not start OBS on the previous live's key. Real sandbox, fake OBS (it records
 * the order of requests; real OBS cannot be slowed on cue, the sandbox can).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { LiveCreator } from "../../src/live/live-creator.ts";
import { ObsLink } from "../../src/live/obs-link.ts";
import { ObsPublisher } from "../../src/live/obs-publisher.ts";
import { StreamControl } from "../../src/live/stream-control.ts";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { parseCreateLiveSettings } from "../../src/settings/create-live.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";
import { startSandbox, type Sandbox } from "../harness/sandbox/index.ts";

let sandbox: Sandbox;
let fake: FakeObs;
let obs: ObsConnection;
let creator: LiveCreator;
let publisher: ObsPublisher;
let settings: GlobalSettingsStore;

beforeEach(async () => {
	sandbox = await startSandbox();
	fake = await startFakeObs();
	settings = new GlobalSettingsStore(async () => undefined);
	const { apiKey, apiSecret, profileId } = sandbox.credentials.partner;
	settings.receive({ apiKey, apiSecret, profileId, apiUrl: sandbox.partner.apiUrl, tokenUrl: sandbox.partner.tokenUrl, obsUrl: fake.url });
	const api = new ApiProvider(settings);
	obs = new ObsConnection({ logger: silentLogger });
	const link = new ObsLink(obs, settings);
	publisher = new ObsPublisher({ api, obs: link, logger: silentLogger });
	creator = new LiveCreator({ api, settings, publisher, logger: silentLogger });
});

afterEach(async () => {
	await obs.dispose();
	await fake.close();
	await sandbox.close();
});

/** The services as plugin.ts wires them. */
function streamControl(): StreamControl {
	const link = new ObsLink(obs, settings);
	return new StreamControl(link, silentLogger, () => Promise.all([creator.settled(), publisher.settled()]));
}

const obsRequests = () => fake.requests.map((r) => r.requestType).filter((t) => t === "SetStreamServiceSettings" || t === "StartStream");

function createSettings(afterCreate: "obs" | "obs-start") {
	return parseCreateLiveSettings({ afterCreate }).value;
}

describe("a Stream press while Create Live sends a new live to OBS", () => {
	it("starts OBS only after the new live's server and key are set", async () => {
		sandbox.inject({ method: "POST", path: /\/videos$/, delayMs: 400 }); // a slow create
		const created = creator.create(createSettings("obs"));
		const started = streamControl().start();
		const live = (await created).live;
		await started;
		expect(obsRequests()).toEqual(["SetStreamServiceSettings", "StartStream"]);
		const service = fake.requests.find((r) => r.requestType === "SetStreamServiceSettings")?.requestData;
		expect(JSON.stringify(service)).toContain(live.id);
		expect(obs.stream.active).toBe(true);
	});

	it("does not start twice when Create Live already starts the stream", async () => {
		sandbox.inject({ method: "POST", path: /\/videos$/, delayMs: 400 });
		const created = creator.create(createSettings("obs-start"));
		const started = streamControl().start();
		expect((await created).obs.status).toBe("streaming");
		await started;
		expect(obsRequests()).toEqual(["SetStreamServiceSettings", "StartStream"]);
	});
});
