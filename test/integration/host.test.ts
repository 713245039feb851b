import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_NODE_PATH, startHost, type Host, type HostOptions, type RecordedCommand } from "../harness/host/index.ts";

// A throwaway plugin on the real SDK. It mirrors every event it receives back as a `logMessage` command
// (so tests see exactly what the host sent) and reacts to keys, dials and `sendToPlugin` ops.
const SDK = new URL("../../node_modules/@elgato/streamdeck/dist/plugin/", import.meta.url).href;
const PLUGIN_JS = `
import streamDeck from ${JSON.stringify(`${SDK}index.js`)};
import { connection } from ${JSON.stringify(`${SDK}connection.js`)};
const sd = streamDeck;
const mirror = (ev) => void connection.send({ event: "logMessage", payload: { message: JSON.stringify(ev) } });
for (const e of ["deviceDidConnect", "willAppear", "willDisappear", "keyDown", "keyUp", "dialDown", "dialUp", "dialRotate",
  "touchTap", "didReceiveSettings", "didReceiveGlobalSettings", "propertyInspectorDidAppear",
  "propertyInspectorDidDisappear", "sendToPlugin", "systemDidWakeUp", "didReceiveResources", "didReceiveSecrets"]) connection.on(e, mirror);
const fail = (err) => console.error("echo plugin error", err);
sd.actions.onWillAppear((ev) => ev.action.setTitle("appear " + JSON.stringify(ev.payload.settings)).catch(fail));
sd.actions.onKeyDown((ev) => ev.action.setTitle("down " + ev.payload.state).catch(fail));
sd.actions.onKeyUp((ev) => ev.action.setTitle("up " + ev.payload.state).catch(fail));
sd.actions.onDialRotate((ev) => ev.action.setFeedback({ title: "rotate " + ev.payload.ticks + " " + ev.payload.pressed }).catch(fail));
sd.actions.onTouchTap((ev) => ev.action.setFeedback({ title: "tap " + ev.payload.hold }).catch(fail));
sd.ui.onDidAppear((ev) => sd.ui.sendToPropertyInspector({ hello: ev.action.id }).catch(fail));
sd.ui.onSendToPlugin(async (ev) => {
  const { op, value } = ev.payload;
  if (op === "setSettings") await ev.action.setSettings(value);
  if (op === "getSettings") await ev.action.setTitle("got " + JSON.stringify(await ev.action.getSettings()));
  if (op === "setGlobal") await sd.settings.setGlobalSettings(value);
  if (op === "getGlobal") await ev.action.setTitle("global " + JSON.stringify(await sd.settings.getGlobalSettings()));
  if (op === "setState") await ev.action.setState(value);
  if (op === "setImage") await ev.action.setImage(value);
  if (op === "keepAlive") setInterval(() => undefined, 1000);
  if (op === "send") for (const command of value) await connection.send(command);
  if (op === "crash") { console.error("crashing on purpose"); process.exit(3); }
  await ev.action.setTitle("done " + op);
});
console.log("echo plugin started");
await sd.connect();
await connection.send({ event: "logMessage", payload: { message: JSON.stringify({ launch: {
  argv: process.argv.slice(2), cwd: process.cwd(), execArgv: process.execArgv, node: process.version, env: process.env.ECHO_ENV } }) } });
`;

// Registers under a UUID other than the one it was given.
const IMPOSTOR_JS = `
import { WebSocket } from ${JSON.stringify(new URL("../../node_modules/ws/wrapper.mjs", import.meta.url).href)};
const port = process.argv[process.argv.indexOf("-port") + 1];
const ws = new WebSocket("ws://127.0.0.1:" + port);
ws.on("open", () => ws.send(JSON.stringify({ event: "registerPlugin", uuid: "com.example.impostor" })));
`;

