/**
 * Lets scripts run under Node's type stripping import `src/` directly: src/ imports siblings as "./x.js"
 * (bundler style), which this maps to the ".ts" files. Import it before any dynamic import of src/.
 */
import { registerHooks } from "node:module";

registerHooks({
	resolve(specifier, context, nextResolve) {
		try {
			return nextResolve(specifier, context);
		} catch (err) {
			if (specifier.startsWith(".") && specifier.endsWith(".js")) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
			throw err;
		}
	},
});
