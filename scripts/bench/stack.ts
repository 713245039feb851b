/**
 * The bench's view of the e2e stack: one clock for host and sandbox, key-feedback lookups, and lives made
 * through the plugin's own Dailymotion client (so a live can be ready without pressing Create Live).
 */
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import type { RecordedCommand } from "../../test/harness/host/index.ts";
import { ACTION_UUID, startStack, type Stack, type StackOptions } from "../../test/harness/stack.ts";
import "../src-imports.ts";
import type { BenchOptions } from "./options.ts";

const { DailymotionClient } = await import("../../src/dailymotion/index.ts");

export const ACTIONS = ACTION_UUID;

/** The sandbox clock: epoch ms on the host simulator's `performance.now()` scale, so both can be compared. */
export const sandboxNow = (): number => performance.timeOrigin + performance.now();
/** A sandbox `RecordedRequest.at` on the host's `RecordedCommand.at` scale. */
export const hostTime = (sandboxAt: number): number => sandboxAt - performance.timeOrigin;

/** Events that change what the user sees on a key. */
const VISIBLE = new Set(["setTitle", "setImage", "showAlert", "showOk", "setFeedback", "setState"]);

export function isFeedback(c: RecordedCommand, context: string): boolean {
	return c.context === context && VISIBLE.has(c.event);
}

/** The SVG markup of a `setImage` command. */
export function svgOf(c: RecordedCommand): string {
	const image = String(c.payload?.image ?? "");
	const comma = image.indexOf(",");
	return comma < 0 ? "" : decodeURIComponent(image.slice(comma + 1));
}

/** The stack with the bench's latency, shared clock and (optionally) CPU profiling of the plugin. */
export function benchStack(options: BenchOptions, extra: StackOptions = {}): Promise<Stack> {
	return startStack({
		...extra,
		sandbox: { latencyMs: options.latencyMs, now: sandboxNow, ...extra.sandbox },
		host: { ...pluginFlags(options), ...extra.host },
	});
}

/** Extra node flags for plugin processes: `--cpu-prof=DIR` and `--plugin-node-args` (e.g. "--trace-gc"). */
export function pluginFlags(options: BenchOptions): { nodeArgs?: string[] } {
	const profile = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
	const nodeArgs = [...profile, ...options.pluginNodeArgs];
	return nodeArgs.length ? { nodeArgs } : {};
}

/**
 * Resolves once the plugin asked for its global settings and had a moment to apply the answer: a press before that
 * (impossible for a person, a few ms after launch) would find no account configured.
 */
export async function settingsLoaded(stack: Stack): Promise<void> {
	await stack.host.waitFor((c) => c.event === "getGlobalSettings");
	await delay(SETTLE_MS);
}

const SETTLE_MS = 250;

/** Creates a live in the sandbox (not through a key), optionally on air; returns its id. */
export async function createLive(stack: Stack, onAir: boolean): Promise<string> {
	const account = stack.accountSettings("partner");
	const client = new DailymotionClient({
		mode: "partner",
		apiKey: account.apiKey!,
		apiSecret: account.apiSecret!,
		profileId: account.profileId,
		apiUrl: account.apiUrl!,
		tokenUrl: account.tokenUrl!,
	});
	const live = await client.createLive({ title: "Bench show", channel: "videogames", forKids: false, private: false });
	if (onAir) stack.sandbox.setOnAir(live.id, true);
	return live.id;
}

/** Makes `liveId` the plugin's current live, as the inspector would. */
export function selectLive(stack: Stack, liveId: string): void {
	stack.host.piSetGlobalSettings({ ...stack.host.globalSettings, liveId });
}

/** Requests the sandbox received from host time `from` on (optionally only those about one live). */
export function requestsSince(stack: Stack, from: number, liveId?: string) {
	return stack.sandbox.requests.filter((r) => hostTime(r.at) >= from && (!liveId || r.path.endsWith(`/video/${liveId}`)));
}
