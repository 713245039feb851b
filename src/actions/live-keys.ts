import type { DialAction, KeyAction } from "@elgato/streamdeck";
import type { LiveExtra } from "../dailymotion/index.js";
import type { Logger } from "../log.js";
import type { LiveRegistry } from "../live/live-registry.js";
import type { LiveSnapshot } from "../live/live-store.js";
import type { SecondTicker } from "../live/second-ticker.js";
import { currentLiveId } from "../settings/global.js";
import type { GlobalSettingsStore } from "../settings/global-store.js";
import { KeyViews, type KeyView } from "./key-view.js";

/** One visible key that shows the current live. */
export interface LiveKey<S> {
	view: KeyView;
	settings: S;
	liveId: string;
}

/** Draws a key; returns true while its display changes every second (countdown, elapsed time). */
export type LiveKeyRenderer<S> = (key: LiveKey<S>) => boolean;

interface Tracked<S> extends LiveKey<S> {
	unwatch: () => void;
	untick: (() => void) | undefined;
}

/**
 * The per-key plumbing shared by the keys that show the current live (Ad Break, Ad Breaks On/Off, Live Status):
 * each visible key watches the live's shared store (one poller per live), re-renders on every change, and takes
 * second ticks only while its display is counting. Following the current live (of the API in use) is automatic.
 */
export class LiveKeys<S> {
	#views: KeyViews;
	#keys = new Map<string, Tracked<S>>();
	#lives: LiveRegistry;
	#settings: GlobalSettingsStore;
	#ticker: SecondTicker;
	#render: LiveKeyRenderer<S>;
	#extras: readonly LiveExtra[];
	#alsoWatch: ((liveId: string, redraw: () => void) => () => void) | undefined;

	constructor(deps: {
		lives: LiveRegistry;
		settings: GlobalSettingsStore;
		ticker: SecondTicker;
		logger: Logger;
		render: LiveKeyRenderer<S>;
		/** Fields these keys need besides the usual ones (the poll asks for them only while such a key is visible). */
		extras?: readonly LiveExtra[];
		/** Something else each visible key follows for its live (the ad schedule); returns the unwatch function. */
		alsoWatch?: (liveId: string, redraw: () => void) => () => void;
	}) {
		this.#views = new KeyViews(deps.logger);
		this.#extras = deps.extras ?? [];
		this.#alsoWatch = deps.alsoWatch;
		this.#lives = deps.lives;
		this.#settings = deps.settings;
		this.#ticker = deps.ticker;
		this.#render = deps.render;
		deps.settings.onChange((current, previous) => {
			// A new API version also redraws: some keys show what that API can do (Ad Breaks On/Off on v2).
			const moved = currentLiveId(current) !== currentLiveId(previous) || current.apiVersion !== previous.apiVersion;
			if (moved) for (const key of this.#keys.values()) this.#follow(key);
		});
	}

	/** Starts (or, for a repeated willAppear, refreshes) tracking of a visible key. */
	show(action: KeyAction | DialAction, settings: S): LiveKey<S> {
		const existing = this.#keys.get(action.id);
		if (existing) {
			existing.settings = settings;
			this.draw(existing);
			return existing;
		}
		const key: Tracked<S> = { view: this.#views.of(action), settings, liveId: "", unwatch: () => undefined, untick: undefined };
		this.#keys.set(action.id, key);
		this.#follow(key);
		return key;
	}

	/** New settings for a key (from the inspector). */
	update(id: string, settings: S): void {
		const key = this.#keys.get(id);
		if (!key) return;
		key.settings = settings;
		this.draw(key);
	}

	hide(id: string): void {
		const key = this.#keys.get(id);
		if (!key) return;
		key.unwatch();
		key.untick?.();
		this.#keys.delete(id);
		this.#views.forget(id);
	}

	get(id: string): LiveKey<S> | undefined {
		return this.#keys.get(id);
	}

	/** Draws one key now and starts or stops its second ticks as its display needs. */
	draw(key: LiveKey<S>): void {
		const tracked = this.#keys.get(key.view.id);
		if (!tracked) return;
		const ticking = this.#render(tracked);
		if (ticking && !tracked.untick) tracked.untick = this.#ticker.subscribe(() => this.draw(tracked));
		if (!ticking && tracked.untick) {
			tracked.untick();
			tracked.untick = undefined;
		}
	}

	/** Draws every key showing this live (after a press changed it). */
	drawLive(liveId: string): void {
		for (const key of this.#keys.values()) if (key.liveId === liveId) this.draw(key);
	}

	/** Every visible key. */
	all(): IterableIterator<LiveKey<S>> {
		return this.#keys.values();
	}

	#follow(key: Tracked<S>): void {
		key.unwatch();
		key.liveId = currentLiveId(this.#settings.current);
		if (!key.liveId) key.unwatch = () => undefined;
		else {
			const offLive = this.#lives.watch(key.liveId, (_: LiveSnapshot) => this.draw(key), this.#extras);
			const offOther = this.#alsoWatch?.(key.liveId, () => this.draw(key));
			key.unwatch = () => {
				offLive();
				offOther?.();
			};
		}
		this.draw(key);
	}
}
