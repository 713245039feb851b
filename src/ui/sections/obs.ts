import { DEFAULT_OBS_URL } from "../../settings/global.js";
import { button, buttonRow, el, section, statusLine } from "../dom.js";
import { validateGlobal } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The shared OBS connection (global settings) and Test OBS. */
export function obsSection({ form, pi, m }: InspectorContext): HTMLElement {
	const url = form.text({
		scope: "global",
		key: "obsUrl",
		label: m.t("pi.obs.url"),
		placeholder: DEFAULT_OBS_URL,
		validate: validateGlobal("obsUrl"),
	});
	const password = form.text({ scope: "global", key: "obsPassword", label: m.t("pi.obs.password"), type: "password" });
	const status = statusLine("obs-status");
	const test = button("test-obs", m.t("pi.obs.test"), async () => {
		form.flush();
		status.show("busy", m.t("pi.obs.testing"));
		const answer = await pi.request("testObs");
		if (!answer.ok) return status.show("error", answer.error);
		status.show("ok", m.t("pi.obs.connected", { obs: answer.obsVersion, websocket: answer.wsVersion }));
	});
	const hint = el("p", { class: "note" }, m.t("pi.obs.help"));
	return section("obs", m.t("pi.obs.title"), url.row, password.row, buttonRow(test), status.node, hint);
}
