import { section } from "../dom.js";
import type { InspectorContext } from "./context.js";

/** Shared switch for the plugin's debug log lines (global `debugLogging`). */
export function diagnosticsSection({ form, m }: InspectorContext): HTMLElement {
	const debug = form.toggle({
		scope: "global",
		key: "debugLogging",
		label: m.t("pi.diagnostics.debug"),
		fallback: false,
		hint: m.t("pi.diagnostics.debugHint"),
	});
	return section("diagnostics", m.t("pi.diagnostics.title"), debug.row);
}
