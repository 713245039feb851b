import { section } from "../dom.js";
import type { InspectorContext } from "./context.js";

/** Shared switch for the plugin's debug log lines (global `debugLogging`). */
export function diagnosticsSection({ form }: InspectorContext): HTMLElement {
	const debug = form.toggle({
		scope: "global",
		key: "debugLogging",
		label: "Debug log",
		fallback: false,
		hint: "More detail in the plugin log, for bug reports. Secrets are never logged.",
	});
	return section("diagnostics", "Troubleshooting", debug.row);
}
