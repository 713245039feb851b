import "./zod-jitless.js";
import { connected } from "./connect-first.js";
import streamDeck from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import { AdBreakAction } from "./actions/ad-break.js";
import { AdToggleAction } from "./actions/ad-toggle.js";
import { CreateLiveAction } from "./actions/create-live.js";
import { LiveStatusAction } from "./actions/live-status.js";
import { RecordAction } from "./actions/record.js";
import { SendToObsAction } from "./actions/send-to-obs.js";
import { StreamToggleAction } from "./actions/stream-toggle.js";
import { onHostSocketClosed } from "./host-socket.js";
import { loadMessages } from "./i18n/load-node.js";
import { registerInspectorBridge } from "./inspector/index.js";
import { AdBreaks } from "./live/ad-breaks.js";
import { SNOOZE_MS } from "./live/ad-schedule.js";
import { AdScheduler } from "./live/ad-scheduler.js";
import { ApiProvider } from "./live/api-provider.js";
import { LiveRegistry } from "./live/live-registry.js";
import { LiveCreator } from "./live/live-creator.js";
import { ObsLink } from "./live/obs-link.js";
import { ObsPublisher } from "./live/obs-publisher.js";
import { Recording } from "./live/recording.js";
import { SecondTicker } from "./live/second-ticker.js";
import { StreamControl } from "./live/stream-control.js";
import { lazyHealthSource } from "./live/stream-health.js";
import { StreamHealthMonitor } from "./live/stream-health-monitor.js";
import { refreshLiveOnStreamStart } from "./live/stream-start-refresh.js";
import { ObsConnection } from "./obs/index.js";
import { adScheduleConfig, minuteLength } from "./settings/ad-schedule.js";
import { GlobalSettingsStore } from "./settings/global-store.js";

// Composition root: build the services and register the actions (the connection opens first: connect-first.ts).
// No decisions here.
const logger = streamDeck.logger;
logger.setLevel("info");
process.on("unhandledRejection", (reason) => logger.error("Unhandled rejection (bug):", reason));
// Keys and the inspector's answers speak Stream Deck's language (read from <lang>.json: only that one is loaded).
const messages = loadMessages(streamDeck.info.application.language, logger.createScope("I18n"));

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
// A Stream press waits for a new live's settings to reach OBS, so it never starts on the previous live's key.
const obsSettingsSettled = () => Promise.all([creator.settled(), publisher.settled()]);
const streamControl = new StreamControl(obsLink, logger.createScope("Stream"), obsSettingsSettled);
const lives = new LiveRegistry({ api, logger: logger.createScope("Lives") });
const adBreaks = new AdBreaks({ api, lives, logger: logger.createScope("AdBreaks") });
// Read once: a test seam that compresses the schedule's minutes (README, Development); unset, a minute is 60 s.
const minuteMs = minuteLength(process.env.DAILYMOTION_LIVE_MINUTE_MS);
if (minuteMs !== 60_000) logger.info(`Ad schedule test time: a minute lasts ${minuteMs} ms`);
const adScheduler = new AdScheduler({ adBreaks, lives, logger: logger.createScope("AutoAds"), snoozeMs: (SNOOZE_MS / 60_000) * minuteMs });
settings.onChange((current) => adScheduler.configure(adScheduleConfig(current, minuteMs)));
const recording = new Recording({ api, lives, logger: logger.createScope("Recording") });
// Built on the first key that shows the stream's health.
const streamHealth = lazyHealthSource(() => new StreamHealthMonitor({ obs: obsLink, logger: logger.createScope("Health") }));
refreshLiveOnStreamStart(obsLink, settings, lives);
const ticker = new SecondTicker();
const liveKeys = { lives, settings, ticker, messages };

streamDeck.actions.registerAction(new CreateLiveAction(creator, messages));
streamDeck.actions.registerAction(new SendToObsAction(publisher, settings, messages));
streamDeck.actions.registerAction(new StreamToggleAction(streamControl, messages, streamHealth));
streamDeck.actions.registerAction(new AdBreakAction(adBreaks, adScheduler, liveKeys));
streamDeck.actions.registerAction(new AdToggleAction(adBreaks, liveKeys));
streamDeck.actions.registerAction(new LiveStatusAction(liveKeys, streamHealth));
streamDeck.actions.registerAction(new RecordAction(recording, liveKeys));

registerInspectorBridge({ api, obs: obsLink, settings, messages, logger: logger.createScope("Inspector") });

streamDeck.settings.onDidReceiveGlobalSettings((ev) => settings.receive(ev.settings));

let stopping = false;
function shutdown(reason: string): void {
	if (stopping) return;
	stopping = true;
	logger.info(`Shutting down: ${reason}`);
	// Leave promptly even if OBS is slow to close; the short delay lets the log line reach the file.
	setTimeout(() => process.exit(0), 300).unref();
	ticker.dispose();
	adScheduler.dispose();
	recording.dispose();
	lives.dispose();
	obs.dispose().catch((err: unknown) => logger.warn("Closing OBS failed", err));
}
onHostSocketClosed(() => shutdown("Stream Deck closed the connection"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

// Not a top-level await: lazily loaded chunks import this bundle, which they could not while it waits.
connected
	.then(async () => settings.receiveInitial(await streamDeck.settings.getGlobalSettings()))
	.catch((err: unknown) => {
		logger.error("Connecting to Stream Deck failed", err);
		process.exit(1);
	});
