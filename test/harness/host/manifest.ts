import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The parts of an action's manifest entry the host needs. */
export interface ManifestAction {
	uuid: string;
	controllers: ("Keypad" | "Encoder")[];
	stateCount: number;
	disableAutomaticStates: boolean;
	/** The action's own `PropertyInspectorPath`, if any (it overrides the plugin's). */
	propertyInspectorPath: string | undefined;
}

/** The parts of manifest.json the host needs. */
export interface PluginManifest {
	uuid: string;
	version: string;
	codePath: string;
	/** The plugin-level `PropertyInspectorPath`, if any. */
	propertyInspectorPath: string | undefined;
	actions: Map<string, ManifestAction>;
}

/** Reads `<pluginDir>/manifest.json`; throws with the path when it is missing or malformed. */
export function readManifest(pluginDir: string): PluginManifest {
	const path = join(pluginDir, "manifest.json");
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
	} catch (err) {
		throw new Error(`host: cannot read ${path}: ${(err as Error).message}`, { cause: err });
	}
	const actions = new Map<string, ManifestAction>();
	for (const raw of (json.Actions ?? []) as Record<string, unknown>[]) {
		const uuid = String(raw.UUID);
		actions.set(uuid, {
			uuid,
			// The app defaults to keys only.
			controllers: (raw.Controllers as ManifestAction["controllers"] | undefined) ?? ["Keypad"],
			stateCount: Array.isArray(raw.States) ? raw.States.length : 1,
			disableAutomaticStates: raw.DisableAutomaticStates === true,
			propertyInspectorPath: optionalString(raw.PropertyInspectorPath),
		});
	}
	const codePath = json.CodePath;
	if (typeof json.UUID !== "string" || typeof codePath !== "string") {
		throw new Error(`host: ${path} lacks UUID or CodePath`);
	}
	return {
		uuid: json.UUID,
		version: String(json.Version ?? "0.0.0.0"),
		codePath,
		propertyInspectorPath: optionalString(json.PropertyInspectorPath),
		actions,
	};
}

function optionalString(value: unknown): string | undefined {
	return typeof value === "string" && value !== "" ? value : undefined;
}