const UUID = "com.example.echo";
const KEY = `${UUID}.key`;
const TOGGLE = `${UUID}.toggle`;
const FIXED = `${UUID}.fixed`;
const state = (image: string) => ({ Image: image });
const MANIFEST = {
	UUID, Name: "Echo", Version: "1.2.3.4", Author: "test", Description: "echo", Icon: "imgs/plugin", SDKVersion: 2,
	CodePath: "bin/plugin.js", OS: [{ Platform: "mac", MinimumVersion: "12" }], Software: { MinimumVersion: "7.1" },
	Nodejs: { Version: "24" },
	Actions: [
		{ UUID: KEY, Name: "Key", Icon: "imgs/a", States: [state("imgs/k")], Controllers: ["Keypad", "Encoder"] },
		{ UUID: TOGGLE, Name: "Toggle", Icon: "imgs/a", States: [state("imgs/off"), state("imgs/on")] },
		{ UUID: FIXED, Name: "Fixed", Icon: "imgs/a", States: [state("imgs/off"), state("imgs/on")], DisableAutomaticStates: true, PropertyInspectorPath: "ui/fixed.html" },
	],
	PropertyInspectorPath: "ui/pi.html",
};

let root: string;
let pluginDir: string;
let host: Host | undefined;

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), "host-test-"));
	pluginDir = join(root, `${UUID}.sdPlugin`);
	mkdirSync(join(pluginDir, "bin"), { recursive: true });
	writeFileSync(join(pluginDir, "manifest.json"), JSON.stringify(MANIFEST));
	writeFileSync(join(pluginDir, "bin", "package.json"), JSON.stringify({ type: "module" }));
	writeFileSync(join(pluginDir, "bin", "plugin.js"), PLUGIN_JS);
	writeFileSync(join(pluginDir, "bin", "impostor.js"), IMPOSTOR_JS);
	mkdirSync(join(pluginDir, "ui"));
	writeFileSync(join(pluginDir, "ui", "pi.html"), `<!doctype html><html><head><title>pi</title></head><body><script src="pi.js"></script></body></html>`);
	writeFileSync(join(pluginDir, "ui", "pi.js"), "window.connectElgatoStreamDeckSocket = () => undefined;");
	writeFileSync(join(pluginDir, "ui", "fixed.html"), "<html><head></head><body>fixed</body></html>");
	writeFileSync(join(pluginDir, "secret.txt"), "not for the PI");
	writeFileSync(join(pluginDir, "bin", "broken.js"), `console.error("boom: cannot start"); process.exit(7);`);
});

