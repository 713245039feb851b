/** Ad-break launch rules (§8.8), checked in the contract's order. */
import { forbidden, invalidParameter } from "./errors.ts";
import { seconds, type LiveState, type LiveStore } from "./live-store.ts";

/** A break lasts 35 s in the sandbox. */
export const adBreakSeconds = 35;

/**
 * Throws the contract's error for the first failing rule. `enabled` is the ad-break switch as it will be after the
 * same edit (so `live_ad_break=0&live_ad_break_launch=1` is refused).
 */
export function checkLaunch(state: LiveState, enabled: boolean, nowMs: number, store: LiveStore): void {
	// Rule 1 (mode=live) always holds: the sandbox creates lives only.
	if (!state.onair) {
		throw invalidParameter("live_ad_break_launch", "An ad break can only be launched while the live is on air.");
	}
	if (!enabled) throw forbidden("Ad breaks are disabled for this live.");
	if (state.adBreakEndTime !== null && seconds(nowMs) < state.adBreakEndTime) {
		throw invalidParameter("live_ad_break_launch", "An ad break is already running, wait until it ends.");
	}
	if (store.adBreakRemaining(state) <= 0) {
		throw invalidParameter("live_ad_break_launch", "The hourly quota of ad breaks is reached, try again later.");
	}
}

/** Records a launch: end time = now + 35 s, one more launch in the rolling hour. */
export function applyLaunch(state: LiveState, nowMs: number): void {
	const now = seconds(nowMs);
	state.adBreakEndTime = now + adBreakSeconds;
	state.adBreakLaunches.push(now);
}
