import { randomBytes } from "node:crypto";
import type { ManifestAction, PluginManifest } from "./manifest.ts";
import type { HostProfile, Slot } from "./profile.ts";
import type { ActionSpec, DeviceInfo } from "./types.ts";

/** One placed action instance, as the app stores it in the profile. */
export interface PlacedAction {
	action: string;
	context: string;
	device: string;
	controller: "Keypad" | "Encoder";
	coordinates: { column: number; row: number } | undefined;
	settings: Record<string, unknown>;
	/** Files the plugin attached with setResources (7.1). */
	resources: Record<string, unknown>;
	state: number;
	isInMultiAction: boolean;
	visible: boolean;
	manifest: ManifestAction;
}

/** The app's profile: placed actions, their settings and states, and which ones are visible. */
export class ActionRegistry {
	readonly #byContext = new Map<string, PlacedAction>();
	readonly #manifest: PluginManifest;
	readonly #devices: readonly DeviceInfo[];
	readonly #contextFor: HostProfile["contextFor"];

	constructor(manifest: PluginManifest, devices: readonly DeviceInfo[], contextFor: HostProfile["contextFor"] = () => undefined) {
		this.#manifest = manifest;
		this.#devices = devices;
		this.#contextFor = contextFor;
	}

	/** Places a new action; throws on unknown action/device, controller mismatch or reused context. */
	place(spec: ActionSpec): PlacedAction {
		const manifest = this.#manifest.actions.get(spec.action);
		if (!manifest) throw new Error(`host: action ${spec.action} is not declared in manifest.json`);
		const controller = spec.controller ?? "Keypad";
		if (!manifest.controllers.includes(controller)) {
			throw new Error(`host: action ${spec.action} does not support controller ${controller}`);
		}
		const device = spec.device ?? this.#devices[0]?.id;
		const info = this.#devices.find((d) => d.id === device);
		if (!device || !info) throw new Error(`host: unknown device ${String(device)}`);
		const isInMultiAction = spec.isInMultiAction ?? false;
		const coordinates = isInMultiAction ? undefined : (spec.coordinates ?? this.#freeSlot(info, controller));
		const context = spec.context ?? this.#contextFor(this.#slot(info, controller, coordinates)) ?? randomBytes(16).toString("hex").toUpperCase();
		if (this.#byContext.has(context)) throw new Error(`host: context ${context} already placed; use appearAgain`);
		const placed: PlacedAction = {
			action: spec.action,
			context,
			device,
			controller,
			coordinates,
			settings: structuredClone(spec.settings ?? {}),
			resources: {},
			state: spec.state ?? 0,
			isInMultiAction,
			visible: false,
			manifest,
		};
		this.#byContext.set(context, placed);
		return placed;
	}

	/** A placed action (visible or not); throws for unknown contexts. */
	get(context: string): PlacedAction {
		const placed = this.#byContext.get(context);
		if (!placed) throw new Error(`host: unknown context ${context} (call appear first)`);
		return placed;
	}

	/** A visible action; the app sends no events to actions that are not shown. */
	visible(context: string): PlacedAction {
		const placed = this.get(context);
		if (!placed.visible) throw new Error(`host: context ${context} is not visible (willDisappear was sent)`);
		return placed;
	}

	/** Looks up without throwing (for plugin commands, which may name anything). */
	find(context: string | undefined): PlacedAction | undefined {
		return context === undefined ? undefined : this.#byContext.get(context);
	}

	/** All visible actions, in placement order. */
	allVisible(): PlacedAction[] {
		return [...this.#byContext.values()].filter((a) => a.visible);
	}

	/** Where an action goes; multi-action members are numbered after the slot's own action (index 0). */
	#slot(device: DeviceInfo, controller: "Keypad" | "Encoder", coordinates: { column: number; row: number } | undefined): Slot {
		if (coordinates) {
			const position = controller === "Encoder" ? coordinates.column : coordinates.row * device.size.columns + coordinates.column;
			return { device: device.id, controller, position, index: 0 };
		}
		const members = [...this.#byContext.values()].filter((a) => a.device === device.id && a.isInMultiAction).length;
		return { device: device.id, controller, position: 0, index: members + 1 };
	}

	#freeSlot(device: DeviceInfo, controller: "Keypad" | "Encoder"): { column: number; row: number } {
		const taken = new Set(
			[...this.#byContext.values()]
				.filter((a) => a.device === device.id && a.controller === controller && a.coordinates)
				.map((a) => `${a.coordinates?.column},${a.coordinates?.row}`),
		);
		// Dials sit in one row; keys fill the grid row by row.
		const rows = controller === "Encoder" ? 1 : device.size.rows;
		const columns = controller === "Encoder" ? Number.MAX_SAFE_INTEGER : device.size.columns;
		for (let row = 0; row < rows; row++) {
			for (let column = 0; column < columns; column++) {
				if (!taken.has(`${column},${row}`)) return { column, row };
			}
		}
		throw new Error(`host: device ${device.id} has no free ${controller} slot`);
	}
}

/** The base payload of action events: `{settings, controller, isInMultiAction, coordinates?, state?}`. */
export function basePayload(a: PlacedAction): Record<string, unknown> {
	const payload: Record<string, unknown> = {
		controller: a.controller,
		isInMultiAction: a.isInMultiAction,
		settings: structuredClone(a.settings),
	};
	if (a.coordinates) payload.coordinates = { ...a.coordinates };
	if (a.controller === "Keypad") payload.state = a.state;
	return payload;
}

/** `{event, action, context, device, payload}` for an action event. */
export function actionEvent(event: string, a: PlacedAction, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { event, action: a.action, context: a.context, device: a.device, payload: { ...basePayload(a), ...extra } };
}