afterEach(async () => {
	await host?.stop({ graceMs: 1000 });
	host = undefined;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(options: Partial<HostOptions> = {}): Promise<Host> {
	host = await startHost({ pluginDir, ...options });
	return host;
}

/** Events the plugin received (mirrored back as logMessage), optionally of one type. */
function received(h: Host, event?: string): Record<string, unknown>[] {
	return h.commands
		.filter((c) => c.event === "logMessage")
		.map((c) => JSON.parse(c.payload.message as string) as Record<string, unknown>)
		.filter((m) => event === undefined || m.event === event);
}

/** Waits until the plugin mirrored an event of that type (from command index `since`). */
async function waitReceived(h: Host, event: string, since = 0): Promise<Record<string, unknown>> {
	const c = await h.waitFor((x) => x.event === "logMessage" && (JSON.parse(x.payload.message as string) as { event?: string }).event === event, { since });
	return JSON.parse(c.payload.message as string) as Record<string, unknown>;
}

const titled = (context: string, prefix: string) => (c: RecordedCommand) =>
	(c.event === "setTitle" || c.event === "setFeedback") && c.context === context && String(c.payload?.title).startsWith(prefix);

describe("host simulator: launch", () => {
	it("launches the plugin like the app: flags, cwd, the four arguments and -info with devices", async () => {
		const h = await start({ env: { ECHO_ENV: "from-test" } });

		const launch = (await h.waitFor((c) => c.event === "logMessage" && String(c.payload.message).includes('"launch"')));
		const info = (JSON.parse(launch.payload.message as string) as { launch: { argv: string[]; cwd: string; execArgv: string[]; node: string; env: string } }).launch;
		expect(info.execArgv).toEqual(expect.arrayContaining(["--enable-source-maps", "--no-global-search-paths"]));
		expect(info.cwd).toBe(pluginDir);
		expect(info.node).toMatch(/^v24\./);
		expect(info.env).toBe("from-test");
		const arg = (name: string) => info.argv[info.argv.indexOf(name) + 1];
		expect(arg("-port")).toBe(String(h.port));
		expect(arg("-pluginUUID")).toBe(UUID);
		expect(arg("-registerEvent")).toBe("registerPlugin");
		const registration = JSON.parse(arg("-info")) as Record<string, { [k: string]: unknown }>;
		expect(registration.application).toMatchObject({ language: "en", platform: "mac", version: "7.1.0.22000" });
		expect(registration.plugin).toEqual({ uuid: UUID, version: "1.2.3.4" });
		expect(registration.devices).toEqual([{ id: "DEV1", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 }]);
		expect(h.commands[0]).toMatchObject({ event: "registerPlugin", raw: { uuid: UUID } });
		await vi.waitFor(() => expect(h.stdout).toContain("echo plugin started"));
	});

	it("rejects startHost with the plugin's stderr when it exits before registering", async () => {
		await expect(startHost({ pluginDir, codePath: "bin/broken.js" })).rejects.toThrow(/exited before registering[\s\S]*boom: cannot start/);
	});

	it("rejects startHost when the plugin registers under another UUID", async () => {
		await expect(startHost({ pluginDir, codePath: "bin/impostor.js" })).rejects.toThrow(/registered as com\.example\.impostor, expected com\.example\.echo/);
	});

	it("passes a pluginUUID override (OpenDeck uses the folder name) and uses it as the global context", async () => {
		const h = await start({ pluginUUID: `${UUID}.sdPlugin` });
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, { op: "getGlobal" });
		await h.waitFor(titled(ctx, "global"));
		expect(h.commands[0].raw?.uuid).toBe(`${UUID}.sdPlugin`);
		expect(h.commands.find((c) => c.event === "getGlobalSettings")?.context).toBe(`${UUID}.sdPlugin`);
	});
});

describe("host simulator: actions", () => {
	it("announces devices before willAppear and sends controller, coordinates and settings", async () => {
		const h = await start();

		const a = h.appear({ action: KEY, settings: { name: "first" } });
		const b = h.appear({ action: KEY });
		await h.waitFor(titled(b, "appear"));

		const events = received(h).map((m) => m.event);
		expect(events.indexOf("deviceDidConnect")).toBeLessThan(events.indexOf("willAppear"));
		const [wa, wb] = received(h, "willAppear") as { context: string; device: string; payload: Record<string, unknown> }[];
		expect(wa).toMatchObject({ action: KEY, context: a, device: "DEV1", payload: { controller: "Keypad", coordinates: { column: 0, row: 0 }, settings: { name: "first" }, state: 0, isInMultiAction: false } });
		expect(wb.payload.coordinates).toEqual({ column: 1, row: 0 });
		expect(h.lastTitle(a)).toBe('appear {"name":"first"}');
	});

	it("re-sends willAppear on appearAgain and stops events after disappear", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.appearAgain(ctx);
		await vi.waitFor(() => expect(received(h, "willAppear")).toHaveLength(2));

		h.disappear(ctx);
		await waitReceived(h, "willDisappear");
		expect(() => h.keyDown(ctx)).toThrow(/not visible/);
		h.appearAgain(ctx);
		h.keyDown(ctx);
		await h.waitFor(titled(ctx, "down"));
	});

	it("throws for unknown contexts but sendRaw delivers anything (the SDK drops it)", async () => {
		const h = await start();
		expect(() => h.keyDown("NOPE")).toThrow(/unknown context/);
		expect(() => h.appear({ action: `${UUID}.missing` })).toThrow(/not declared/);
		expect(() => h.appear({ action: TOGGLE, controller: "Encoder" })).toThrow(/does not support/);

		h.sendRaw({ event: "keyDown", action: KEY, context: "NOPE", device: "DEV1", payload: { controller: "Keypad", settings: {} } });
		await waitReceived(h, "keyDown");
		expect(h.commandsFor("NOPE", "setTitle")).toEqual([]);
	});

	it("toggles two-state actions on press unless DisableAutomaticStates", async () => {
		const h = await start();
		const toggle = h.appear({ action: TOGGLE });
		const fixed = h.appear({ action: FIXED });
		const single = h.appear({ action: KEY });

		await h.press(toggle, 20);
		await h.waitFor(titled(toggle, "up 1"));
		expect(h.commandsFor(toggle, "setTitle").map((c) => c.payload.title)).toContain("down 0");
		expect(h.stateOf(toggle)).toBe(1);
		await h.press(toggle);
		await h.waitFor(titled(toggle, "up 0"));

		await h.press(fixed);
		await h.press(single);
		await h.waitFor(titled(single, "up 0"));
		expect(h.lastTitle(fixed)).toBe("up 0");
		expect(h.stateOf(fixed)).toBe(0);

		// The plugin drives the state of fixed actions itself.
		h.sendToPlugin(fixed, { op: "setState", value: 1 });
		await h.waitFor(titled(fixed, "done setState"));
		expect(h.stateOf(fixed)).toBe(1);
	});

	it("sends dial events with ticks, pressed and hold", async () => {
		const h = await start({ devices: [{ id: "PLUS", name: "Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 }] });
		const dial = h.appear({ action: KEY, controller: "Encoder" });
		expect(() => h.keyDown(dial)).toThrow(/dial/);

		h.dialRotate(dial, -2);
		await h.waitFor(titled(dial, "rotate -2 false"));
		h.dialDown(dial);
		h.dialRotate(dial, 3);
		await h.waitFor(titled(dial, "rotate 3 true"));
		h.dialUp(dial);
		h.touchTap(dial, true);
		await h.waitFor(titled(dial, "tap true"));
		expect(received(h, "willAppear")[0]).toMatchObject({ device: "PLUS", payload: { controller: "Encoder", coordinates: { column: 0, row: 0 } } });
	});
});

describe("host simulator: settings echo rules", () => {
	it("stores plugin setSettings without echo and answers getSettings with the request id (7.1)", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY, settings: { a: 1 } });

		h.sendToPlugin(ctx, { op: "setSettings", value: { b: 2 } });
		await h.waitFor(titled(ctx, "done setSettings"));
		expect(h.settingsOf(ctx)).toEqual({ b: 2 });
		expect(received(h, "didReceiveSettings")).toEqual([]);

		h.sendToPlugin(ctx, { op: "getSettings" });
		const got = await h.waitFor(titled(ctx, "got"));
		const request = h.commandsFor(ctx, "getSettings")[0];
		expect(request.id).toEqual(expect.any(String));
		expect(received(h, "didReceiveSettings")).toEqual([expect.objectContaining({ id: request.id, context: ctx, payload: expect.objectContaining({ settings: { b: 2 }, controller: "Keypad" }) })]);
		expect(got.payload.title).toBe('got {"b":2}');
	});

	it("does not echo ids when emulating an app older than 7.1", async () => {
		const h = await start({ appVersion: "7.0.0" });
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, { op: "getSettings" });
		await h.waitFor(titled(ctx, "got"));
		h.sendToPlugin(ctx, { op: "getGlobal" });
		await h.waitFor(titled(ctx, "global"));
		expect(received(h, "didReceiveSettings")[0]).not.toHaveProperty("id");
		expect(received(h, "didReceiveGlobalSettings")[0]).not.toHaveProperty("id");
	});

	it("delivers PI settings to the plugin without id and stores them", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.piSetSettings(ctx, { fromPi: true });
		const ev = await waitReceived(h, "didReceiveSettings");
		expect(ev).not.toHaveProperty("id");
		expect(ev).toMatchObject({ context: ctx, payload: { settings: { fromPi: true } } });
		expect(h.settingsOf(ctx)).toEqual({ fromPi: true });
	});

	it("replaces global settings whole, answers getGlobalSettings with id and relays PI global writes", async () => {
		const h = await start({ globalSettings: { token: "t0", keep: 1 } });
		const ctx = h.appear({ action: KEY });

		h.sendToPlugin(ctx, { op: "getGlobal" });
		const got = await h.waitFor(titled(ctx, "global"));
		expect(got.payload.title).toBe('global {"token":"t0","keep":1}');
		const request = h.commands.find((c) => c.event === "getGlobalSettings");
		expect(request?.context).toBe(UUID);
		expect(received(h, "didReceiveGlobalSettings")[0]).toMatchObject({ id: request?.id });

		h.sendToPlugin(ctx, { op: "setGlobal", value: { token: "t1" } });
		await h.waitFor(titled(ctx, "done setGlobal"));
		expect(h.globalSettings).toEqual({ token: "t1" });
		expect(received(h, "didReceiveGlobalSettings")).toHaveLength(1);

		h.piSetGlobalSettings({ fromPi: 1 });
		await vi.waitFor(() => expect(received(h, "didReceiveGlobalSettings")).toHaveLength(2));
		expect(received(h, "didReceiveGlobalSettings")[1]).toEqual({ event: "didReceiveGlobalSettings", payload: { settings: { fromPi: 1 } } });
		expect(h.globalSettings).toEqual({ fromPi: 1 });
	});
});

