/**
 * The bundle's entry, `bin/plugin.js`: turns on Node's compile cache, then loads the plugin (plugin.ts, `bin/app.js`).
 * With the cache, V8 keeps the compiled code of every launch in `<os.tmpdir()>/node-compile-cache` and the next
 * launch starts from it: ~10 ms less before registering and drawing the keys (README, Performance). The first launch
 * after an install or update compiles as usual. Node 20 (OpenDeck) has no compile cache: it starts as before.
 */
import * as nodeModule from "node:module";

const { enableCompileCache, flushCompileCache } = nodeModule as {
	enableCompileCache?: () => unknown;
	flushCompileCache?: () => void;
};
try {
	enableCompileCache?.();
} catch {
	// No cache (unwritable temp folder…): start as usual.
}
await import("./plugin.js");
// The cache is written at exit; once start-up is over, write it now too, in case the plugin is killed later.
setTimeout(() => {
	try {
		flushCompileCache?.();
	} catch {
		// Next launch compiles again.
	}
}, 10_000).unref();
