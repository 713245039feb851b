import streamDeck from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import { CreateLiveAction } from "./actions/create-live.js";
import { SendToObsAction } from "./actions/send-to-obs.js";
import { StreamToggleAction } from "./actions/stream-toggle.js";
import { onHostSocketClosed } from "./host-socket.js";
import { ApiProvider } from "./live/api-provider.js";
import { LiveCreator } from "./live/live-creator.js";
import { ObsLink } from "./live/obs-link.js";
import { ObsPublisher } from "./live/obs-publisher.js";
import { StreamControl } from "./live/stream-control.js";
import { ObsConnection } from "./obs/index.js";
import { GlobalSettingsStore } from "./settings/global-store.js";

// Composition root: build the services, register the actions, connect last. No decisions here.
const logger = streamDeck.logger;
logger.setLevel("info");
process.on("unhandledRejection", (reason) => logger.error("Unhandled rejection (bug):", reason));

const settings = new GlobalSettingsStore(
	(value) => streamDeck.settings.setGlobalSettings(value as JsonObject),
	logger.createScope("Settings"),
);
settings.onChange((current, previous) => {
	if (current.debugLogging !== previous.debugLogging) logger.setLevel(current.debugLogging ? "debug" : "info");
});
const api = new ApiProvider(settings, { logger: logger.createScope("Dailymotion") });
const obs = new ObsConnection({ logger: logger.createScope("OBS") });
const obsLink = new ObsLink(obs, settings);
const publisher = new ObsPublisher({ api, obs: obsLink, logger: logger.createScope("Publisher") });
const creator = new LiveCreator({ api, settings, publisher, logger: logger.createScope("Lives") });
const streamControl = new StreamControl(obsLink, logger.createScope("Stream"));

streamDeck.actions.registerAction(new CreateLiveAction(creator));
streamDeck.actions.registerAction(new SendToObsAction(publisher, settings));
streamDeck.actions.registerAction(new StreamToggleAction(streamControl));

streamDeck.settings.onDidReceiveGlobalSettings((ev) => settings.receive(ev.settings));

let stopping = false;
function shutdown(reason: string): void {
	if (stopping) return;
	stopping = true;
	logger.info(`Shutting down: ${reason}`);
	// Leave promptly even if OBS is slow to close; the short delay lets the log line reach the file.
	setTimeout(() => process.exit(0), 300).unref();
	obs.dispose().catch((err: unknown) => logger.warn("Closing OBS failed", err));
}
onHostSocketClosed(() => shutdown("Stream Deck closed the connection"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

await streamDeck.connect();
settings.receive(await streamDeck.settings.getGlobalSettings());