describe("host simulator: property inspector and system events", () => {
	it("lets the plugin talk to the PI only after propertyInspectorDidAppear; sendToPlugin has no device", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.piAppear(ctx);
		const pi = await h.waitFor((c) => c.event === "sendToPropertyInspector");
		expect(pi).toMatchObject({ context: ctx, payload: { hello: ctx } });

		h.sendToPlugin(ctx, { op: "noop" });
		const sent = await waitReceived(h, "sendToPlugin");
		expect(sent).toEqual({ event: "sendToPlugin", action: KEY, context: ctx, payload: { op: "noop" } });
		h.piDisappear(ctx);
		h.systemDidWakeUp();
		await waitReceived(h, "systemDidWakeUp");
		expect(received(h, "propertyInspectorDidDisappear")).toEqual([{ event: "propertyInspectorDidDisappear", action: KEY, context: ctx, device: "DEV1" }]);
	});

	it("serves each action's PI page with the app's bootstrap, its assets, and nothing outside the plugin", async () => {
		const h = await start();
		const key = h.appear({ action: KEY, settings: { a: 1 } });
		const fixed = h.appear({ action: FIXED });
		const page = await (await fetch(h.inspectorUrl(key))).text();
		expect(page).toContain('<head><base href="/plugin/ui/"><title>pi</title>');
		const boot = /connectElgatoStreamDeckSocket\((\d+), ("[^"]+"), "registerPropertyInspector", ("(?:[^"\\]|\\.)*"), ("(?:[^"\\]|\\.)*")\)/.exec(page);
		expect(boot?.[1]).toBe(String(h.port));
		expect(JSON.parse(boot?.[2] ?? "")).toBe(key);
		expect(JSON.parse(JSON.parse(boot?.[3] ?? "") as string)).toMatchObject({ plugin: { uuid: UUID }, devices: [{ id: "DEV1" }] });
		expect(JSON.parse(JSON.parse(boot?.[4] ?? "") as string)).toEqual({
			action: KEY, context: key, device: "DEV1",
			payload: { settings: { a: 1 }, controller: "Keypad", isInMultiAction: false, coordinates: { column: 0, row: 0 }, state: 0 },
		});
		expect(await (await fetch(h.inspectorUrl(fixed))).text()).toContain("fixed");
		const base = `http://127.0.0.1:${h.port}`;
		expect(await (await fetch(`${base}/plugin/ui/pi.js`)).text()).toContain("connectElgatoStreamDeckSocket");
		expect((await fetch(`${base}/plugin/ui/%2E%2E/%2E%2E/secret.txt`)).status).toBe(404);
		expect((await fetch(`${base}/inspector/UNKNOWN`)).status).toBe(404);
	});

	it("relays a real PI socket: appear/disappear, settings both ways, sendToPlugin, sendToPropertyInspector", async () => {
		const h = await start({ globalSettings: { keep: 1 } });
		const ctx = h.appear({ action: KEY });
		const pi = new WebSocket(`ws://127.0.0.1:${h.port}`);
		const inbox: Record<string, unknown>[] = [];
		pi.addEventListener("message", (m) => inbox.push(JSON.parse(String(m.data)) as Record<string, unknown>));
		await new Promise((resolve) => pi.addEventListener("open", resolve));
		const piSend = (event: string, payload?: unknown) => pi.send(JSON.stringify({ event, context: ctx, action: KEY, payload }));
		const piGot = (event: string) => vi.waitFor(() => {
			const found = inbox.find((m) => m.event === event);
			if (!found) throw new Error(`PI got no ${event}`);
			return found;
		});
		pi.send(JSON.stringify({ event: "registerPropertyInspector", uuid: ctx }));
		expect(await waitReceived(h, "propertyInspectorDidAppear")).toEqual({ event: "propertyInspectorDidAppear", action: KEY, context: ctx, device: "DEV1" });
		expect(await piGot("sendToPropertyInspector")).toEqual({ event: "sendToPropertyInspector", action: KEY, context: ctx, payload: { hello: ctx } });
		expect(h.openInspectors).toEqual([ctx]);

		piSend("setSettings", { fromPi: true });
		expect(await waitReceived(h, "didReceiveSettings")).toMatchObject({ context: ctx, payload: { settings: { fromPi: true } } });
		expect(h.settingsOf(ctx)).toEqual({ fromPi: true });
		piSend("setGlobalSettings", { keep: 2 });
		expect(await waitReceived(h, "didReceiveGlobalSettings")).toEqual({ event: "didReceiveGlobalSettings", payload: { settings: { keep: 2 } } });
		expect(h.globalSettings).toEqual({ keep: 2 });
		piSend("getGlobalSettings");
		expect(await piGot("didReceiveGlobalSettings")).toEqual({ event: "didReceiveGlobalSettings", payload: { settings: { keep: 2 } } });

		piSend("sendToPlugin", { op: "setSettings", value: { fromPlugin: 1 } });
		expect(await waitReceived(h, "sendToPlugin")).toEqual({ event: "sendToPlugin", action: KEY, context: ctx, payload: { op: "setSettings", value: { fromPlugin: 1 } } });
		expect(await piGot("didReceiveSettings")).toMatchObject({ action: KEY, context: ctx, payload: { settings: { fromPlugin: 1 } } });
		piSend("openUrl", { url: "https://example.com" });
		await vi.waitFor(() => expect(h.inspectorMessages).toMatchObject([{ event: "openUrl", context: ctx, payload: { url: "https://example.com" } }]));

		pi.close();
		expect(await waitReceived(h, "propertyInspectorDidDisappear")).toEqual({ event: "propertyInspectorDidDisappear", action: KEY, context: ctx, device: "DEV1" });
		expect(h.openInspectors).toEqual([]);
	});

	it("records images and notifies command listeners", async () => {
		const h = await start();
		const seen: string[] = [];
		const off = h.on("command", (c) => seen.push(c.event));
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, { op: "setImage", value: "data:image/svg+xml,%3Csvg%2F%3E" });
		await h.waitFor(titled(ctx, "done setImage"));
		off();
		expect(h.lastImage(ctx)).toBe("data:image/svg+xml,%3Csvg%2F%3E");
		expect(seen).toContain("setImage");
		const at = h.commands.map((c) => c.at);
		expect(at).toEqual([...at].sort((x, y) => x - y));
	});
});

