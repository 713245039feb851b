/**
 * The virtual deck: a 5×3 Stream Deck with one key of every action, and a Stream Deck + whose dials carry the
 * actions that support Encoder. Slots get stable contexts so persisted settings find their key again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadMessages } from "../../src/i18n/load-node.ts";
import { silentLogger } from "../../src/log.ts";
import type { DeviceInfo } from "../../test/harness/host/index.ts";
import type { SlotInfo } from "./page/protocol.ts";

export const DECK_DEVICE: DeviceInfo = { id: "VDECK", name: "Virtual Stream Deck", size: { columns: 5, rows: 3 }, type: 0 };
export const PLUS_DEVICE: DeviceInfo = { id: "VPLUS", name: "Virtual Stream Deck +", size: { columns: 4, rows: 2 }, type: 7 };
export const DEVICES: DeviceInfo[] = [DECK_DEVICE, PLUS_DEVICE];

interface Placement {
	id: string;
	action: string;
	controller: "Keypad" | "Encoder";
	column: number;
	row: number;
}

const A = "com.dailymotion.live";
const PLACEMENTS: Placement[] = [
	{ id: "key-create", action: `${A}.create`, controller: "Keypad", column: 0, row: 0 },
	{ id: "key-obs", action: `${A}.obs`, controller: "Keypad", column: 1, row: 0 },
	{ id: "key-stream", action: `${A}.stream`, controller: "Keypad", column: 2, row: 0 },
	{ id: "key-status", action: `${A}.status`, controller: "Keypad", column: 4, row: 0 },
	{ id: "key-adbreak", action: `${A}.adbreak`, controller: "Keypad", column: 0, row: 1 },
	{ id: "key-adtoggle", action: `${A}.adtoggle`, controller: "Keypad", column: 1, row: 1 },
	{ id: "key-record", action: `${A}.record`, controller: "Keypad", column: 2, row: 1 },
	{ id: "dial-adbreak", action: `${A}.adbreak`, controller: "Encoder", column: 0, row: 0 },
	{ id: "dial-status", action: `${A}.status`, controller: "Encoder", column: 1, row: 0 },
];

interface ManifestActionJson {
	UUID: string;
	Name: string;
	States?: { Image?: string; ShowTitle?: boolean; TitleAlignment?: SlotInfo["titleAlignment"]; FontSize?: number }[];
	Encoder?: { Icon?: string };
}

/** A 32-hex-digit context derived from the slot name, like the app's but the same on every run. */
export function contextOf(slotId: string): string {
	return createHash("md5").update(`virtual-deck:${slotId}`).digest("hex").toUpperCase();
}

/**
 * The slots with their manifest images (as URLs under /plugin/), named as the app names them in `language`: from
 * `<lang>.json`, as the app reads it (the manifest's English for a language the plugin does not ship).
 */
export function deckSlots(pluginDir: string, language = "en"): SlotInfo[] {
	const manifest = JSON.parse(readFileSync(join(pluginDir, "manifest.json"), "utf8")) as { Actions: ManifestActionJson[] };
	const m = loadMessages(language, silentLogger, pluginDir);
	const localized = readLocaleNames(pluginDir, m.language);
	return PLACEMENTS.map((p) => {
		const entry = manifest.Actions.find((a) => a.UUID === p.action);
		if (!entry) throw new Error(`npm start: action ${p.action} is not in manifest.json`);
		const states = entry.States ?? [];
		const images =
			p.controller === "Encoder" && entry.Encoder?.Icon ? [entry.Encoder.Icon] : states.map((s) => s.Image ?? "");
		const name = localized[p.action] ?? entry.Name;
		return {
			id: p.id,
			context: contextOf(p.id),
			action: p.action,
			name,
			controller: p.controller,
			column: p.column,
			row: p.row,
			stateImages: images.map((path) => imageUrl(pluginDir, path)),
			showTitle: states[0]?.ShowTitle !== false,
			titleAlignment: states[0]?.TitleAlignment ?? "bottom",
			titleSize: states[0]?.FontSize ?? 12,
			lang: m.locale,
			labels: {
				settings: m.t("deck.settings", { name }),
				push: m.t("deck.push", { name }),
				touch: m.t("deck.touch", { name }),
				turnLeft: m.t("deck.turnLeft"),
				turnRight: m.t("deck.turnRight"),
			},
		};
	});
}

/** Action UUID → its name in `<lang>.json` (empty when the file is missing). */
function readLocaleNames(pluginDir: string, language: string): Record<string, string> {
	const file = join(pluginDir, `${language}.json`);
	if (!existsSync(file)) return {};
	const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, { Name?: unknown }>;
	return Object.fromEntries(Object.entries(json).flatMap(([uuid, v]) => (typeof v?.Name === "string" ? [[uuid, v.Name]] : [])));
}

/** The app picks `<path>.svg` or `<path>.png` (the manifest omits the extension). */
function imageUrl(pluginDir: string, path: string): string {
	const file = [".svg", ".png"].map((ext) => path + ext).find((f) => existsSync(join(pluginDir, f)));
	return file ? `/plugin/${file}` : "";
}

/** The device a slot lives on. */
export function deviceOf(slot: SlotInfo): string {
	return slot.controller === "Encoder" ? PLUS_DEVICE.id : DECK_DEVICE.id;
}
