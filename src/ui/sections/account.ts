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
	const { form, pi, m } = ctx;
	const g = "global" as const;
	const version = form.select({
		scope: g,
		key: "apiVersion",
		label: m.t("pi.account.api"),
		fallback: "legacy",
		options: [
			{ value: "legacy", label: m.t("pi.account.apiLegacy") },
			{ value: "v2", label: m.t("pi.account.apiV2") },
		],
	});
	const mode = form.select({
		scope: g,
		key: "apiMode",
		label: m.t("pi.account.mode"),
		fallback: "partner",
		options: [
			{ value: "partner", label: m.t("pi.account.partner") },
			{ value: "user", label: m.t("pi.account.user") },
		],
	});
	const apiKey = form.text({ scope: g, key: "apiKey", label: m.t("pi.account.apiKey"), validate: required("problem.apiKey.required") });
	const apiSecret = form.text({
		scope: g,
		key: "apiSecret",
		label: m.t("pi.account.apiSecret"),
		type: "password",
		validate: required("problem.apiSecret.required"),
	});
	const username = form.text({ scope: g, key: "username", label: m.t("pi.account.username"), validate: required("problem.username.required") });
	const password = form.text({
		scope: g,
		key: "password",
		label: m.t("pi.account.password"),
		type: "password",
		validate: required("problem.password.required"),
	});
	const profileId = form.text({
		scope: g,
		key: "profileId",
		label: m.t("pi.account.profileId"),
		hint: m.t("pi.account.profileIdHint"),
		validate: validateGlobal("profileId"),
	});
	const apiUrl = form.text({ scope: g, key: "apiUrl", label: m.t("pi.account.apiUrl"), validate: validateEndpoint("apiUrl") });
	const tokenUrl = form.text({ scope: g, key: "tokenUrl", label: m.t("pi.account.tokenUrl"), validate: validateEndpoint("tokenUrl") });
	const v2 = v2AccountRows(ctx);
	// Only the fields of the API in use are in the page (the other API's values stay saved meanwhile).
	const fields = el("div", { id: "account-fields" });
	const endpoints = el("div", { id: "account-endpoints" });
	const advanced = el("details", { id: "account-advanced" }, el("summary", {}, m.t("pi.account.advanced")), endpoints);

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

	const test = button("test-connection", m.t("pi.account.test"), async () => {
		form.flush();
		status.show("busy", m.t("pi.account.testing"));
		const answer = await pi.request("testConnection");
		if (!answer.ok) return status.show("error", answer.error);
		const profile = answer.profileId ? m.t("pi.account.connectedProfile", { id: answer.profileId }) : m.t("pi.account.connectedNoProfile");
		if (answer.api === "v2") {
			status.show("ok", m.t("pi.account.connectedV2", { profile }));
			v2.loadProfiles();
		} else {
			const mode = m.t(answer.mode === "user" ? "pi.account.connectedUser" : "pi.account.connectedPartner");
			status.show("ok", m.t("pi.account.connected", { mode, profile }));
		}
	});

	return section("account", m.t("pi.account.title"), version.row, fields, advanced, buttonRow(test), status.node);
}
