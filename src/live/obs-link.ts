import { unknownStream, type ObsConnection } from "../obs/index.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";

/**
 * Opens the shared OBS connection lazily — only once a key that needs OBS appears or is pressed, and not before the
 * global settings arrived (no attempt at the default URL a moment before the real one) — and from then on follows
 * the OBS URL and password in global settings (a change reconnects and lifts an auth-failed block).
 */
export class ObsLink {
	#obs: ObsConnection;
	#settings: GlobalSettingsStore;
	#active = false;

	constructor(obs: ObsConnection, settings: GlobalSettingsStore) {
		this.#obs = obs;
		this.#settings = settings;
		settings.onChange((current) => {
			if (this.#active) obs.configure(current.obsUrl, current.obsPassword);
		});
		settings
			.whenReceived()
			.then(() => {
				if (this.#active) obs.configure(settings.current.obsUrl, settings.current.obsPassword);
			})
			.catch(() => undefined);
	}

	/** Calls `listener` on any OBS status or stream change, without opening the connection. */
	onChange(listener: () => void): () => void {
		const offStatus = this.#obs.onStatus(listener);
		const offStream = this.#obs.onStream(listener);
		return () => {
			offStatus();
			offStream();
		};
	}

	/** The connection for a key press: a session OBS kicked is opened again, since the user asks for OBS now. */
	forPress(): ObsConnection {
		const obs = this.connection;
		obs.reconnect();
		return obs;
	}

	/**
	 * Calls `listener` when OBS's stream goes out (started, or back after a reconnect) while connected. Connecting to an
	 * OBS that is already streaming does not count: nothing started then.
	 */
	onStreamStart(listener: () => void): () => void {
		let previous = this.#obs.stream;
		return this.#obs.onStream((stream) => {
			const started = stream.active && !previous.active && previous.state !== unknownStream.state;
			previous = stream;
			if (started) listener();
		});
	}

	/** The connection, opened on first use (once the global settings are there). */
	get connection(): ObsConnection {
		if (!this.#active) {
			this.#active = true;
			if (this.#settings.received) this.#obs.configure(this.#settings.current.obsUrl, this.#settings.current.obsPassword);
		}
		return this.#obs;
	}
}
