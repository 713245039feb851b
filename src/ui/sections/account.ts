import { button, buttonRow, el, section, statusLine } from "../dom.js";
import { API_DEFAULTS } from "../../settings/global.js";
import { required, validateEndpoint, validateGlobal } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The shared Dailymotion account (global settings): mode, keys, login, profile, endpoints, Test connection. */
export function accountSection({ form, pi, m }: InspectorContext): HTMLElement {
	const g = "global" as const;
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
	const advanced = el("details", { id: "account-advanced" }, el("summary", {}, m.t("pi.account.advanced")), apiUrl.row, tokenUrl.row);

	form.watch(g, "apiMode", (value) => {
		const user = value === "user";
		username.row.hidden = !user;
		password.row.hidden = !user;
		const defaults = API_DEFAULTS[user ? "user" : "partner"];
		apiUrl.input.placeholder = defaults.apiUrl;
		tokenUrl.input.placeholder = defaults.tokenUrl;
	});

	const status = statusLine("account-status");
	const test = button("test-connection", m.t("pi.account.test"), async () => {
		form.flush();
		status.show("busy", m.t("pi.account.testing"));
		const answer = await pi.request("testConnection");
		if (!answer.ok) return status.show("error", answer.error);
		const mode = m.t(answer.mode === "user" ? "pi.account.connectedUser" : "pi.account.connectedPartner");
		const profile = answer.profileId ? m.t("pi.account.connectedProfile", { id: answer.profileId }) : m.t("pi.account.connectedNoProfile");
		status.show("ok", m.t("pi.account.connected", { mode, profile }));
	});

	return section("account", m.t("pi.account.title"), mode.row, apiKey.row, apiSecret.row, username.row, password.row, profileId.row, advanced, buttonRow(test), status.node);
}
