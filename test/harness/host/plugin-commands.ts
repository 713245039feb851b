import { actionEvent, type ActionRegistry } from "./action-registry.ts";

/** What the command handler may read and change in the host. */
export interface CommandDeps {
	registry: ActionRegistry;
	/** Emulating 7.1+: replies to get* carry the request's `id`. */
	echoIds: boolean;
	/** When set, global-settings commands naming another context are dropped (OpenDeck checks the plugin's UUID). */
	globalContext?: string;
	getGlobalSettings(): Record<string, unknown>;
	setGlobalSettings(settings: Record<string, unknown>): void;
	send(message: object): void;
}

/**
 * Applies one plugin → host command to the stored state, following the app's echo rules: writes are stored
 * without echo to the plugin; get* is answered with didReceive* (with `id` on 7.1+). Commands naming an
 * unknown context are ignored, like the app does.
 */
export function handlePluginCommand(message: Record<string, unknown>, deps: CommandDeps): void {
	const context = typeof message.context === "string" ? message.context : undefined;
	const id = deps.echoIds && typeof message.id === "string" ? { id: message.id } : {};
	switch (message.event) {
		case "setSettings": {
			const a = deps.registry.find(context);
			if (a) a.settings = asObject(message.payload);
			break;
		}
		case "getSettings": {
			const a = deps.registry.find(context);
			if (a) deps.send({ ...actionEvent("didReceiveSettings", a), ...id });
			break;
		}
		case "setGlobalSettings":
			if (deps.globalContext !== undefined && context !== deps.globalContext) break;
			deps.setGlobalSettings(asObject(message.payload));
			break;
		case "getGlobalSettings":
			if (deps.globalContext !== undefined && context !== deps.globalContext) break;
			deps.send({ event: "didReceiveGlobalSettings", payload: { settings: structuredClone(deps.getGlobalSettings()) }, ...id });
			break;
		case "setResources": {
			const a = deps.registry.find(context);
			if (a) a.resources = asObject(message.payload);
			break;
		}
		case "getResources": {
			const a = deps.registry.find(context);
			if (a) deps.send({ ...actionEvent("didReceiveResources", a, { resources: structuredClone(a.resources) }), ...id });
			break;
		}
		case "getSecrets":
			// This plugin has no Elgato Marketplace secrets.
			deps.send({ event: "didReceiveSecrets", payload: { secrets: {} }, ...id });
			break;
		case "setState": {
			const a = deps.registry.find(context);
			const state = (message.payload as { state?: unknown } | undefined)?.state;
			if (a && typeof state === "number" && Number.isInteger(state) && state >= 0 && state < a.manifest.stateCount) a.state = state;
			break;
		}
		default:
			break; // titles, images, alerts…: only recorded
	}
}

/** A deep copy of a settings payload; anything but a plain object counts as empty. */
export function asObject(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === "object" && !Array.isArray(value) ? structuredClone(value as Record<string, unknown>) : {};
}
