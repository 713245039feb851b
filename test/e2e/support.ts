/**
 * Shared helpers for the end-to-end tests: what a key shows (titles, text inside the SVG key image), what the
 * sandbox received, and where secrets could leak (plugin log files, stdout/stderr, commands sent to the host).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Host, RecordedCommand } from "../harness/host/index.ts";
import type { LiveRecord, RecordedRequest } from "../harness/sandbox/index.ts";
import { PLUGIN_DIR, type Stack } from "../harness/stack.ts";

export const UUID = {
	create: "com.dailymotion.live.create",
	obs: "com.dailymotion.live.obs",
	stream: "com.dailymotion.live.stream",
	adBreak: "com.dailymotion.live.adbreak",
	adToggle: "com.dailymotion.live.adtoggle",
	status: "com.dailymotion.live.status",
} as const;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text lines drawn in a `setImage` SVG data URL (`<text>` contents, unescaped, in document order). */
export function imageTexts(dataUrl: string | undefined): string[] {
	const prefix = "data:image/svg+xml,";
	if (!dataUrl?.startsWith(prefix)) return [];
	const svg = decodeURIComponent(dataUrl.slice(prefix.length));
	return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&(\w+);/g, (_, e: string) => ENTITIES[e] ?? _));
}

/** Waits for a command on `context` (after index `since`) matching `pred`. */
export function waitForCommand(
	host: Host,
	context: string,
	event: string,
	pred: (c: RecordedCommand) => boolean = () => true,
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<RecordedCommand> {
	return host.waitFor((c) => c.context === context && c.event === event && pred(c), { timeoutMs: 10_000, ...opts });
}

/** Waits for a `setImage` on `context` whose text lines satisfy `pred`; returns those lines. */
export async function waitForImage(
	host: Host,
	context: string,
	pred: (texts: string[]) => boolean,
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<string[]> {
	const c = await waitForCommand(host, context, "setImage", (cmd) => pred(imageTexts(cmd.payload?.image as string)), opts);
	return imageTexts(c.payload.image as string);
}

/** Waits for a `setTitle` on `context` whose title satisfies `pred`; returns it. */
export async function waitForTitle(
	host: Host,
	context: string,
	pred: (title: string) => boolean,
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<string> {
	const c = await waitForCommand(host, context, "setTitle", (cmd) => pred(String(cmd.payload?.title ?? "")), opts);
	return String(c.payload.title);
}

/** Commands for `context` (optionally one event) recorded from index `since` on. */
export function commandsSince(host: Host, since: number, context: string, event?: string): RecordedCommand[] {
	return host.commands.slice(since).filter((c) => c.context === context && (event === undefined || c.event === event));
}

/** Titles as a single line ("Check\nsettings" → "Check settings"), for readable assertions. */
export function oneLine(title: string | undefined): string {
	return (title ?? "").replace(/\s+/g, " ").trim();
}

/** "0:34" → 34 s, "1:05" → 65 s; undefined when `text` is not a clock. */
export function clockSeconds(text: string): number | undefined {
	const m = /^(\d+):(\d\d)$/.exec(text);
	return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The first clock-looking line of a key image, in seconds. */
export function imageClock(texts: string[]): number | undefined {
	for (const t of texts) {
		const s = clockSeconds(t);
		if (s !== undefined) return s;
	}
	return undefined;
}

/** Sandbox requests that create a live (POST …/videos). */
export function createRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
	return requests.filter((r) => r.method === "POST" && /\/videos$/.test(r.path));
}

/** Sandbox requests that launch an ad break on a live. */
export function launchRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
	return requests.filter((r) => r.method === "POST" && /\/video\/[^/]+$/.test(r.path) && r.form.live_ad_break_launch === "1");
}

/** Sandbox requests to either token endpoint. */
export function tokenRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
	return requests.filter((r) => /\/oauth\//.test(r.path));
}

/** Everything the plugin wrote to its log files (`<plugin>/logs/*.log`), all rotations. */
export function pluginLogs(): string {
	const dir = join(PLUGIN_DIR, "logs");
	if (!existsSync(dir)) return "";
	return readdirSync(dir)
		.filter((f) => f.endsWith(".log"))
		.map((f) => readFileSync(join(dir, f), "utf8"))
		.join("\n");
}

/** The secrets a stack's plugin knows: credentials, OBS password and every live's stream-key token. */
export function stackSecrets(stack: Stack): string[] {
	const { partner, user } = stack.sandbox.credentials;
	return [
		partner.apiSecret,
		user.apiSecret,
		user.password,
		stack.obs?.password,
		...stack.sandbox.lives().map((l) => l.publishToken),
	].filter((s): s is string => typeof s === "string" && s.length > 0);
}

/**
 * Where `text` leaks a secret: any of `secrets` verbatim, or a long hex run (the sandbox's access and refresh
 * tokens are 48 hex digits and are not exposed to tests, so any such run is suspect).
 */
export function leaks(text: string, secrets: readonly string[]): string[] {
	const found = secrets.filter((s) => text.includes(s)).map((s) => `secret …${s.slice(-4)}`);
	for (const m of text.matchAll(/[0-9a-f]{40,}/gi)) found.push(`hex run …${m[0].slice(-4)}`);
	return found;
}

/** What the plugin sent the host, minus global-settings writes (their job is to store the secrets). */
export function commandsText(host: Host): string {
	return host.commands
		.filter((c) => c.event !== "setGlobalSettings")
		.map((c) => JSON.stringify(c.raw ?? c))
		.join("\n");
}

/**
 * Makes a new current live the way a user does: a Create Live key (no OBS step) pressed once. Waits until the
 * plugin saved it as `liveId`; returns the sandbox's record.
 */
export async function createLiveWithKey(stack: Stack, settings: Record<string, unknown> = {}): Promise<LiveRecord> {
	const { host, sandbox } = stack;
	const key = host.appear({ action: UUID.create, settings: { afterCreate: "none", ...settings } });
	const since = host.commands.length;
	const before = new Set(sandbox.lives().map((l) => l.id));
	await host.press(key);
	await waitForCommand(host, key, "showOk", undefined, { since, timeoutMs: 15_000 });
	const live = sandbox.lives().find((l) => !before.has(l.id));
	if (!live) throw new Error("Create Live showed OK but the sandbox has no new live");
	await host.waitFor(() => host.globalSettings.liveId === live.id);
	host.disappear(key);
	return live;
}
