import type { DeviceInfo, HostProfileName } from "./types.ts";

/** The device a plain Stream Deck user has. */
export const DEFAULT_DEVICES: readonly DeviceInfo[] = [
	{ id: "DEV1", name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 },
];

/** Default `-info.application.version`: 7.1 is the first version that echoes message ids. */
export const DEFAULT_APP_VERSION = "7.1.0.22000";

/**
 * What OpenDeck writes instead when it runs a Node plugin (stream-deck.md §8): it claims Windows even on Linux, has a
 * devicePixelRatio of 0 and other `colors` keys.
 */
const OPENDECK_INFO = {
	application: { font: "ui-sans-serif", platform: "windows", platformVersion: "10.0.19045.4474" },
	colors: {
		buttonPressedBackgroundColor: "#303030FF",
		buttonPressedBorderColor: "#646464FF",
		buttonPressedTextColor: "#969696FF",
		disabledColor: "#F7821B59",
		highlightColor: "#F7821BFF",
		mouseDownColor: "#CF6304FF",
	},
	devicePixelRatio: 0,
};

/** Builds the `-info` JSON the app passes on the command line (§6.2 of the reference). */
export function registrationInfo(opts: {
	devices: readonly DeviceInfo[];
	appVersion: string;
	pluginUUID: string;
	pluginVersion: string;
	profile: HostProfileName;
	/** `application.language` (default "en"): `de en es fr ja ko zh_CN zh_TW`. */
	language?: string;
}): string {
	const opendeck = opts.profile === "opendeck";
	return JSON.stringify({
		application: {
			font: ".AppleSystemUIFont",
			language: opts.language ?? "en",
			platform: "mac",
			platformVersion: "14.5.0",
			version: opts.appVersion,
			...(opendeck ? OPENDECK_INFO.application : {}),
		},
		colors: opendeck ? OPENDECK_INFO.colors : {
			buttonMouseOverBackgroundColor: "#464646FF",
			buttonPressedBackgroundColor: "#303030FF",
			buttonPressedBorderColor: "#646464FF",
			buttonPressedTextColor: "#969696FF",
			highlightColor: "#0078FFFF",
		},
		devicePixelRatio: opendeck ? OPENDECK_INFO.devicePixelRatio : 2,
		devices: opts.devices,
		plugin: { uuid: opts.pluginUUID, version: opts.pluginVersion },
	});
}

/** True when `version` (major[.minor…]) is at least `major.minor`. */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
	const [maj = 0, min = 0] = version.split(".").map((n) => Number.parseInt(n, 10) || 0);
	return maj > major || (maj === major && min >= minor);
}
