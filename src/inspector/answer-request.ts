import type { LiveApi, VideoChanges, VideoState } from "../dailymotion/index.js";
import type { Messages } from "../i18n/messages.js";
import type { ApiProvider } from "../live/api-provider.js";
import type { ObsLink } from "../live/obs-link.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import type { InspectorAnswer, InspectorRequest, LiveEdit, LiveView } from "../ui/messages.js";
import { describeError } from "./describe-error.js";

/** What the answers are computed from. */
export interface AnswerDeps {
	api: ApiProvider;
	obs: ObsLink;
	settings: GlobalSettingsStore;
	/** The words of Stream Deck's language (the inspector shows the error lines as they are). */
	messages: Messages;
	/** How long "Test OBS" waits for a connection (default 5 s). */
	obsTimeoutMs?: number;
}

/**
 * Answers one inspector request. Never throws: failures become `{ok: false, error}` with a user-facing reason.
 * Settings are read after the host's first global settings arrived, so a test uses what the user just typed
 * (the inspector's `setGlobalSettings` reaches the plugin before its `sendToPlugin`).
 */
export async function answerRequest(request: InspectorRequest, deps: AnswerDeps): Promise<InspectorAnswer> {
	const { event, requestId } = request;
	try {
		await deps.settings.whenReceived();
		switch (request.event) {
			case "testConnection": {
				const info = await deps.api.client().testConnection();
				return { event: "testConnection", requestId, ok: true, ...info };
			}
			case "testObs": {
				// A test is a request for OBS, like a key press: a session OBS kicked is opened again.
				const connection = deps.obs.forPress();
				await connection.ready(deps.obsTimeoutMs ?? 5000);
				const version = await connection.getVersion();
				return { event: "testObs", requestId, ok: true, ...version };
			}
			case "channels": {
				const channels = await deps.api.client().listChannels();
				const items = channels.map((c) => ({ value: c.id, label: c.name }));
				return { event: "channels", requestId, ok: true, items };
			}
			case "profiles": {
				const profiles = await deps.api.client().listProfiles();
				return { event: "profiles", requestId, ok: true, items: profiles.map((p) => ({ value: p.id, label: p.name })) };
			}
			case "lives": {
				const items = await deps.api.client().listLives(50);
				return { event: "lives", requestId, ok: true, items };
			}
			case "getLive": {
				const video = await deps.api.client().getEditableLive(request.liveId);
				return { event: "getLive", requestId, ok: true, live: toLiveView(video) };
			}
			case "editLive":
				return await editLive(deps.api.client(), request.liveId, request.changes, requestId, deps.messages);
		}
	} catch (error) {
		return { event, requestId, ok: false, error: describeError(error, deps.messages) } as InspectorAnswer;
	}
}

async function editLive(client: LiveApi, liveId: string, edit: LiveEdit, requestId: string, m: Messages): Promise<InspectorAnswer> {
	const changes: VideoChanges = {};
	if (edit.title !== undefined) {
		const title = edit.title.trim();
		if (title === "" || title.length > 255) {
			return { event: "editLive", requestId, ok: false, error: m.t("problem.title.length") };
		}
		changes.title = title;
	}
	if (edit.channel !== undefined) {
		if (!/^[a-z]{1,32}$/.test(edit.channel)) {
			return { event: "editLive", requestId, ok: false, error: m.t("problem.channel.pick") };
		}
		changes.channel = edit.channel;
	}
	if (edit.private !== undefined) changes.private = edit.private;
	await client.editVideo(liveId, changes);
	const live = toLiveView(await client.getEditableLive(liveId));
	return { event: "editLive", requestId, ok: true, live, changed: Object.keys(changes) };
}

/** The editable fields of a video (`private` is null when the API did not report it). */
export function toLiveView(video: VideoState): LiveView {
	return {
		id: video.id,
		title: video.title,
		channel: video.channel,
		private: video.private,
		onair: video.onair,
	};
}
