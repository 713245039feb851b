/**
 * Secrets never leave global settings: a full show (create + real OBS streaming to the real ingest, an ad break,
 * a token renewal, inspector requests, errors) with debug logging on, then every byte the plugin wrote — log files,
 * stdout/stderr, every command it sent the host except the global-settings store itself — is searched for each
 * secret. It runs with a legacy user account (password, refresh token) and with an API v2 key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type AccountKind, type Stack } from "../harness/stack.ts";
import { commandsText, goLiveWithAdBreak, pluginLogs, requireObsAndIngest, UUID, waitForTitle } from "./support.ts";

const runObs = requireObsAndIngest("e2e secrets");
const WRONG_OBS_PASSWORD = "wrong-obs-password-5ecret-91f2";

/** The accounts the show runs with, and the fewest tokens each must have been issued (renewal included). */
const ACCOUNTS: { name: string; mode: AccountKind; minTokens: number; livePath: RegExp }[] = [
	// Access + refresh tokens, before and after expiry.
	{ name: "legacy user account", mode: "user", minTokens: 4, livePath: /\/video\// },
	// Live token, account.read token (profiles), and a new live token after expiry.
	{ name: "API v2 key", mode: "v2", minTokens: 3, livePath: /\/livestreams\// },
];

let stack: Stack;

/** Sends an inspector request and waits for its answer. */
async function ask(context: string, request: Record<string, unknown>): Promise<Record<string, unknown>> {
	const requestId = `r${Math.random().toString(36).slice(2)}`;
	stack.host.sendToPlugin(context, { ...request, requestId });
	const answer = await stack.host.waitFor((c) => c.event === "sendToPropertyInspector" && c.payload?.requestId === requestId, { timeoutMs: 15_000 });
	return answer.payload as Record<string, unknown>;
}

describe.skipIf(!runObs).each(ACCOUNTS)("secrets ($name)", (account) => {
	let startedAt: number;

	beforeAll(async () => {
		startedAt = Date.now() - 1_000;
		stack = await startStack({ mode: account.mode, obs: true, ingest: true, globalSettings: { debugLogging: true } });
	}, 90_000);

	afterAll(async () => {
		await stack?.close();
	});

	it("appear in no log line, output, key image, title or inspector message after a full show", async () => {
		const { host, sandbox } = stack;
		const createKey = host.appear({ action: UUID.create, settings: { title: "Secret show", afterCreate: "obs-start" } });
		const adBreakKey = host.appear({ action: UUID.adBreak });
		const statusKey = host.appear({ action: UUID.status });
		const streamKey = host.appear({ action: UUID.stream });
		const obsKey = host.appear({ action: UUID.obs });
		host.piAppear(createKey);

		// The inspector's first requests, then the show: create, stream through real OBS, go on air, ad break.
		expect(await ask(createKey, { event: "testConnection" })).toMatchObject({ ok: true });
		expect(await ask(createKey, { event: "channels" })).toMatchObject({ ok: true });
		if (account.mode === "v2") expect(await ask(createKey, { event: "profiles" })).toMatchObject({ ok: true });
		const liveId = await goLiveWithAdBreak(stack, { createKey, streamKey, adBreakKey });

		// Token renewal (refresh grant), inspector reads and edits, and errors with API text in them.
		sandbox.expireTokens();
		expect(await ask(createKey, { event: "lives" })).toMatchObject({ ok: true });
		expect(await ask(createKey, { event: "getLive", liveId })).toMatchObject({ ok: true });
		expect(await ask(createKey, { event: "editLive", liveId, changes: { title: "Secret show (edited)" } })).toMatchObject({ ok: true });
		expect(await ask(createKey, { event: "editLive", liveId, changes: { title: "" } })).toMatchObject({ ok: false });
		sandbox.inject({ method: "GET", path: account.livePath, status: 500, times: 3 });
		expect(await ask(createKey, { event: "getLive", liveId })).toMatchObject({ ok: false });
		expect(await ask(createKey, { event: "testObs" })).toMatchObject({ ok: true });
		const beforeSend = host.commands.length;
		await host.press(obsKey); // OBS is live: settings are refused
		await waitForTitle(host, obsKey, "Stop\nstream first", { since: beforeSend, timeoutMs: 15_000 });
		host.piSetGlobalSettings({ ...host.globalSettings, obsPassword: WRONG_OBS_PASSWORD });
		expect(await ask(createKey, { event: "testObs" })).toMatchObject({ ok: false });
		await waitForTitle(host, streamKey, "OBS\npassword", { timeoutMs: 15_000 });
		expect(host.commandsFor(statusKey, "setImage").length).toBeGreaterThan(0);

		// Closing flushes the log file.
		await host.stop();

		const { user, partner, v2 } = sandbox.credentials;
		const lives = sandbox.lives();
		const secrets: Record<string, string> = {
			"user API secret": user.apiSecret,
			"partner API secret": partner.apiSecret,
			"v2 API secret": v2.apiSecret,
			"user password": user.password,
			"OBS password": stack.obs!.password,
			"wrong OBS password": WRONG_OBS_PASSWORD,
			...Object.fromEntries(sandbox.issuedTokens().map((t, i) => [`token #${i + 1}`, t])),
			...Object.fromEntries(lives.map((l) => [`publish auth of ${l.id}`, l.publishToken])),
			...Object.fromEntries(lives.map((l) => [`publish URL of ${l.id}`, l.publishUrl])),
		};
		expect(sandbox.issuedTokens().length).toBeGreaterThanOrEqual(account.minTokens);

		const logs = pluginLogs(startedAt);
		expect(logs).toMatch(/ DEBUG /); // debug logging was on: every level was written
		const outputs = { "log files": logs, stdout: host.stdout, stderr: host.stderr, "host commands": commandsText(host) };

		const leaks = Object.entries(secrets).flatMap(([name, secret]) =>
			Object.entries(outputs).filter(([, text]) => text.includes(secret)).map(([where]) => `${name} in ${where}`),
		);
		expect(leaks).toEqual([]);
		expect(logs).not.toMatch(/auth=[^…&\s"']/);
	}, 180_000);
});
