import { ConfigError, DailymotionClient, DailymotionV2Client, type ClientOptions, type LiveApi } from "../dailymotion/index.js";
import { apiConfigFrom, type ApiConfig } from "../settings/api-config.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";

/**
 * Hands out the Dailymotion client for the current global settings: the legacy REST client or the API v2 one, as
 * `apiVersion` says. The client (and so its token cache) is kept while the settings that shape it stay the same, and
 * replaced when they change.
 */
export class ApiProvider {
	#store: GlobalSettingsStore;
	#options: ClientOptions;
	#client: LiveApi | undefined;
	#key = "";

	constructor(store: GlobalSettingsStore, options: ClientOptions = {}) {
		this.#store = store;
		this.#options = options;
	}

	/** Calls `listener` when a settings change alters what the client is built from (API, account, credentials, URLs). */
	onConfigChange(listener: () => void): () => void {
		return this.#store.onChange((current, previous) => {
			if (JSON.stringify(apiConfigFrom(current)) !== JSON.stringify(apiConfigFrom(previous))) listener();
		});
	}

	/** The client to use now; throws ConfigError when the settings cannot work. */
	client(): LiveApi {
		const result = apiConfigFrom(this.#store.current);
		if (!result.ok) throw new ConfigError(result.problem, result.field);
		const key = JSON.stringify(result.config);
		if (!this.#client || key !== this.#key) {
			this.#client = build(result.config, this.#options);
			this.#key = key;
		}
		return this.#client;
	}

	/**
	 * Whether the API in use offers an operation (keys that cannot do it say so and send nothing). With unusable
	 * settings it answers true: the key then shows the read's error instead, which says what to fix.
	 */
	can(capability: keyof LiveApi["capabilities"]): boolean {
		try {
			return this.client().capabilities[capability];
		} catch {
			return true;
		}
	}
}

function build(config: ApiConfig, options: ClientOptions): LiveApi {
	return config.api === "v2" ? new DailymotionV2Client(config, options) : new DailymotionClient(config, options);
}
