import streamDeck, {
	action,
	SingletonAction,
	type DialDownEvent,
	type DialRotateEvent,
	type DidReceiveSettingsEvent,
	type KeyDownEvent,
	type KeyUpEvent,
	type TouchTapEvent,
	type WillAppearEvent,
	type WillDisappearEvent,
} from "@elgato/streamdeck";
import type { JsonObject } from "@elgato/utils";
import type { Messages } from "../i18n/messages.js";
import { adBreakFeedback, renderAdBreak, titleLine, type AdBreakView } from "../keys/index.js";
import { isCountingDown, type AdBreakPhase } from "../live/ad-break-clock.js";
import type { AdBreaks, LaunchResult } from "../live/ad-breaks.js";
import { SNOOZE_MS, type AdSchedulePhase } from "../live/ad-schedule.js";
import type { AdScheduleEvent, AdScheduler } from "../live/ad-scheduler.js";
import { LONG_PRESS_MS } from "../live/stream-control.js";
import { parseAdBreakSettings, type AdBreakSettings } from "../settings/ad-break.js";
import { errorText } from "./error-text.js";
import { LiveKeys, type LiveKey } from "./live-keys.js";
import type { LiveKeysDeps } from "./live-keys-deps.js";

const logger = streamDeck.logger.createScope("AdBreak");

/** Schedule phases with a break ahead: a long press or a dial turn snoozes it. */
const SNOOZABLE = new Set<AdSchedulePhase["kind"]>(["waiting", "warning", "due", "failed"]);

/**
 * Ad Break: launches a mid-roll for every viewer of the current live, then counts down the break and the cooldown
 * on the key (or the Stream Deck + touch strip). Presses while counting send nothing. With automatic ad breaks on
 * (global settings), the key shows the time to the next scheduled break (amber in the warning window); a press launches
 * now (restarting the interval), a long press or a dial turn snoozes the next break.
 */
@action({ UUID: "com.dailymotion.live.adbreak" })
export class AdBreakAction extends SingletonAction<JsonObject> {
	#adBreaks: AdBreaks;
	#scheduler: AdScheduler;
	#m: Messages;
	#keys: LiveKeys<AdBreakSettings>;
	/** Per key: a press held to tell a tap (launch) from a long press (snooze), and the timer that snoozes. */
	#holds = new Map<string, NodeJS.Timeout>();

