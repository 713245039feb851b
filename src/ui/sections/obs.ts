import { DEFAULT_OBS_URL } from "../../settings/global.js";
import { button, buttonRow, el, section, statusLine } from "../dom.js";
import { validateGlobal } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The shared OBS connection (global settings) and Test OBS. */
export function obsSection({ form, pi }: InspectorContext): HTMLElement {
	const url = form.text({ scope: "global", key: "obsUrl", label: "WebSocket URL", placeholder: DEFAULT_OBS_URL, validate: validateGlobal("obsUrl") });
	const password = form.text({ scope: "global", key: "obsPassword", label: "Password", type: "password" });
	const status = statusLine("obs-status");
	const test = button("test-obs", "Test OBS", async () => {
		form.flush();
		status.show("busy", "Connecting to OBS…");
		const answer = await pi.request("testObs");
		if (!answer.ok) return status.show("error", answer.error);
		status.show("ok", `Connected to OBS ${answer.obsVersion} (obs-websocket ${answer.wsVersion})`);
	});
	const hint = el("p", { class: "note" }, "In OBS: Tools → WebSocket Server Settings → Enable WebSocket server; “Show Connect Info” gives the password.");
	return section("obs", "OBS", url.row, password.row, buttonRow(test), status.node, hint);
}
