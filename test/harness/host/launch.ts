import { isAbsolute, join } from "node:path";
import type { PluginManifest } from "./manifest.ts";
import { PluginProcess, exitText, tail } from "./plugin-process.ts";
import type { HostProfile } from "./profile.ts";
import { registrationInfo } from "./registration-info.ts";
import type { DeviceInfo, HostOptions } from "./types.ts";

/** The `-registerEvent` value the app passes (the SDK sends it back verbatim). */
export const REGISTER_EVENT = "registerPlugin";

/**
 * Runs `node <flags> <CodePath> -port … -pluginUUID … -registerEvent … -info …` with cwd = pluginDir, after the
 * profile's own runtime check (which throws like the app refusing to start the plugin).
 */
export function launchPlugin(opts: {
	options: HostOptions;
	profile: HostProfile;
	manifest: PluginManifest;
	devices: readonly DeviceInfo[];
	port: number;
}): PluginProcess {
	const { options, manifest, profile } = opts;
	const codePath = options.codePath ?? manifest.codePath;
	const info = infoJson({ ...opts, language: options.language });
	profile.checkRuntime({ ...process.env, ...options.env });
	return new PluginProcess({
		nodePath: profile.nodePath,
		nodeArgs: profile.nodeArgs,
		codePath: isAbsolute(codePath) ? codePath : join(options.pluginDir, codePath),
		pluginArgs: ["-port", String(opts.port), "-pluginUUID", profile.pluginUUID, "-registerEvent", REGISTER_EVENT, "-info", info],
		cwd: options.pluginDir,
		env: options.env,
	});
}

/** The `-info` JSON for this host's profile (the plugin and its property inspectors get the same). */
export function infoJson(opts: { profile: HostProfile; manifest: PluginManifest; devices: readonly DeviceInfo[]; language?: string }): string {
	return registrationInfo({
		devices: opts.devices,
		appVersion: opts.profile.appVersion,
		pluginUUID: opts.profile.pluginUUID,
		pluginVersion: opts.manifest.version,
		profile: opts.profile.name,
		language: opts.language,
	});
}

/**
 * Resolves when the host calls the callback handed to `install` (the plugin registered); rejects with the
 * output tails when it is called with an error, when the process exits first, or after `timeoutMs`.
 */
export function awaitRegistration(
	proc: PluginProcess,
	timeoutMs: number,
	install: (callback: ((error?: Error) => void) | undefined) => void,
): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		let settled = false;
		const settle = (error?: Error): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			install(undefined);
			if (!error) return resolve();
			reject(new Error(`host: ${error.message}\n--- plugin stderr (tail) ---\n${tail(proc.stderr)}\n--- stdout (tail) ---\n${tail(proc.stdout)}`));
		};
		const timer = setTimeout(() => settle(new Error(`plugin did not register within ${timeoutMs} ms`)), timeoutMs);
		install(settle);
		proc.exited.then(
			(exit) => settle(new Error(`plugin exited before registering (${exitText(exit)})`)),
			() => undefined,
		);
	});
}
