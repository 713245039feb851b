import { button, buttonRow, el, section, statusLine } from "../dom.js";
import { API_DEFAULTS } from "../../settings/global.js";
import { required, validateEndpoint, validateGlobal } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The shared Dailymotion account (global settings): mode, keys, login, profile, endpoints, Test connection. */
export function accountSection({ form, pi }: InspectorContext): HTMLElement {
	const g = "global" as const;
	const mode = form.select({
		scope: g,
		key: "apiMode",
		label: "Account",
		fallback: "partner",
		options: [
			{ value: "partner", label: "Partner key (recommended)" },
			{ value: "user", label: "User key + login" },
		],
	});
	const apiKey = form.text({ scope: g, key: "apiKey", label: "API key", validate: required("API key") });
	const apiSecret = form.text({ scope: g, key: "apiSecret", label: "API secret", type: "password", validate: required("API secret") });
	const username = form.text({ scope: g, key: "username", label: "Username", validate: required("Username") });
	const password = form.text({ scope: g, key: "password", label: "Password", type: "password", validate: required("Password") });
	const profileId = form.text({
		scope: g,
		key: "profileId",
		label: "Profile id",
		hint: "The channel lives are created in. Empty: the key's own account.",
		validate: validateGlobal("profileId"),
	});
	const apiUrl = form.text({ scope: g, key: "apiUrl", label: "API URL", validate: validateEndpoint("apiUrl") });
	const tokenUrl = form.text({ scope: g, key: "tokenUrl", label: "Token URL", validate: validateEndpoint("tokenUrl") });
	const advanced = el("details", { id: "account-advanced" }, el("summary", {}, "Advanced endpoints"), apiUrl.row, tokenUrl.row);

	form.watch(g, "apiMode", (value) => {
		const user = value === "user";
		username.row.hidden = !user;
		password.row.hidden = !user;
		const defaults = API_DEFAULTS[user ? "user" : "partner"];
		apiUrl.input.placeholder = defaults.apiUrl;
		tokenUrl.input.placeholder = defaults.tokenUrl;
	});

	const status = statusLine("account-status");
	const test = button("test-connection", "Test connection", async () => {
		form.flush();
		status.show("busy", "Connecting…");
		const answer = await pi.request("testConnection");
		if (!answer.ok) return status.show("error", answer.error);
		const who = answer.profileId ? `profile ${answer.profileId}` : "no profile id";
		status.show("ok", `Connected (${answer.mode} key, ${who})`);
	});

	return section("account", "Dailymotion account", mode.row, apiKey.row, apiSecret.row, username.row, password.row, profileId.row, advanced, buttonRow(test), status.node);
}