describe("host simulator: waiting, stopping and restarting", () => {
	it("rejects waitFor on timeout with the last commands", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		await h.waitFor(titled(ctx, "appear"));
		await expect(h.waitFor((c) => c.event === "never", { timeoutMs: 200 })).rejects.toThrow(/within 200 ms[\s\S]*setTitle/);
	});

	it("rejects waitFor early with stderr when the plugin dies", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, { op: "crash" });
		await expect(h.waitFor((c) => c.event === "never", { timeoutMs: 4000 })).rejects.toThrow(/plugin exited \(code 3[\s\S]*crashing on purpose/);
		expect(await h.exited).toEqual({ code: 3, signal: null });
	});

	it("stop closes the socket and the idle plugin exits by itself", async () => {
		const h = await start();
		expect(await h.stop({ graceMs: 3000 })).toEqual({ code: 0, signal: null });
	});

	it("stop kills a plugin that keeps running after the socket closed", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, { op: "keepAlive" });
		await h.waitFor(titled(ctx, "done keepAlive"));
		const t0 = performance.now();
		expect(await h.stop({ graceMs: 300 })).toEqual({ code: null, signal: "SIGKILL" });
		expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
	});

	it("restart relaunches with stored settings and re-sends willAppear for visible actions", async () => {
		const h = await start();
		const shown = h.appear({ action: KEY, settings: { v: 1 } });
		const hidden = h.appear({ action: KEY });
		h.disappear(hidden);
		h.sendToPlugin(shown, { op: "setSettings", value: { v: 2 } });
		h.sendToPlugin(shown, { op: "setGlobal", value: { g: 1 } });
		await h.waitFor(titled(shown, "done setGlobal"));
		const since = h.commands.length;

		await h.restart();

		expect(h.commands.filter((c) => c.event === "registerPlugin")).toHaveLength(2);
		await h.waitFor(titled(shown, 'appear {"v":2}'), { since });
		expect(h.commandsFor(hidden, "setTitle").filter((c) => h.commands.indexOf(c) >= since)).toEqual([]);
		h.sendToPlugin(shown, { op: "getGlobal" });
		await h.waitFor(titled(shown, 'global {"g":1}'), { since });
		expect(h.stdout.match(/echo plugin started/g)).toHaveLength(2);
	});
});

