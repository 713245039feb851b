/**
 * Shared helpers for the end-to-end tests: what a key shows (titles, text inside the SVG key image), what the
 * sandbox received, where secrets could leak (plugin log files, stdout/stderr, commands sent to the host), and the
 * invariants a test ends with (the plugin still runs and logged no crash).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createServer, connect, type Server, type Socket } from "node:net";
import { expect, it } from "vitest";
import type { Host, RecordedCommand } from "../harness/host/index.ts";
import { ingestAvailable } from "../harness/ingest.ts";
import { requireObs } from "../harness/obs.ts";
import type { LiveRecord, RecordedRequest } from "../harness/sandbox/index.ts";
import { ACTION_UUID, PLUGIN_DIR, type AccountKind, type Stack } from "../harness/stack.ts";

export const UUID = ACTION_UUID;

/**
 * `it` for a test that only means something for one variant of a parametrised suite (one API, one language): the
 * other variants do not register it at all, so a CI run reports no skipped test (a skip in CI is a failure).
 */
export function onlyIf(applies: boolean): typeof it {
	return applies ? it : ((() => undefined) as unknown as typeof it);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text lines drawn in a `setImage` SVG data URL (`<text>` contents, unescaped, in document order). */
export function imageTexts(dataUrl: string | undefined): string[] {
	const prefix = "data:image/svg+xml,";
	if (!dataUrl?.startsWith(prefix)) return [];
	const svg = decodeURIComponent(dataUrl.slice(prefix.length));
	return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
		m[1]!.replace(/<[^>]+>/g, "").replace(/&(\w+);/g, (_, e: string) => ENTITIES[e] ?? _),
	);
}

/** A key image's text lines as one line, one space between pieces ("ADS", "0:34", "ON AIR" → "ADS 0:34 ON AIR"). */
export function joinTexts(texts: readonly string[]): string {
	return oneLine(texts.join(" "));
}

/** The visible text of a key image as one line (see `joinTexts`). */
export function imageText(dataUrl: string | undefined): string {
	return joinTexts(imageTexts(dataUrl));
}

