import commonjs from "@rollup/plugin-commonjs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import { readdirSync, rmSync } from "node:fs";

const isWatching = !!process.env.ROLLUP_WATCH;
const sdPlugin = "com.dailymotion.live.sdPlugin";

/** Dependency noise that is harmless: `this` in TS-compiled ESM (elgatosf/streamdeck#92), zod's comments and cycles. */
function onwarn(warning, warn) {
	const fromDependency = (warning.id ?? warning.ids?.[0] ?? "").includes("node_modules");
	if (warning.code === "THIS_IS_UNDEFINED") return;
	if (fromDependency && ["INVALID_ANNOTATION", "CIRCULAR_DEPENDENCY"].includes(warning.code)) return;
	warn(warning);
}

/**
 * `node:http` through `require`, not `import`: on Node 24 an ESM import of a built-in reads every export, and node:http's
 * lazy `WebSocket`/`MessageEvent` exports then load all of undici (~15 ms of every start on this machine; README,
 * Performance). The bundle (ws, our HTTP client) uses only its default export. The bench's bare plugin is built
 * without this, as the SDK's template builds plugins.
 */
const NODE_HTTP_ID = "\0require:node:http";
export const requireNodeHttp = {
	name: "require-node-http",
	resolveId(source) {
		return source === "http" || source === "node:http" ? NODE_HTTP_ID : null;
	},
	load(id) {
		if (id !== NODE_HTTP_ID) return null;
		return 'import { createRequire } from "node:module";\nexport default createRequire(import.meta.url)("node:http");\n';
	},
};

/**
 * The plugin: minified ESM run by Stream Deck's Node 24 (OpenDeck: Node 20). `bin/plugin.js` (src/start.ts) turns on
 * the compile cache and imports `bin/app.js` (src/plugin.ts and everything start-up needs); what only some plugins
 * need (OBS, the inspector's answers, the HTTP client) is in chunks beside them, loaded by `import()` on first use
 * (README, Performance). Chunks are named after their module, so `bin/` is emptied first: no stale ones.
 */
const plugin = {
	input: "src/start.ts",
	output: {
		dir: `${sdPlugin}/bin`,
		entryFileNames: "plugin.js",
		chunkFileNames: (chunk) => (chunk.name === "plugin" ? "app.js" : "[name].js"),
		format: "es",
		sourcemap: isWatching,
	},
	onwarn,
	plugins: [
		{ name: "watch-manifest", buildStart() { this.addWatchFile(`${sdPlugin}/manifest.json`); } },
		{ name: "clean-bin", renderStart(options) { rmSync(options.dir, { recursive: true, force: true }); } },
		requireNodeHttp,
		typescript({ tsconfig: "tsconfig.build.json" }),
		nodeResolve({ browser: false, exportConditions: ["node"], preferBuiltins: true }),
		// ws's require("http") gets require-node-http's default export (node:http itself), not a namespace around it.
		commonjs({ requireReturnsDefault: (id) => id === NODE_HTTP_ID }),
		!isWatching && terser(),
		{
			name: "emit-module-package-file",
			generateBundle() {
				this.emitFile({ fileName: "package.json", source: `{ "type": "module" }`, type: "asset" });
			},
		},
	],
};

/** Property inspector scripts: one browser bundle per src/ui/*.page.ts entry. */
const uiEntries = readdirSync("src/ui").filter((f) => f.endsWith(".page.ts"));
const ui = uiEntries.map((file) => ({
	input: `src/ui/${file}`,
	output: { file: `${sdPlugin}/ui/${file.replace(/\.page\.ts$/, ".js")}`, format: "iife", sourcemap: isWatching },
	onwarn,
	plugins: [
		typescript({ tsconfig: "tsconfig.build.json" }),
		nodeResolve({ browser: true }),
		commonjs(),
		!isWatching && terser(),
	],
}));

export default [plugin, ...ui];
