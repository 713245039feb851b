import { setTimeout as delay } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { WebSocket } from "ws";
import { ActionRegistry, actionEvent, basePayload, type PlacedAction } from "./action-registry.ts";
import { CommandLog } from "./command-log.ts";
import { readManifest, type PluginManifest } from "./manifest.ts";
import { inspectorHttpHandler, type InspectorPage } from "./inspector-server.ts";
import { InspectorRelay, REGISTER_PI_EVENT } from "./inspector-relay.ts";
import { awaitRegistration, infoJson, launchPlugin, REGISTER_EVENT } from "./launch.ts";
import { exitText, tail, type PluginProcess } from "./plugin-process.ts";
import { PluginServer } from "./plugin-server.ts";
import { DEFAULT_DEVICES } from "./registration-info.ts";
import { handlePluginCommand } from "./plugin-commands.ts";
import { hostProfile, type HostProfile } from "./profile.ts";
import type { ActionSpec, DeviceInfo, ExitInfo, Host, HostOptions, HostProfileName, RecordedCommand } from "./types.ts";

const REGISTRATION_TIMEOUT_MS = 10_000;

/** Launches the plugin against a simulated Stream Deck app; resolves once it sent registerPlugin. */
export async function startHost(options: HostOptions): Promise<Host> {
	const host = new SimulatedHost(options);
	await host.init();
	return host;
}

/** The simulated app: one WebSocket server, one plugin process at a time, and the profile state. */
class SimulatedHost implements Host {
	globalSettings: Record<string, unknown>;
	readonly #options: HostOptions;
	readonly #manifest: PluginManifest;
	readonly #devices: readonly DeviceInfo[];
	readonly #profile: HostProfile;
	readonly #registry: ActionRegistry;
	readonly #log = new CommandLog();
	readonly #relay: InspectorRelay;
	readonly inspectorMessages: RecordedCommand[] = [];
	readonly undecodable: RecordedCommand[] = [];
	readonly #dialPressed = new Set<string>();
	#server: PluginServer | undefined;
	#process: PluginProcess | undefined;
	#socket: WebSocket | undefined;
	#onRegistered: ((error?: Error) => void) | undefined;
	#pastStdout = "";
	#pastStderr = "";
	#restarting = false;
	#stopped: Promise<ExitInfo> | undefined;

