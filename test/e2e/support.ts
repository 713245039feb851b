/**
 * Shared helpers for the end-to-end tests: what a key shows (titles, text inside the SVG key image), what the
 * sandbox received, and where secrets could leak (plugin log files, stdout/stderr, commands sent to the host).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, connect, type Server, type Socket } from "node:net";
import { expect } from "vitest";
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

/**
 * Presses a key (held `holdMs`) and waits until the press ends in showOk or showAlert. Returns which, the key's title
 * then (one line; a failure alerts first and then names the problem in the title) and the command index before it.
 */
export async function pressAndSettle(
	host: Host,
	key: string,
	holdMs = 0,
): Promise<{ outcome: "ok" | "alert"; title: string; since: number }> {
	const since = host.commands.length;
	await host.press(key, holdMs);
	const end = await host.waitFor((c) => c.context === key && (c.event === "showOk" || c.event === "showAlert"), {
		since,
		timeoutMs: 30_000,
	});
	if (end.event === "showAlert") await waitForCommand(host, key, "setTitle", undefined, { since: host.commands.indexOf(end) });
	return { outcome: end.event === "showOk" ? "ok" : "alert", title: oneLine(host.lastTitle(key)), since };
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

/** Fails the test if any of the stack's secrets shows up where the plugin writes or says things. */
export function expectNoLeaks(stack: Stack, extraSecrets: readonly string[] = []): void {
	const secrets = [...stackSecrets(stack), ...extraSecrets];
	expect(secrets.length).toBeGreaterThanOrEqual(3);
	expect(leaks(pluginLogs(), secrets), "plugin log files").toEqual([]);
	expect(leaks(stack.host.stdout + stack.host.stderr, secrets), "plugin stdout/stderr").toEqual([]);
	expect(leaks(commandsText(stack.host), secrets), "commands sent to the host").toEqual([]);
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

/** A TCP relay in front of a port that counts the connections made to it (to catch reconnect storms). */
export interface CountingProxy {
	url: string;
	connections: number;
	close(): Promise<void>;
}

export async function startCountingProxy(targetPort: number): Promise<CountingProxy> {
	const sockets = new Set<Socket>();
	const proxy = { url: "", connections: 0, close: async () => undefined };
	const server: Server = createServer((client) => {
		proxy.connections++;
		const upstream = connect(targetPort, "127.0.0.1");
		for (const s of [client, upstream]) {
			sockets.add(s);
			s.on("error", () => undefined);
			s.on("close", () => {
				sockets.delete(s);
				client.destroy();
				upstream.destroy();
			});
		}
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	if (address === null || typeof address === "string") throw new Error("proxy has no port");
	proxy.url = `ws://127.0.0.1:${address.port}`;
	proxy.close = async () => {
		for (const s of sockets) s.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return proxy;
}
