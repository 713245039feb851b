import { button, buttonRow, el, section, statusLine } from "../dom.js";
import { API_DEFAULTS } from "../../settings/global.js";
import { required, validateEndpoint, validateGlobal } from "../validate.js";
import { v2AccountRows } from "./account-v2.js";
import type { InspectorContext } from "./context.js";

/**
 * The shared Dailymotion account (global settings): which API, then that API's keys, login, profile and endpoints,
 * and Test connection. Each API version has its own fields, so switching back and forth loses nothing.
 */
export function accountSection(ctx: InspectorContext): HTMLElement {
	const { form, pi } = ctx;
	const g = "global" as const;
	const version = form.select({
		scope: g,
		key: "apiVersion",
		label: "API",
		fallback: "legacy",
		options: [
			{ value: "legacy", label: "Legacy REST API" },
			{ value: "v2", label: "API v2 (/v2/livestreams)" },
		],
	});
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
	const v2 = v2AccountRows(ctx);
	// Only the fields of the API in use are in the page (the other API's values stay saved meanwhile).
	const fields = el("div", { id: "account-fields" });
	const endpoints = el("div", { id: "account-endpoints" });
	const advanced = el("details", { id: "account-advanced" }, el("summary", {}, "Advanced endpoints"), endpoints);

	let mounted: boolean | undefined;
	const showFields = (): void => {
		const onV2 = form.value(g, "apiVersion") === "v2";
		// Re-mounted only on a real switch: replacing the rows would take the focus from a field being typed in.
		if (onV2 !== mounted) {
			fields.replaceChildren(...(onV2 ? v2.rows : [mode.row, apiKey.row, apiSecret.row, username.row, password.row, profileId.row]));
			endpoints.replaceChildren(...(onV2 ? v2.advanced : [apiUrl.row, tokenUrl.row]));
			mounted = onV2;
		}
		const user = form.value(g, "apiMode") === "user";
		username.row.hidden = !user;
		password.row.hidden = !user;
		const defaults = API_DEFAULTS[user ? "user" : "partner"];
		apiUrl.input.placeholder = defaults.apiUrl;
		tokenUrl.input.placeholder = defaults.tokenUrl;
	};
	const status = statusLine("account-status");
	let shownVersion: unknown;
	form.watch(g, "apiVersion", (value) => {
		showFields();
		if (shownVersion !== undefined && value !== shownVersion) status.clear(); // it spoke of the other API
		if (value === "v2" && shownVersion !== "v2") v2.loadProfiles();
		shownVersion = value;
	});
	form.watch(g, "apiMode", showFields);

	const test = button("test-connection", "Test connection", async () => {
		form.flush();
		status.show("busy", "Connecting…");
		const answer = await pi.request("testConnection");
		if (!answer.ok) return status.show("error", answer.error);
		const who = answer.profileId ? `profile ${answer.profileId}` : "no profile id";
		if (answer.api === "v2") {
			status.show("ok", `Connected to API v2 (${who})`);
			v2.loadProfiles();
		} else status.show("ok", `Connected to the legacy API (${answer.mode} key, ${who})`);
	});

	return section("account", "Dailymotion account", version.row, fields, advanced, buttonRow(test), status.node);
}
