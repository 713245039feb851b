import { V2_API_DEFAULTS } from "../../settings/global.js";
import { el, iconButton, statusLine } from "../dom.js";
import type { Option } from "../messages.js";
import { required, validateEndpoint, validateGlobal } from "../validate.js";
import type { InspectorContext } from "./context.js";

/** The API v2 account fields: their own keys, so switching API versions keeps both sets of credentials. */
export interface V2AccountRows {
	rows: HTMLElement[];
	/** Rows for the "Advanced endpoints" box. */
	advanced: HTMLElement[];
	/** Fills the profile picker from `GET /me` (when API v2 is shown, and after a successful Test connection). */
	loadProfiles(): void;
}

export function v2AccountRows({ form, pi, m }: InspectorContext): V2AccountRows {
	const g = "global" as const;
	const apiKey = form.text({ scope: g, key: "v2ApiKey", label: m.t("pi.account.apiKey"), validate: required("problem.apiKey.required") });
	const apiSecret = form.text({
		scope: g,
		key: "v2ApiSecret",
		label: m.t("pi.account.apiSecret"),
		type: "password",
		validate: required("problem.apiSecret.required"),
	});
	const profileId = form.text({
		scope: g,
		key: "v2ProfileId",
		label: m.t("pi.account.profileId"),
		hint: m.t("pi.v2.profileIdHint"),
		validate: validateGlobal("v2ProfileId"),
	});
	const apiUrl = form.text({
		scope: g,
		key: "v2ApiUrl",
		label: m.t("pi.account.apiUrl"),
		placeholder: V2_API_DEFAULTS.apiUrl,
		validate: validateEndpoint("v2ApiUrl"),
	});
	const tokenUrl = form.text({
		scope: g,
		key: "v2TokenUrl",
		label: m.t("pi.account.tokenUrl"),
		placeholder: V2_API_DEFAULTS.tokenUrl,
		validate: validateEndpoint("v2TokenUrl"),
	});

	// A helper over the typed id: picking a profile writes it into the field above.
	const picker = el("select", { id: "v2-profiles" });
	const status = statusLine("v2-profiles-status");
	let profiles: Option[] = [];
	const showPicker = (): void => {
		const current = form.value(g, "v2ProfileId");
		const entries = [{ value: "", label: m.t(profiles.length ? "pi.v2.pickProfile" : "pi.v2.noProfiles") }, ...profiles];
		picker.replaceChildren(
			...entries.map((o) => el("option", { value: o.value }, o.value ? m.t("pi.v2.profileOption", { name: o.label, id: o.value }) : o.label)),
		);
		picker.value = profiles.some((p) => p.value === current) ? String(current) : "";
	};
	picker.addEventListener("change", () => {
		if (!picker.value) return;
		form.set(g, "v2ProfileId", picker.value);
		form.refresh(g);
	});
	form.watch(g, "v2ProfileId", showPicker);
	const load = async (): Promise<void> => {
		form.flush();
		status.show("busy", m.t("pi.v2.loadingProfiles"));
		const answer = await pi.request("profiles");
		if (!answer.ok) {
			profiles = [];
			showPicker();
			return status.show("error", m.t("pi.v2.profilesFailed", { error: answer.error }));
		}
		profiles = answer.items;
		showPicker();
		if (profiles.length === 0) status.show("info", m.t("pi.v2.noProfile"));
		else status.clear();
	};
	const loadProfiles = (): void => void load().catch((err: unknown) => console.error("profiles", err));
	const refresh = iconButton("refresh-profiles", "↻", m.t("pi.v2.reloadProfiles"), load);
	const pickerRow = el(
		"div",
		{ class: "row", id: "v2-profiles-row" },
		el("label", { for: "v2-profiles" }, m.t("pi.v2.profiles")),
		el("div", { class: "value" }, el("div", { class: "inline" }, picker, refresh), status.node),
	);
	showPicker();
	return { rows: [apiKey.row, apiSecret.row, profileId.row, pickerRow], advanced: [apiUrl.row, tokenUrl.row], loadProfiles };
}
