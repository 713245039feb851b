/** Bundles bare-plugin.ts with the plugin's own rollup configuration into a temporary `.sdPlugin` folder. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { rollup, type Plugin, type RollupOptions } from "rollup";
import { PLUGIN_DIR } from "../../test/harness/stack.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BarePlugin {
	/** The `.sdPlugin` folder (same manifest as ours, `bin/plugin.js` = the bare bundle). */
	dir: string;
	remove(): void;
}

/** BENCH_BARE_SAME_TRICKS=1: the bare plugin gets require-node-http too (README, Performance, a side figure). */
const SAME_TRICKS = process.env.BENCH_BARE_SAME_TRICKS === "1";

let built: Promise<BarePlugin> | undefined;

/** Builds the bare plugin once per bench run (removed when the bench process exits). */
export function barePlugin(): Promise<BarePlugin> {
	built ??= buildBarePlugin().then((bare) => {
		process.once("exit", () => bare.remove());
		return bare;
	});
	return built;
}

async function buildBarePlugin(): Promise<BarePlugin> {
	const root = mkdtempSync(join(tmpdir(), "bench-bare-"));
	const dir = join(root, "com.dailymotion.live.sdPlugin");
	mkdirSync(dir);
	copyFileSync(join(PLUGIN_DIR, "manifest.json"), join(dir, "manifest.json"));
	// The first config of rollup.config.mjs is the plugin's; reuse its plugins (typescript, resolve, commonjs, terser)
	// but not our start-up trick (require-node-http): the floor is a plugin as the SDK's template builds it.
	const configs = (await import(pathToFileURL(join(ROOT, "rollup.config.mjs")).href)) as { default: RollupOptions[] };
	const plugin = configs.default[0]!;
	const plugins = (plugin.plugins as Plugin[]).filter((p) => !p || p.name !== "require-node-http" || SAME_TRICKS);
	const input = fileURLToPath(new URL("bare-plugin.ts", import.meta.url));
	const bundle = await rollup({ ...plugin, plugins, input });
	try {
		const output = Array.isArray(plugin.output) ? plugin.output[0] : plugin.output;
		await bundle.write({ ...output, dir: join(dir, "bin") });
	} finally {
		await bundle.close();
	}
	return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
