import { currentLiveId } from "../settings/global.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import type { LiveRegistry } from "./live-registry.js";
import type { ObsLink } from "./obs-link.js";

/** How long after OBS starts streaming the current live is read again: the ingest needs a moment to put it on air. */
export const STREAM_START_REFRESH_MS = 2_000;

/**
 * When OBS starts streaming, the current live goes on air within seconds: read it once more soon after, so the Ad Break
 * and Live Status keys flip to READY / ON AIR without waiting up to a whole poll interval. Returns the function that
 * stops listening.
 */
export function refreshLiveOnStreamStart(
	link: ObsLink,
	settings: GlobalSettingsStore,
	lives: LiveRegistry,
	delayMs: number = STREAM_START_REFRESH_MS,
): () => void {
	return link.onStreamStart(() => {
		const liveId = currentLiveId(settings.current);
		if (liveId) lives.refreshSoon(liveId, delayMs);
	});
}