	constructor(options: HostOptions) {
		this.#options = options;
		this.#manifest = readManifest(options.pluginDir);
		this.#devices = options.devices ?? DEFAULT_DEVICES;
		this.#profile = hostProfile(options, this.#manifest.uuid);
		this.#registry = new ActionRegistry(this.#manifest, this.#devices, this.#profile.contextFor);
		this.globalSettings = structuredClone(options.globalSettings ?? {});
		this.#relay = new InspectorRelay({
			registry: this.#registry,
			getGlobalSettings: () => this.globalSettings,
			setGlobalSettings: (s) => (this.globalSettings = s),
			toPlugin: (m) => this.#send(m),
			record: (m) => this.inspectorMessages.push(recorded(m)),
		});
	}

	/** Opens the server and launches the plugin. */
	async init(): Promise<void> {
		const http = inspectorHttpHandler({
			pluginDir: this.#options.pluginDir,
			port: () => this.port,
			info: () => infoJson({ profile: this.#profile, manifest: this.#manifest, devices: this.#devices, language: this.#options.language }),
			page: (context) => this.#inspectorPage(context),
		});
		this.#server = await PluginServer.listen((socket, message) => this.#onMessage(socket, message), http);
		try {
			await this.#launch();
		} catch (err) {
			await this.stop({ graceMs: 500 });
			throw err;
		}
	}

	get port(): number {
		if (!this.#server) throw new Error("host: not started");
		return this.#server.port;
	}
	get commands(): RecordedCommand[] {
		return this.#log.commands;
	}
	get stdout(): string {
		return this.#pastStdout + (this.#process?.stdout ?? "");
	}
	get stderr(): string {
		return this.#pastStderr + (this.#process?.stderr ?? "");
	}
	get exited(): Promise<ExitInfo> {
		if (!this.#process) throw new Error("host: not started");
		return this.#process.exited;
	}
	get pid(): number | undefined {
		return this.#process?.pid;
	}
	get profile(): HostProfileName {
		return this.#profile.name;
	}
	get pluginUUID(): string {
		return this.#profile.pluginUUID;
	}

	settingsOf(context: string): Record<string, unknown> {
		return structuredClone(this.#registry.get(context).settings);
	}
	stateOf(context: string): number {
		return this.#registry.get(context).state;
	}

	appear(spec: ActionSpec): string {
		const placed = this.#registry.place(spec);
		this.#show(placed);
		return placed.context;
	}
	appearAgain(context: string): void {
		this.#show(this.#registry.get(context));
	}
	disappear(context: string): void {
		const a = this.#registry.visible(context);
		a.visible = false;
		this.#dialPressed.delete(context);
		this.#send(actionEvent("willDisappear", a));
	}

	keyDown(context: string): void {
		const a = this.#key(context);
		this.#send(actionEvent("keyDown", a, a.isInMultiAction ? { userDesiredState: a.state } : {}));
	}
	keyUp(context: string): void {
		const a = this.#key(context);
		// Like OpenDeck, the state toggles before keyUp, so keyUp already carries the new state.
		if (a.manifest.stateCount > 1 && !a.manifest.disableAutomaticStates) a.state = (a.state + 1) % a.manifest.stateCount;
		this.#send(actionEvent("keyUp", a, a.isInMultiAction ? { userDesiredState: a.state } : {}));
	}
	async press(context: string, holdMs = 0): Promise<void> {
		this.keyDown(context);
		await delay(holdMs);
		this.keyUp(context);
	}

	dialDown(context: string): void {
		this.#dialPressed.add(context);
		this.#send(actionEvent("dialDown", this.#dial(context)));
	}
	dialUp(context: string): void {
		const a = this.#dial(context);
		this.#dialPressed.delete(context);
		this.#send(actionEvent("dialUp", a));
	}
	dialRotate(context: string, ticks: number): void {
		this.#send(actionEvent("dialRotate", this.#dial(context), { ticks, pressed: this.#dialPressed.has(context) }));
	}
	touchTap(context: string, hold = false): void {
		// The middle of the dial's 200×100 touch-strip segment.
		this.#send(actionEvent("touchTap", this.#dial(context), { tapPos: [100, 50], hold }));
	}

	piSetSettings(context: string, settings: Record<string, unknown>): void {
		const a = this.#registry.visible(context);
		a.settings = structuredClone(settings);
		this.#send(actionEvent("didReceiveSettings", a));
	}
	piSetGlobalSettings(settings: Record<string, unknown>): void {
		this.globalSettings = structuredClone(settings);
		this.#send({ event: "didReceiveGlobalSettings", payload: { settings: structuredClone(settings) } });
	}
	piAppear(context: string): void {
		const a = this.#registry.visible(context);
		this.#send({ event: "propertyInspectorDidAppear", action: a.action, context, device: a.device });
	}
	piDisappear(context: string): void {
		const a = this.#registry.visible(context);
		this.#send({ event: "propertyInspectorDidDisappear", action: a.action, context, device: a.device });
	}
	sendToPlugin(context: string, payload: unknown): void {
		const a = this.#registry.visible(context);
		this.#send({ event: "sendToPlugin", action: a.action, context, payload });
	}
	inspectorUrl(context: string): string {
		if (!this.#inspectorPage(context)) throw new Error(`host: ${context} is not visible or its action has no PropertyInspectorPath`);
		return `http://127.0.0.1:${this.port}/inspector/${encodeURIComponent(context)}`;
	}
	get openInspectors(): string[] {
		return this.#relay.open;
	}
	systemDidWakeUp(): void {
		this.#send({ event: "systemDidWakeUp" });
	}
	sendRaw(message: object): void {
		this.#send(message);
	}

	waitFor(pred: (c: RecordedCommand) => boolean, opts: { timeoutMs?: number; since?: number } = {}): Promise<RecordedCommand> {
		const proc = this.#process;
		// Fail fast when the plugin died, but not because of a restart in progress.
		const abort = proc?.exited
			.then(() => delay(200))
			.then(() => (this.#process === proc && !this.#restarting ? `plugin exited (${exitText(proc.exitInfo)})` : new Promise<string>(() => undefined)));
		return this.#log.waitFor(pred, {
			timeoutMs: opts.timeoutMs ?? 5000,
			since: opts.since ?? 0,
			abort,
			describe: () => this.#describe(),
		});
	}
	commandsFor(context: string, event?: string): RecordedCommand[] {
		return this.#log.forContext(context, event);
	}
	lastTitle(context: string): string | undefined {
		return this.#log.forContext(context, "setTitle").at(-1)?.payload?.title as string | undefined;
	}
	lastImage(context: string): string | undefined {
		return this.#log.forContext(context, "setImage").at(-1)?.payload?.image as string | undefined;
	}
	on(_event: "command", listener: (c: RecordedCommand) => void): () => void {
		return this.#log.on(listener);
	}

	stop(opts: { graceMs?: number } = {}): Promise<ExitInfo> {
		this.#stopped ??= (async () => {
			this.#relay.closeAll();
			const exit = await this.#stopProcess(opts.graceMs ?? 3000);
			await this.#server?.close();
			return exit;
		})();
		return this.#stopped;
	}

	async restart(): Promise<void> {
		if (this.#stopped) throw new Error("host: restart after stop");
		this.#restarting = true;
		try {
			await this.#stopProcess(3000, this.#profile.killsOnRestart);
			this.#dialPressed.clear();
			await this.#launch();
		} finally {
			this.#restarting = false;
		}
		for (const a of this.#registry.allVisible()) this.#send(actionEvent("willAppear", a));
	}

	#show(a: PlacedAction): void {
		a.visible = true;
		this.#send(actionEvent("willAppear", a));
	}
	#key(context: string): PlacedAction {
		const a = this.#registry.visible(context);
		if (a.controller !== "Keypad") throw new Error(`host: context ${context} is a dial, not a key`);
		return a;
	}
	#dial(context: string): PlacedAction {
		const a = this.#registry.visible(context);
		if (a.controller !== "Encoder") throw new Error(`host: context ${context} is a key, not a dial`);
		return a;
	}

	#send(message: object): void {
		// Like the app, nothing is queued for a plugin that is not connected.
		if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
	}

	#onMessage(socket: WebSocket, message: Record<string, unknown>): void {
		if (socket !== this.#socket) {
			if (this.#relay.owns(socket)) return this.#relay.fromInspector(socket, message);
			if (message.event === REGISTER_PI_EVENT) return this.#relay.register(socket, message);
			if (message.event !== REGISTER_EVENT) return; // neither the plugin nor a property inspector
			this.#record(message);
			if (message.uuid !== this.#profile.pluginUUID) {
				this.#onRegistered?.(new Error(`plugin registered as ${String(message.uuid)}, expected ${this.#profile.pluginUUID}`));
				return;
			}
			this.#socket = socket;
			socket.once("close", () => {
				if (this.#socket === socket) this.#socket = undefined;
			});
			for (const d of this.#devices) {
				this.#send({ event: "deviceDidConnect", device: d.id, deviceInfo: { name: d.name, size: d.size, type: d.type } });
			}
			this.#onRegistered?.();
			return;
		}
		if (this.#profile.undecodable.has(String(message.event))) {
			// The app fails to decode the frame and drops it: nothing is applied, answered or relayed.
			this.undecodable.push(recorded(message));
			return this.#record(message);
		}
		handlePluginCommand(message, {
			registry: this.#registry,
			echoIds: this.#profile.echoIds,
			globalContext: this.#profile.checksGlobalContext ? this.#profile.pluginUUID : undefined,
			getGlobalSettings: () => this.globalSettings,
			setGlobalSettings: (s) => (this.globalSettings = s),
			send: (m) => this.#send(m),
		});
		this.#relay.fromPlugin(message);
		this.#record(message);
	}

	#record(message: Record<string, unknown>): void {
		this.#log.record(recorded(message));
	}

	/** The PI the app would open for a visible action: action-level PropertyInspectorPath, else plugin-level. */
	#inspectorPage(context: string): InspectorPage | undefined {
		const a = this.#registry.find(context);
		const path = a && (a.manifest.propertyInspectorPath ?? this.#manifest.propertyInspectorPath);
		if (!a?.visible || !path) return undefined;
		const actionInfo = { action: a.action, context: a.context, device: a.device, payload: basePayload(a) };
		return { path, uuid: a.context, actionInfo };
	}

	async #launch(): Promise<void> {
		const proc = launchPlugin({ options: this.#options, profile: this.#profile, manifest: this.#manifest, devices: this.#devices, port: this.port });
		this.#process = proc;
		await awaitRegistration(proc, REGISTRATION_TIMEOUT_MS, (callback) => (this.#onRegistered = callback));
	}

	async #stopProcess(graceMs: number, kill = false): Promise<ExitInfo> {
		const proc = this.#process;
		if (!proc) return { code: null, signal: null };
		// Closing the socket is how the app tells the plugin to quit; OpenDeck kills a plugin it reloads.
		if (!kill) this.#socket?.close();
		this.#socket = undefined;
		const exit = kill ? await proc.kill() : await proc.waitOrKill(graceMs);
		if (this.#restarting) {
			this.#pastStdout += proc.stdout;
			this.#pastStderr += proc.stderr;
			this.#process = undefined;
		}
		return exit;
	}

	#describe(): string {
		const exit = this.#process?.exitInfo;
		return [
			"--- last plugin commands ---",
			this.#log.describeLast(),
			`--- plugin ${exit ? `exited (${exitText(exit)})` : "running"}; stderr (tail) ---`,
			tail(this.stderr),
		].join("\n");
	}
}

function recorded(message: Record<string, unknown>): RecordedCommand {
	return {
		event: String(message.event),
		context: typeof message.context === "string" ? message.context : undefined,
		payload: message.payload,
		id: typeof message.id === "string" ? message.id : undefined,
		at: performance.now(),
		raw: message,
	};
}
