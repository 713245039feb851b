import { ConfigError, DailymotionClient, type ClientOptions } from "../dailymotion/index.js";
import { apiConfigFrom } from "../settings/api-config.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";

/**
 * Hands out the Dailymotion client for the current global settings. The client (and so its token cache) is kept
 * while the settings that shape it stay the same, and replaced when they change.
 */
export class ApiProvider {
	#store: GlobalSettingsStore;
	#options: ClientOptions;
	#client: DailymotionClient | undefined;
	#key = "";

	constructor(store: GlobalSettingsStore, options: ClientOptions = {}) {
		this.#store = store;
		this.#options = options;
	}

	/** Calls `listener` when a settings change alters what the client is built from (account, credentials, URLs). */
	onConfigChange(listener: () => void): () => void {
		return this.#store.onChange((current, previous) => {
			if (JSON.stringify(apiConfigFrom(current)) !== JSON.stringify(apiConfigFrom(previous))) listener();
		});
	}

	/** The client to use now; throws ConfigError when the settings cannot work. */
	client(): DailymotionClient {
		const result = apiConfigFrom(this.#store.current);
		if (!result.ok) throw new ConfigError(result.problem, result.field);
		const key = JSON.stringify(result.config);
		if (!this.#client || key !== this.#key) {
			this.#client = new DailymotionClient(result.config, this.#options);
			this.#key = key;
		}
		return this.#client;
	}
}
