/**
 * Shared helpers of the fault tests: action UUIDs, reading what a key shows, counting sandbox requests, and the
 * invariants every fault test ends with (the plugin is still running and logged no crash).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Host, RecordedCommand } from "../harness/host/index.ts";
import type { Sandbox } from "../harness/sandbox/index.ts";
import { PLUGIN_DIR, type Stack } from "../harness/stack.ts";

export const ACTION = {
	create: "com.dailymotion.live.create",
	obs: "com.dailymotion.live.obs",
	stream: "com.dailymotion.live.stream",
	adBreak: "com.dailymotion.live.adbreak",
	adToggle: "com.dailymotion.live.adtoggle",
	status: "com.dailymotion.live.status",
} as const;

export const LOG_DIR = join(PLUGIN_DIR, "logs");

/** The visible text of a key image (the `<text>` contents of its SVG data URL), one space between pieces. */
export function imageText(image: string | undefined): string {
	if (!image) return "";
	const comma = image.indexOf(",");
	const svg = decodeURIComponent(image.slice(comma + 1));
	const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescapeXml(m[1]!.replace(/<[^>]+>/g, "")));
	return texts.join(" ").replace(/\s+/g, " ").trim();
}

function unescapeXml(text: string): string {
	return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Waits for a title on `context` (recorded after index `since`) that matches. */
export function waitForTitle(host: Host, context: string, expected: string | RegExp, opts: { since?: number; timeoutMs?: number } = {}): Promise<RecordedCommand> {
	return host.waitFor(
		(c) => c.context === context && c.event === "setTitle" && matchText(String(c.payload?.title ?? ""), expected),
		{ since: opts.since ?? 0, timeoutMs: opts.timeoutMs ?? 10_000 },
	);
}

/** Waits for a key image on `context` whose visible text matches. */
export function waitForImage(host: Host, context: string, expected: string | RegExp, opts: { since?: number; timeoutMs?: number } = {}): Promise<RecordedCommand> {
	return host.waitFor(
		(c) => c.context === context && c.event === "setImage" && matchText(imageText(c.payload?.image as string), expected),
		{ since: opts.since ?? 0, timeoutMs: opts.timeoutMs ?? 10_000 },
	);
}

/** Waits for the key's `showAlert` (after `since`). */
export function waitForAlert(host: Host, context: string, opts: { since?: number; timeoutMs?: number } = {}): Promise<RecordedCommand> {
	return host.waitFor((c) => c.context === context && c.event === "showAlert", { since: opts.since ?? 0, timeoutMs: opts.timeoutMs ?? 10_000 });
}

function matchText(text: string, expected: string | RegExp): boolean {
	return typeof expected === "string" ? text === expected : expected.test(text);
}

/** Sandbox requests matching method and path, optionally only those after index `since`. */
export function requestsTo(sandbox: Sandbox, method: string, path: RegExp, since = 0) {
	return sandbox.requests.slice(since).filter((r) => r.method === method && path.test(r.path));
}

export const TOKEN_PATH = /\/oauth\//;
export const VIDEO_PATH = /\/video\/[^/]+$/;
export const PROFILE_VIDEOS_PATH = /\/user\/[^/]+\/videos$/;

/** Makes `liveId` the current live, as the inspector's live picker would. */
export function selectLive(host: Host, liveId: string): void {
	host.piSetGlobalSettings({ ...host.globalSettings, liveId });
}

/** Every plugin log file written since `sinceMs` (ms epoch), concatenated. */
export function pluginLogs(sinceMs = 0): string {
	if (!existsSync(LOG_DIR)) return "";
	return readdirSync(LOG_DIR)
		.filter((f) => f.endsWith(".log"))
		.map((f) => join(LOG_DIR, f))
		.filter((f) => statSync(f).mtimeMs >= sinceMs)
		.map((f) => readFileSync(f, "utf8"))
		.join("\n");
}

/** The log of the running plugin process (the SDK rotates on every start, so it is always `.0.log`). */
export function currentLog(): string {
	const file = join(LOG_DIR, "com.dailymotion.live.0.log");
	return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/**
 * The invariants of every fault: the plugin process still runs, and neither its log nor its stderr shows an
 * unhandled rejection or an uncaught exception.
 */
export async function expectPluginHealthy(stack: Stack): Promise<void> {
	const exited = await Promise.race([stack.host.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);
	expect(exited, `plugin exited:\n${stack.host.stderr}`).toBe(false);
	const log = currentLog();
	expect(log).not.toMatch(/Unhandled rejection|uncaughtException|Uncaught/i);
	expect(stack.host.stderr).not.toMatch(/Unhandled|TypeError|ReferenceError/);
}

/** Waits until `check` returns true (polling every 50 ms), failing with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Create Live repeats its last success for presses within 3 s (a nervous double press); tests wait that out. */
export async function pressCreate(host: Host, createKey: string): Promise<number> {
	const lastOk = host.commandsFor(createKey, "showOk").at(-1);
	const waitMs = lastOk ? lastOk.at + 3_100 - performance.now() : 0;
	if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
	const since = host.commands.length;
	await host.press(createKey);
	return since;
}

/** Creates a live through the plugin's own Create Live key (no OBS step) and returns its id. */
export async function createLiveWithKey(stack: Stack, createKey: string): Promise<string> {
	const before = new Set(stack.sandbox.lives().map((l) => l.id));
	const since = await pressCreate(stack.host, createKey);
	await stack.host.waitFor((c) => c.context === createKey && c.event === "showOk", { since, timeoutMs: 15_000 });
	const created = stack.sandbox.lives().filter((l) => !before.has(l.id));
	expect(created).toHaveLength(1);
	await eventually(() => stack.host.globalSettings.liveId === created[0]!.id, "liveId saved in global settings");
	return created[0]!.id;
}