	constructor(adBreaks: AdBreaks, scheduler: AdScheduler, deps: LiveKeysDeps) {
		super();
		this.#adBreaks = adBreaks;
		this.#scheduler = scheduler;
		this.#m = deps.messages;
		this.#keys = new LiveKeys({
			...deps,
			logger,
			render: (key) => this.#render(key),
			alsoWatch: (liveId, redraw) => scheduler.watch(liveId, redraw),
		});
		scheduler.onEvent((event) => this.#onScheduleEvent(event));
	}

	override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
		this.#keys.show(ev.action, this.#settings(ev.payload.settings));
	}

	override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
		this.#endHold(ev.action.id);
		this.#keys.hide(ev.action.id);
	}

	override onDidReceiveSettings(ev: DidReceiveSettingsEvent<JsonObject>): void {
		this.#keys.update(ev.action.id, this.#settings(ev.payload.settings));
	}

	override onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> | void {
		const key = this.#keys.get(ev.action.id);
		if (!key) return;
		// Only a press that could snooze waits for its release; any other launches at once, as fast as ever.
		if (!this.#snoozable(key)) return this.#press(key.view.id);
		this.#endHold(key.view.id);
		this.#holds.set(
			key.view.id,
			setTimeout(() => {
				this.#holds.delete(key.view.id);
				this.#snooze(key);
			}, LONG_PRESS_MS),
		);
	}

	override onKeyUp(ev: KeyUpEvent<JsonObject>): Promise<void> | void {
		if (!this.#holds.has(ev.action.id)) return;
		this.#endHold(ev.action.id);
		return this.#press(ev.action.id);
	}

	override onDialDown(ev: DialDownEvent<JsonObject>): Promise<void> {
		return this.#press(ev.action.id);
	}

	override onTouchTap(ev: TouchTapEvent<JsonObject>): Promise<void> {
		return this.#press(ev.action.id);
	}

	override onDialRotate(ev: DialRotateEvent<JsonObject>): void {
		const key = this.#keys.get(ev.action.id);
		if (!key || !this.#scheduler.config) return;
		if (this.#snoozable(key)) this.#snooze(key);
		else key.view.alert(); // nothing scheduled ahead (off air, a break running…): nothing to move
	}

	async #press(id: string): Promise<void> {
		const key = this.#keys.get(id);
		if (!key) return;
		const cooldownMs = key.settings.cooldown * 1000;
		if (isCountingDown(this.#adBreaks.phase(key.liveId, cooldownMs)) || this.#adBreaks.isLaunching(key.liveId)) {
			key.view.alert(); // Refused locally: no request, and the countdown goes on.
			return;
		}
		key.view.image(renderAdBreak({ state: "busy" }, this.#m));
		try {
			// With the schedule on, a press is a manual launch the schedule restarts its interval from.
			const result: LaunchResult = this.#scheduler.config
				? await this.#scheduler.launchNow(key.liveId)
				: await this.#adBreaks.launch(key.liveId, cooldownMs);
			if (result.kind === "refused") {
				logger.info(`Ad break refused without a request: ${result.phase.kind}`);
				key.view.alert();
			} else {
				key.view.ok();
			}
		} catch (err) {
			const text = errorText(err, this.#m);
			logger.error(`Ad break failed: ${text.detail}`);
			key.view.alert();
			key.view.image(renderAdBreak({ state: "error", message: titleLine(text.title) }, this.#m));
			return;
		}
		this.#keys.drawLive(key.liveId);
	}

	#snoozable(key: LiveKey<AdBreakSettings>): boolean {
		if (!this.#scheduler.config || !SNOOZABLE.has(this.#scheduler.phase(key.liveId).kind)) return false;
		return !isCountingDown(this.#adBreaks.phase(key.liveId, key.settings.cooldown * 1000));
	}

	#snooze(key: LiveKey<AdBreakSettings>): void {
		const before = this.#scheduler.phase(key.liveId);
		const after = this.#scheduler.snooze(key.liveId);
		if ("nextAt" in after && "nextAt" in before && after.nextAt > before.nextAt) key.view.ok();
		else key.view.alert();
		this.#keys.drawLive(key.liveId);
	}

	#endHold(id: string): void {
		clearTimeout(this.#holds.get(id));
		this.#holds.delete(id);
	}

	/** An automatic launch: every key of that live says how it went (the face shows the rest). */
	#onScheduleEvent(event: AdScheduleEvent): void {
		for (const key of this.#keys.all()) {
			if (key.liveId !== event.liveId) continue;
			if (event.kind === "launched") key.view.ok();
			else key.view.alert();
		}
		this.#keys.drawLive(event.liveId);
	}

	#render(key: LiveKey<AdBreakSettings>): boolean {
		if (this.#adBreaks.isLaunching(key.liveId)) return false;
		const phase = this.#adBreaks.phase(key.liveId, key.settings.cooldown * 1000);
		const schedule = this.#scheduler.phase(key.liveId);
		const view = isCountingDown(phase) ? toView(phase, this.#m) : (this.#scheduledView(schedule, phase) ?? toView(phase, this.#m));
		key.view.image(renderAdBreak(view, this.#m));
		key.view.feedback(adBreakFeedback(view, this.#m));
		key.view.triggers(this.#m.t("action.adbreak.push"), this.#scheduler.config ? this.#m.t("action.adbreak.rotate") : undefined);
		return isCountingDown(phase) || view.state === "scheduled";
	}

	/** The view of a scheduled break ahead; undefined when the schedule has nothing to show (off, off air…). */
	#scheduledView(schedule: AdSchedulePhase, phase: AdBreakPhase): AdBreakView | undefined {
		const config = this.#scheduler.config;
		if (!config) return undefined;
		switch (schedule.kind) {
			case "waiting":
			case "warning":
			case "failed":
				return {
					state: "scheduled",
					phase: schedule.kind,
					remainingMs: schedule.remainingMs,
					totalMs: config.everyMs,
					remaining: phase.kind === "ready" ? phase.remaining : null,
					// In the user's minutes: a test may compress the scheduler's time, never the words.
					snooze: this.#m.minutes(SNOOZE_MS / 60_000),
				};
			case "due":
				return schedule.retryAt === null ? { state: "busy" } : { state: "auto-retry" };
			default:
				return undefined;
		}
	}

	#settings(raw: unknown): AdBreakSettings {
		const parsed = parseAdBreakSettings(raw);
		if (parsed.problems.length > 0) logger.warn(`Ad Break settings: ${parsed.problems.join("; ")}`);
		return parsed.value;
	}
}

function toView(phase: AdBreakPhase, m: Messages): AdBreakView {
	switch (phase.kind) {
		case "running":
		case "cooldown":
			return { state: phase.kind, remainingMs: phase.remainingMs, totalMs: phase.totalMs };
		case "ready":
			return { state: "ready", remaining: phase.remaining };
		case "loading":
			return { state: "busy" };
		case "error":
			return { state: "error", message: titleLine(errorText(phase.error, m).title) };
		default:
			return { state: phase.kind };
	}
}