/** Waits for a command on `context` (after index `since`, default 0; within 10 s unless told) matching `pred`. */
export function waitForCommand(
	host: Host,
	context: string,
	event: string,
	pred: (c: RecordedCommand) => boolean = () => true,
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<RecordedCommand> {
	return host.waitFor((c) => c.context === context && c.event === event && pred(c), { timeoutMs: 10_000, ...opts });
}

/**
 * Waits for a `setImage` on `context` whose text lines satisfy `expected` (a RegExp is tested against the one-line
 * text, see `imageText`); returns those lines.
 */
export async function waitForImage(
	host: Host,
	context: string,
	expected: RegExp | ((texts: string[]) => boolean),
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<string[]> {
	const pred = typeof expected === "function" ? expected : (texts: string[]) => expected.test(joinTexts(texts));
	const c = await waitForCommand(host, context, "setImage", (cmd) => pred(imageTexts(cmd.payload?.image as string)), opts);
	return imageTexts(c.payload.image as string);
}

/** The Stream key's title while live: "LIVE", or "LIVE" with OBS's bitrate under it once measured. */
export function isLiveTitle(title: string): boolean {
	return title === "LIVE" || /^LIVE\n[\d,]+ kb\/s$/.test(title);
}

/** Waits for a `setTitle` on `context` whose title is exactly `expected` (or satisfies it); returns the command. */
export function waitForTitle(
	host: Host,
	context: string,
	expected: string | ((title: string) => boolean),
	opts: { since?: number; timeoutMs?: number } = {},
): Promise<RecordedCommand> {
	const pred = typeof expected === "function" ? expected : (title: string) => title === expected;
	return waitForCommand(host, context, "setTitle", (cmd) => pred(String(cmd.payload?.title ?? "")), opts);
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

/** Waits until `check` returns true (polling every 50 ms), failing with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Paths of the sandbox's endpoints, for `requestsTo` and `sandbox.inject`. */
export const TOKEN_PATH = /\/oauth\/|^\/v2\/token$/;
export const VIDEO_PATH = /\/video\/[^/]+$/;
export const PROFILE_VIDEOS_PATH = /\/user\/[^/]+\/videos$/;
/** Any video collection (`/user/{id}/videos`, `/me/videos`): a POST there creates a live. */
export const VIDEOS_PATH = /\/videos$/;

/** Sandbox requests with `method` ("*" for any) to a path matching `path`. */
export function requestsTo(requests: readonly RecordedRequest[], method: string, path: RegExp): RecordedRequest[] {
	return requests.filter((r) => (method === "*" || r.method === method) && path.test(r.path));
}

/** Sandbox requests that launch an ad break on a live (legacy `live_ad_break_launch=1`, or v2 `…/advertising`). */
export function launchRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
	const legacy = (r: RecordedRequest) => VIDEO_PATH.test(r.path) && r.form.live_ad_break_launch === "1";
	return requests.filter((r) => r.method === "POST" && (legacy(r) || /^\/v2\/livestreams\/[^/]+\/advertising$/.test(r.path)));
}

/**
 * The two APIs the end-to-end scenarios run against (issue 13): the account a stack uses and where each operation
 * goes on the wire, so one test body checks both.
 */
export interface ApiUnderTest {
	name: "legacy" | "v2";
	account: AccountKind;
	/** The global setting holding the current live of this API. */
	liveIdKey: "liveId" | "v2LiveId";
	/** Where a POST creates a live, and its success status. */
	createPath: RegExp;
	createdStatus: number;
	/** The path that reads (and on v2 edits) one live. */
	livePath(id: string): string;
	/** Where an ad-break launch for one live goes. */
	launchPath(id: string): string;
}

export const LEGACY_API: ApiUnderTest = {
	name: "legacy",
	account: "partner",
	liveIdKey: "liveId",
	createPath: /\/videos$/,
	createdStatus: 200,
	livePath: (id) => `/rest/video/${id}`,
	launchPath: (id) => `/rest/video/${id}`,
};

export const V2_API: ApiUnderTest = {
	name: "v2",
	account: "v2",
	liveIdKey: "v2LiveId",
	createPath: /^\/v2\/profiles\/[^/]+\/livestreams$/,
	createdStatus: 201,
	livePath: (id) => `/v2/livestreams/${id}`,
	launchPath: (id) => `/v2/livestreams/${id}/advertising`,
};

/** For `describe.each`: both APIs, named. */
export const BOTH_APIS: readonly ApiUnderTest[] = [LEGACY_API, V2_API];

/** The API a host's global settings use. */
export function apiOf(host: Host): ApiUnderTest {
	return host.globalSettings.apiVersion === "v2" ? V2_API : LEGACY_API;
}

/** The current live of the API in use, as the plugin saved it ("" when none). */
export function currentLiveIdOf(host: Host): string {
	const value = host.globalSettings[apiOf(host).liveIdKey];
	return typeof value === "string" ? value : "";
}

/** GET requests that read one live (whichever API). */
export function liveReads(requests: readonly RecordedRequest[], id: string): RecordedRequest[] {
	return requests.filter((r) => r.method === "GET" && (r.path === LEGACY_API.livePath(id) || r.path === V2_API.livePath(id) || r.path.endsWith(`/video/${id}`)));
}

export const LOG_DIR = join(PLUGIN_DIR, "logs");

/** Everything the plugin wrote to its log files (`<plugin>/logs/*.log`, all rotations) modified since `sinceMs`. */
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
 * The invariants every fault ends with: the plugin process still runs, and neither its log nor its stderr shows an
 * unhandled rejection or an uncaught exception.
 */
export async function expectPluginHealthy(stack: Stack): Promise<void> {
	const exited = await Promise.race([stack.host.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);
	expect(exited, `plugin exited:\n${stack.host.stderr}`).toBe(false);
	const log = currentLog();
	expect(log).not.toMatch(/Unhandled rejection|uncaughtException|Uncaught/i);
	expect(stack.host.stderr).not.toMatch(/Unhandled|TypeError|ReferenceError/);
}

/** The secrets a stack's plugin knows: credentials, OBS password and every live's stream-key token. */
export function stackSecrets(stack: Stack): string[] {
	const { partner, user, v2 } = stack.sandbox.credentials;
	return [
		partner.apiSecret,
		user.apiSecret,
		v2.apiSecret,
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

/**
 * What the plugin sent the host, minus global-settings writes (their job is to store the secrets), with key images
 * decoded so that text drawn on a key is searched as written.
 */
export function commandsText(host: Host): string {
	return host.commands
		.filter((c) => c.event !== "setGlobalSettings")
		.map((c) => JSON.stringify(c.raw ?? c))
		.map((text) => text.replace(/data:image\/svg\+xml,([^"]*)/g, (_, svg: string) => decodeURIComponent(svg)))
		.join("\n");
}

/**
 * Whether the tests that need real OBS and the real nginx-rtmp ingest run: under CI=true a missing OBS or nginx fails
 * the run (requireObs throws; a missing nginx fails when the stack starts its ingest); locally they skip with a message.
 */
export function requireObsAndIngest(what: string): boolean {
	const run = requireObs() && (ingestAvailable || process.env.CI === "true");
	if (!run && !ingestAvailable) console.warn(`[${what}] nginx-rtmp not installed: skipping the real-OBS end-to-end tests`);
	return run;
}

/**
 * Fails the test if any of the stack's secrets shows up where the plugin writes or says things. The running plugin's
 * log must exist and hold its INFO lines, so an empty or missing log cannot pass as "nothing leaked".
 */
export function expectNoLeaks(stack: Stack, extraSecrets: readonly string[] = []): void {
	const secrets = [...stackSecrets(stack), ...extraSecrets];
	expect(secrets.length).toBeGreaterThanOrEqual(3);
	expect(currentLog(), "the running plugin's log file").toMatch(/ INFO /);
	expect(leaks(pluginLogs(), secrets), "plugin log files").toEqual([]);
	expect(leaks(stack.host.stdout + stack.host.stderr, secrets), "plugin stdout/stderr").toEqual([]);
	expect(leaks(commandsText(stack.host), secrets), "commands sent to the host").toEqual([]);
}

/** Makes `liveId` the current live (of the API in use), as the inspector's live picker would. */
export function selectLive(host: Host, liveId: string): void {
	host.piSetGlobalSettings({ ...host.globalSettings, [apiOf(host).liveIdKey]: liveId });
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

/**
 * Makes a new current live the way a user does, with the Create Live key `createKey` (set up with no OBS step):
 * one press makes exactly one live, which the plugin saves as `liveId`. Returns the sandbox's record.
 */
export async function createLiveWithKey(stack: Stack, createKey: string): Promise<LiveRecord> {
	const { host, sandbox } = stack;
	const before = new Set(sandbox.lives().map((l) => l.id));
	const since = await pressCreate(host, createKey);
	await waitForCommand(host, createKey, "showOk", undefined, { since, timeoutMs: 15_000 });
	const created = sandbox.lives().filter((l) => !before.has(l.id));
	expect(created).toHaveLength(1);
	await eventually(() => currentLiveIdOf(host) === created[0]!.id, "the current live saved in global settings");
	return created[0]!;
}

/** `createLiveWithKey` with a Create Live key (no OBS step, plus `settings`) that appears for this live only. */
export async function createLiveWithNewKey(stack: Stack, settings: Record<string, unknown> = {}): Promise<LiveRecord> {
	const key = stack.host.appear({ action: UUID.create, settings: { afterCreate: "none", ...settings } });
	const live = await createLiveWithKey(stack, key);
	stack.host.disappear(key);
	return live;
}

/**
 * The start of a show through real OBS: `createKey` (set to start OBS after creating) creates a live that goes on
 * air through OBS and the ingest, then `adBreakKey` launches an ad break. Returns the live's id.
 */
export async function goLiveWithAdBreak(
	stack: Stack,
	keys: { createKey: string; streamKey: string; adBreakKey: string },
): Promise<string> {
	const { host, sandbox } = stack;
	const since = host.commands.length;
	await host.press(keys.createKey);
	await waitForCommand(host, keys.createKey, "showOk", undefined, { since, timeoutMs: 45_000 });
	const liveId = currentLiveIdOf(host);
	await eventually(() => sandbox.live(liveId)?.onair === true, "the live is on air through OBS and the ingest", 30_000);
	await waitForTitle(host, keys.streamKey, isLiveTitle, { timeoutMs: 15_000 });
	const beforeBreak = host.commands.length;
	await host.press(keys.adBreakKey);
	await waitForCommand(host, keys.adBreakKey, "showOk", undefined, { since: beforeBreak, timeoutMs: 20_000 });
	return liveId;
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

/**
 * A long press on the Stream key (the plugin needs ≥ 1 s between keyDown and keyUp). Held well over the threshold:
 * on a loaded machine the plugin may take the keyDown late, which shortens the hold it measures.
 */
export const LONG_PRESS_MS = 1_800;
