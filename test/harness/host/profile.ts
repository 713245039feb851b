import { execFileSync } from "node:child_process";
import { basename } from "node:path";
import { APP_NODE_ARGS, DEFAULT_NODE_PATH } from "./plugin-process.ts";
import { DEFAULT_APP_VERSION, versionAtLeast } from "./registration-info.ts";
import type { HostOptions, HostProfileName } from "./types.ts";

/** OpenDeck's `-info.application.version`, whatever its own release is. */
export const OPENDECK_APP_VERSION = "7.1.0";

/** The profile OpenDeck puts every placed action in until the user makes another. */
const OPENDECK_PROFILE = "Default";

/**
 * Commands OpenDeck's message enum has no variant for: the frame fails to decode and is dropped (stream-deck.md §8),
 * so a plugin awaiting an answer to one of them waits forever.
 */
const OPENDECK_UNDECODABLE: ReadonlySet<string> = new Set(["getSecrets", "getResources", "setResources", "setTriggerDescription", "switchToProfile"]);

/** Where a placed action sits, for hosts whose contexts say so. */
export interface Slot {
	device: string;
	controller: "Keypad" | "Encoder";
	/** Keys: row × columns + column; dials: the column. */
	position: number;
	/** 0 for the slot's own action, 1… for the members of a multi-action. */
	index: number;
}

/** What differs between the apps the host simulator can imitate. */
export interface HostProfile {
	readonly name: HostProfileName;
	/** The `node` to run (a path, or a command looked up on the plugin's PATH). */
	readonly nodePath: string;
	readonly nodeArgs: readonly string[];
	/** `-pluginUUID`, `-info.plugin.uuid`, and the context of global settings. */
	readonly pluginUUID: string;
	readonly appVersion: string;
	/** Replies to get* carry the request's `id`. */
	readonly echoIds: boolean;
	/** Global-settings commands must name `pluginUUID` as their context, or they are dropped. */
	readonly checksGlobalContext: boolean;
	/** The app stops a plugin it restarts with SIGKILL instead of closing its socket. */
	readonly killsOnRestart: boolean;
	/** Commands the app cannot decode: recorded, never applied or answered. */
	readonly undecodable: ReadonlySet<string>;
	/** A new action's context; undefined = the app's random 32 hex digits. */
	contextFor(slot: Slot): string | undefined;
	/**
	 * Throws like the app when it refuses to start the plugin's runtime (OpenDeck requires `node --version` ≥
	 * "v20.0.0", compared as strings).
	 */
	checkRuntime(env: NodeJS.ProcessEnv): void;
}

/** The profile for `options` (default: the Stream Deck app). */
export function hostProfile(options: HostOptions, manifestUUID: string): HostProfile {
	if (options.profile === "opendeck") return openDeck(options);
	const appVersion = options.appVersion ?? DEFAULT_APP_VERSION;
	return {
		name: "stream-deck",
		nodePath: options.nodePath ?? DEFAULT_NODE_PATH,
		nodeArgs: [...APP_NODE_ARGS, ...(options.nodeArgs ?? [])],
		pluginUUID: options.pluginUUID ?? manifestUUID,
		appVersion,
		echoIds: versionAtLeast(appVersion, 7, 1),
		checksGlobalContext: false,
		killsOnRestart: false,
		undecodable: new Set(),
		contextFor: () => undefined,
		checkRuntime: () => undefined,
	};
}

/**
 * OpenDeck on Linux (nekename/OpenDeck, stream-deck.md §8): the system `node` from PATH with no flags (it ignores
 * `Nodejs.Version` and `Debug`), the plugin folder's name as its UUID, contexts like `DEV1.Default.Keypad.7.0`
 * (device.profile.controller.position.index), no `id` on replies and a few commands it cannot decode.
 */
function openDeck(options: HostOptions): HostProfile {
	const nodePath = options.nodePath ?? "node";
	return {
		name: "opendeck",
		nodePath,
		nodeArgs: [...(options.nodeArgs ?? [])],
		pluginUUID: options.pluginUUID ?? basename(options.pluginDir),
		appVersion: options.appVersion ?? OPENDECK_APP_VERSION,
		echoIds: false,
		checksGlobalContext: true,
		killsOnRestart: true,
		undecodable: OPENDECK_UNDECODABLE,
		contextFor: (slot) => `${slot.device}.${OPENDECK_PROFILE}.${slot.controller}.${slot.position}.${slot.index}`,
		checkRuntime: (env) => {
			let version = "";
			try {
				version = execFileSync(nodePath, ["--version"], { env, encoding: "utf8" }).trim();
			} catch {
				// OpenDeck treats a node it cannot run like an old one.
			}
			if (version < "v20.0.0") throw new Error(`host (opendeck): Node.js version 20.0.0 or higher is required (${nodePath} --version: ${version || "failed"})`);
		},
	};
}
