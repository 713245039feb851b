/**
 * "Test OBS" in the property inspector after OBS kicked the plugin's session (another client took over): the test
 * is the user asking for OBS, so it connects again instead of answering "kicked" until a key is pressed.
 * Fake OBS: real OBS does not kick on cue.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { catalogMessages } from "../../src/i18n/catalogs/index.ts";
import { answerRequest } from "../../src/inspector/answer-request.ts";
import { ApiProvider } from "../../src/live/api-provider.ts";
import { ObsLink } from "../../src/live/obs-link.ts";
import { silentLogger } from "../../src/log.ts";
import { ObsConnection } from "../../src/obs/connection.ts";
import { GlobalSettingsStore } from "../../src/settings/global-store.ts";
import { startFakeObs, type FakeObs } from "../harness/fake-obs.ts";

let fake: FakeObs;
let obs: ObsConnection;

beforeEach(async () => {
	fake = await startFakeObs();
	obs = new ObsConnection({ logger: silentLogger });
});

afterEach(async () => {
	await obs.dispose();
	await fake.close();
});

it("Test OBS reconnects after a kick and reports OBS's version", async () => {
	const settings = new GlobalSettingsStore(async () => undefined);
	settings.receive({ obsUrl: fake.url });
	const deps = { api: new ApiProvider(settings), obs: new ObsLink(obs, settings), settings, messages: catalogMessages("en") };
	const testObs = () => answerRequest({ event: "testObs", requestId: "1" }, deps);

	expect(await testObs()).toMatchObject({ ok: true, obsVersion: "29.0.2" });
	const kicked = new Promise<void>((resolve) => obs.onStatus((s) => s.kind === "kicked" && resolve()));
	fake.kick();
	await kicked;
	expect(await testObs()).toMatchObject({ ok: true, obsVersion: "29.0.2" });
	expect(fake.identifies).toBe(2);
});