describe("host simulator: OpenDeck profile", () => {
	// A `node` on PATH as OpenDeck finds it: a wrapper that marks the environment, then runs a real node.
	const pathWith = (script: string): Record<string, string> => {
		const dir = mkdtempSync(join(root, "path-"));
		writeFileSync(join(dir, "node"), `#!/bin/sh\n${script}\n`);
		chmodSync(join(dir, "node"), 0o755);
		return { PATH: `${dir}:${process.env.PATH ?? ""}` };
	};
	const realNode = (marker: string) => pathWith(`export ECHO_ENV=${marker}\nexec ${JSON.stringify(DEFAULT_NODE_PATH)} "$@"`);
	const openDeck = (options: Partial<HostOptions> = {}) => start({ profile: "opendeck", env: realNode("node-from-path"), ...options });

	it("runs `node` from PATH with no flags, the folder name as UUID and OpenDeck's -info", async () => {
		const h = await openDeck();

		const launch = await h.waitFor((c) => c.event === "logMessage" && String(c.payload.message).includes('"launch"'));
		const info = (JSON.parse(launch.payload.message as string) as { launch: { argv: string[]; cwd: string; execArgv: string[]; env: string } }).launch;
		expect(info.env).toBe("node-from-path");
		expect(info.execArgv).toEqual([]);
		expect(info.cwd).toBe(pluginDir);
		const arg = (name: string) => info.argv[info.argv.indexOf(name) + 1];
		expect(arg("-pluginUUID")).toBe(`${UUID}.sdPlugin`);
		expect(h.pluginUUID).toBe(`${UUID}.sdPlugin`);
		expect(h.commands[0]).toMatchObject({ event: "registerPlugin", raw: { uuid: `${UUID}.sdPlugin` } });
		const registration = JSON.parse(arg("-info")) as { application: unknown; colors: Record<string, string>; devicePixelRatio: number; plugin: unknown };
		expect(registration.application).toMatchObject({ platform: "windows", version: "7.1.0", language: "en" });
		expect(registration.devicePixelRatio).toBe(0);
		expect(Object.keys(registration.colors).sort()).toEqual([
			"buttonPressedBackgroundColor", "buttonPressedBorderColor", "buttonPressedTextColor", "disabledColor", "highlightColor", "mouseDownColor",
		]);
		expect(registration.plugin).toEqual({ uuid: `${UUID}.sdPlugin`, version: "1.2.3.4" });
	});

	it("refuses to start the plugin when `node --version` on PATH is below v20.0.0, as OpenDeck does", async () => {
		const old = pathWith(`echo v18.19.0`);
		await expect(startHost({ pluginDir, profile: "opendeck", env: old })).rejects.toThrow(/Node\.js version 20\.0\.0 or higher is required.*v18\.19\.0/);
	});

	it("names contexts device.profile.controller.position.index", async () => {
		const plus = { id: "PLUS", name: "Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 };
		const h = await openDeck({ devices: [{ id: "DEV1", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 }, plus] });
		expect(h.appear({ action: KEY })).toBe("DEV1.Default.Keypad.0.0");
		expect(h.appear({ action: KEY })).toBe("DEV1.Default.Keypad.1.0");
		expect(h.appear({ action: KEY, coordinates: { column: 2, row: 1 } })).toBe("DEV1.Default.Keypad.7.0");
		expect(h.appear({ action: KEY, isInMultiAction: true })).toBe("DEV1.Default.Keypad.0.1");
		const dial = h.appear({ action: KEY, device: "PLUS", controller: "Encoder", coordinates: { column: 3, row: 0 } });
		expect(dial).toBe("PLUS.Default.Encoder.3.0");
		h.dialRotate(dial, 1);
		await h.waitFor(titled(dial, "rotate 1"));
	});

	it("answers get* without id (though it claims 7.1) and the SDK still resolves them", async () => {
		const h = await openDeck({ globalSettings: { g: 1 } });
		const ctx = h.appear({ action: KEY, settings: { a: 1 } });
		h.sendToPlugin(ctx, { op: "getSettings" });
		await h.waitFor(titled(ctx, 'got {"a":1}'));
		h.sendToPlugin(ctx, { op: "getGlobal" });
		await h.waitFor(titled(ctx, 'global {"g":1}'));
		expect(h.commands.find((c) => c.event === "getSettings")?.id).toEqual(expect.any(String));
		expect(received(h, "didReceiveSettings")[0]).not.toHaveProperty("id");
		expect(received(h, "didReceiveGlobalSettings")[0]).not.toHaveProperty("id");
		expect(received(h, "didReceiveSettings")[0]).not.toHaveProperty("payload.resources");
	});

	it("drops the commands it cannot decode, and global settings sent under another UUID", async () => {
		const h = await openDeck({ globalSettings: { g: 1 } });
		const ctx = h.appear({ action: KEY });
		const commands = [
			{ event: "getSecrets", context: `${UUID}.sdPlugin` },
			{ event: "getResources", context: ctx, id: "r1" },
			{ event: "setResources", context: ctx, payload: { file: "a.txt" } },
			{ event: "setTriggerDescription", context: ctx, payload: { push: "Go" } },
			{ event: "switchToProfile", context: `${UUID}.sdPlugin`, device: "DEV1", payload: { profile: "X" } },
			{ event: "setGlobalSettings", context: UUID, payload: { g: 2 } },
		];
		h.sendToPlugin(ctx, { op: "send", value: commands });
		await h.waitFor(titled(ctx, "done send"));
		// A settled round trip: anything answered would have arrived before this reply.
		h.sendToPlugin(ctx, { op: "getGlobal" });
		await h.waitFor(titled(ctx, 'global {"g":1}'));
		expect(h.undecodable.map((c) => c.event)).toEqual(["getSecrets", "getResources", "setResources", "setTriggerDescription", "switchToProfile"]);
		expect(received(h, "didReceiveSecrets")).toEqual([]);
		expect(received(h, "didReceiveResources")).toEqual([]);
		expect(h.globalSettings).toEqual({ g: 1 });
	});

	it("where Stream Deck answers getSecrets and getResources (with the request id)", async () => {
		const h = await start();
		const ctx = h.appear({ action: KEY });
		h.sendToPlugin(ctx, {
			op: "send",
			value: [
				{ event: "setResources", context: ctx, payload: { file: "a.txt" } },
				{ event: "getResources", context: ctx, id: "r1" },
				{ event: "getSecrets", context: UUID, id: "s1" },
			],
		});
		expect(await waitReceived(h, "didReceiveResources")).toMatchObject({ id: "r1", context: ctx, payload: { resources: { file: "a.txt" } } });
		expect(await waitReceived(h, "didReceiveSecrets")).toEqual({ event: "didReceiveSecrets", id: "s1", payload: { secrets: {} } });
		expect(h.undecodable).toEqual([]);
	});

	it("reloads a plugin with SIGKILL and relaunches it with the stored settings", async () => {
		const h = await openDeck();
		const ctx = h.appear({ action: KEY, settings: { v: 1 } });
		await h.waitFor(titled(ctx, "appear"));
		const first = h.exited;
		const since = h.commands.length;
		await h.restart();
		expect(await first).toEqual({ code: null, signal: "SIGKILL" });
		await h.waitFor(titled(ctx, 'appear {"v":1}'), { since });
		expect(await h.stop()).toEqual({ code: 0, signal: null });
	});
});
