import type { Messages } from "../i18n/messages.js";
import type { LiveRegistry } from "../live/live-registry.js";
import type { SecondTicker } from "../live/second-ticker.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";

/** What every key showing the current live needs from the composition root. */
export interface LiveKeysDeps {
	lives: LiveRegistry;
	settings: GlobalSettingsStore;
	ticker: SecondTicker;
	/** The words of Stream Deck's language. */
	messages: Messages;
}
