/**
 * `npm start`: the whole product in a browser. Starts the Dailymotion sandbox and an RTMP ingest (or nothing with
 * the real API), launches the built plugin through the host simulator like the Stream Deck app does, places one
 * key of every action (and the dials of a Stream Deck +), and serves the virtual deck page.
 */
import { join } from "node:path";
import { startHost, type Host } from "../../test/harness/host/index.ts";
import type { Ingest } from "../../test/harness/ingest.ts";
import type { Sandbox } from "../../test/harness/sandbox/index.ts";
import { PLUGIN_DIR } from "../../test/harness/stack.ts";
import { startBackends } from "./backends.ts";
import { deckSlots, DEVICES, deviceOf } from "./deck-layout.ts";
import { DeckSession } from "./deck-session.ts";
import { startPageServer } from "./page-server.ts";
import { loadSettings, type ApiTarget } from "./settings-file.ts";
import { initialGlobalSettings, SettingsSync } from "./settings-sync.ts";
import { startStatusMonitor } from "./status-monitor.ts";

export const DEFAULT_PORT = 8420;
export const DEFAULT_SETTINGS_FILE = join(PLUGIN_DIR, "..", ".local", "start-settings.json");

export interface VirtualDeckOptions {
	/** Port of the page on 127.0.0.1 (default 8420; 0 = any free port). */
	port?: number;
	/** Where settings persist between runs (default `.local/start-settings.json`). */
	settingsFile?: string;
	/** Use the real Dailymotion API (credentials from the inspector) instead of the sandbox. */
	realApi?: boolean;
	/** Which Dailymotion API the plugin uses (`apiVersion`): sandbox runs default to legacy, real-API runs keep the saved choice. */
	api?: "legacy" | "v2";
	/** OBS WebSocket URL put into global settings (default: the saved one, else ws://127.0.0.1:4455). */
	obsUrl?: string;
	/** Start the RTMP ingest (default: when nginx-rtmp is installed). */
	ingest?: boolean;
	/** The built `.sdPlugin` folder (default: the repo's). */
	pluginDir?: string;
	/** Stream Deck's language (`-info.application.language`): `en` (default), `fr`, `de`, `es`, `ja`, `zh_CN`, `ko`. */
	language?: string;
}

export interface VirtualDeck {
	/** The page's URL. */
	url: string;
	host: Host;
	/** The Dailymotion sandbox (undefined with realApi). */
	sandbox: Sandbox | undefined;
	ingest: Ingest | undefined;
	/** Why the sandbox runs without an RTMP ingest (nginx-rtmp missing, --no-ingest…). */
	ingestProblem: string | undefined;
	/** Where settings are saved. */
	settingsFile: string;
	/** Stops the page, the plugin, the sandbox and the ingest; saves settings. Safe to call twice. */
	close(): Promise<void>;
}

export async function startVirtualDeck(options: VirtualDeckOptions = {}): Promise<VirtualDeck> {
	const pluginDir = options.pluginDir ?? PLUGIN_DIR;
	const settingsFile = options.settingsFile ?? DEFAULT_SETTINGS_FILE;
	const target: ApiTarget = options.realApi ? "real-api" : "sandbox";
	const slots = deckSlots(pluginDir, options.language);
	const { settings: saved, problem: settingsProblem } = loadSettings(settingsFile);
	const stops: (() => Promise<unknown>)[] = [];
	const close = async (): Promise<void> => {
		for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
	};
	try {
		const backends = await startBackends({ realApi: target === "real-api", ingest: options.ingest, api: options.api });
		stops.push(() => backends.close());
		const globalSettings = initialGlobalSettings({ saved, target, accountSettings: backends.accountSettings, obsUrl: options.obsUrl });
		const host = await startHost({ pluginDir, devices: DEVICES, globalSettings, language: options.language });
		stops.push(() => host.stop());

		const session = new DeckSession({ host, sandbox: backends.sandbox, slots });
		if (settingsProblem) session.note("note", "settings", settingsProblem);
		if (backends.ingestProblem) session.note("note", "ingest", backends.ingestProblem);
		const sync = new SettingsSync({
			file: settingsFile,
			saved,
			target,
			host,
			slots,
			onError: (err) => session.note("note", "settings", `cannot save ${settingsFile}: ${err.message}`),
		});
		const unsubscribe = host.on("command", (command) => {
			session.onCommand(command);
			if (command.event === "setSettings" || command.event === "setGlobalSettings") sync.check();
		});
		stops.push(async () => unsubscribe());
		for (const slot of slots) {
			host.appear({
				action: slot.action,
				context: slot.context,
				device: deviceOf(slot),
				controller: slot.controller,
				coordinates: { column: slot.column, row: slot.row },
				settings: saved.keys[slot.id] ?? {},
			});
		}
		sync.start();
		stops.push(async () => sync.stop());

		const stopStatus = startStatusMonitor({ host, backends, session });
		stops.push(async () => stopStatus());

		const page = await startPageServer({ port: options.port ?? DEFAULT_PORT, pluginDir, session });
		stops.push(() => page.close());
		return { url: page.url, host, sandbox: backends.sandbox, ingest: backends.ingest, ingestProblem: backends.ingestProblem, settingsFile, close };
	} catch (err) {
		await close();
		throw err;
	}
}
