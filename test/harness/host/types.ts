/**
 * Public types of the Stream Deck host simulator. Other harness pieces (PI relay, `npm start`) code against
 * these names, so keep them stable.
 */

/** A device as listed in `-info.devices` and `deviceDidConnect`. */
export interface DeviceInfo {
	id: string;
	name: string;
	size: { columns: number; rows: number };
	/** `DeviceType`: 0 Stream Deck, 1 Mini, 2 XL, 7 Plus, … */
	type: number;
}

/** How the plugin process ended. */
export interface ExitInfo {
	code: number | null;
	signal: string | null;
}

/**
 * The app the host imitates. "stream-deck" (default): the Elgato app. "opendeck": OpenDeck on Linux (stream-deck.md
 * §8): the system `node` from the plugin's PATH with no node flags, `-pluginUUID` = the plugin folder's name, OpenDeck's
 * `-info`, readable contexts (`DEV1.Default.Keypad.7.0`), no `id` on replies, SIGKILL on restart, and
 * getSecrets/getResources/setResources/setTriggerDescription/switchToProfile dropped as undecodable.
 */
export type HostProfileName = "stream-deck" | "opendeck";

/** Options of {@link startHost}. */
export interface HostOptions {
	/** The `.sdPlugin` folder; the plugin is launched with cwd = pluginDir. */
	pluginDir: string;
	/** Default "stream-deck"; see {@link HostProfileName}. */
	profile?: HostProfileName;
	/** Node binary; default: the repo's Node 24 (`node_modules/.bin/node`), or `node` from PATH for "opendeck". */
	nodePath?: string;
	/** Entry point relative to pluginDir; default: the manifest's `CodePath`. */
	codePath?: string;
	/** Default: the manifest's `UUID` (for "opendeck": the plugin folder's name). */
	pluginUUID?: string;
	/** Default: one 5×3 Stream Deck with id `DEV1`. */
	devices?: DeviceInfo[];
	/** Initial stored global settings. */
	globalSettings?: Record<string, unknown>;
	/** `-info.application.version`, default `7.1.0.22000` (7.1+ ⇒ `id` echoed on didReceive* replies; "opendeck": `7.1.0`, never echoed). */
	appVersion?: string;
	/** `-info.application.language` for the plugin and its inspectors, default "en" (`fr`, `de`, `ja`, `zh_CN`, …). */
	language?: string;
	/** Extra environment variables for the plugin process. */
	env?: Record<string, string>;
	/** Extra node flags, after the app's own `--enable-source-maps --no-global-search-paths` ("opendeck" has none). */
	nodeArgs?: string[];
}

/** One message the plugin sent to the host. */
export interface RecordedCommand {
	event: string;
	context?: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary payload shapes
	payload?: any;
	id?: string;
	/** `performance.now()` when the host received it, in ms. */
	at: number;
	/** The whole parsed message (e.g. `device` of `switchToProfile`, `uuid` of `registerPlugin`). */
	raw?: Record<string, unknown>;
}

/** A key or dial to show; see {@link Host.appear}. */
export interface ActionSpec {
	/** Action UUID (must be declared in the manifest). */
	action: string;
	/** Default: a random 32-hex-digit id like the app's. */
	context?: string;
	/** Default: the first device. */
	device?: string;
	/** Default "Keypad". */
	controller?: "Keypad" | "Encoder";
	/** Default: next free slot of that device and controller. */
	coordinates?: { column: number; row: number };
	settings?: Record<string, unknown>;
	/** Current state for two-state actions (default 0). */
	state?: number;
	isInMultiAction?: boolean;
}

/** A running simulated Stream Deck app with one plugin process. */
export interface Host {
	readonly port: number;
	/** Every message the plugin sent, in order (includes registerPlugin), across restarts. */
	readonly commands: RecordedCommand[];
	readonly stdout: string;
	readonly stderr: string;
	/** Exit of the current plugin process. */
	readonly exited: Promise<ExitInfo>;
	/** Process id of the current plugin process (e.g. to read `/proc/<pid>/exe`). */
	readonly pid: number | undefined;
	/** Which app this host imitates. */
	readonly profile: HostProfileName;
	/** The UUID the plugin was launched with (`-pluginUUID`). */
	readonly pluginUUID: string;
	/** Commands the imitated app cannot decode: the plugin sent them, nothing was applied or answered. */
	readonly undecodable: RecordedCommand[];
	/** The stored global settings (plugin `setGlobalSettings` replaces it whole). */
	globalSettings: Record<string, unknown>;
	settingsOf(context: string): Record<string, unknown>;
	stateOf(context: string): number;
	/** Shows a key/dial: sends willAppear (and stores settings). Returns the context. */
	appear(spec: ActionSpec): string;
	/** Re-sends willAppear for a known context (duplicate, or coming back after `disappear`). */
	appearAgain(context: string): void;
	/** Sends willDisappear; the context stays known (settings kept) but receives no more events. */
	disappear(context: string): void;
	keyDown(context: string): void;
	keyUp(context: string): void;
	/** keyDown, wait holdMs (default 0), keyUp; two-state actions toggle unless DisableAutomaticStates. */
	press(context: string, holdMs?: number): Promise<void>;
	dialDown(context: string): void;
	dialUp(context: string): void;
	dialRotate(context: string, ticks: number): void;
	touchTap(context: string, hold?: boolean): void;
	/** As if the PI wrote them: store and send didReceiveSettings to the plugin (no id). */
	piSetSettings(context: string, settings: Record<string, unknown>): void;
	/** As if the PI wrote them: store and send didReceiveGlobalSettings to the plugin (no id). */
	piSetGlobalSettings(settings: Record<string, unknown>): void;
	piAppear(context: string): void;
	/**
	 * URL of the action's real property inspector page, served by the host with the app's bootstrap
	 * (`connectElgatoStreamDeckSocket`); open it in a browser. Its socket is relayed like the app does.
	 */
	inspectorUrl(context: string): string;
	/** Contexts whose property inspector socket is connected. */
	readonly openInspectors: string[];
	/** PI messages the plugin never sees (openUrl, logMessage), with the PI's action context. */
	readonly inspectorMessages: RecordedCommand[];
	piDisappear(context: string): void;
	sendToPlugin(context: string, payload: unknown): void;
	systemDidWakeUp(): void;
	/** Sends any message as is, bypassing the known-context checks. */
	sendRaw(message: object): void;
	/** First recorded command (from index `since`, default 0) matching; rejects after timeoutMs (default 5000). */
	waitFor(pred: (c: RecordedCommand) => boolean, opts?: { timeoutMs?: number; since?: number }): Promise<RecordedCommand>;
	/** Commands for one context, optionally filtered by event name. */
	commandsFor(context: string, event?: string): RecordedCommand[];
	lastTitle(context: string): string | undefined;
	lastImage(context: string): string | undefined;
	/** Closes the socket (like the app quitting) and waits for exit (SIGKILL after graceMs, default 3000). */
	stop(opts?: { graceMs?: number }): Promise<ExitInfo>;
	/**
	 * Stops (closing its socket; "opendeck": SIGKILL, like its plugin reload) and relaunches the plugin with the same
	 * stored settings; re-sends willAppear for visible actions.
	 */
	restart(): Promise<void>;
	/** Raw stream of recorded commands; returns an unsubscribe function. */
	on(event: "command", listener: (c: RecordedCommand) => void): () => void;
}
