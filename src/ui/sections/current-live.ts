import type { PlainKey } from "../../i18n/messages.js";
import { problemText } from "../../settings/problems.js";
import { button, buttonRow, el, iconButton, section, statusLine } from "../dom.js";
import { liveIdFor, liveOptions } from "../live-options.js";
import type { LiveEdit, LiveItem, LiveView, Option } from "../messages.js";
import { channelOptions, type InspectorContext } from "./context.js";

const FIELD_NAMES: Record<string, PlainKey> = { title: "pi.edit.field.title", channel: "pi.edit.field.channel", private: "pi.edit.field.private" };

/**
 * The current live (global `liveId`, or `v2LiveId` on API v2, which Create Live also sets): a picker over the profile's lives, and an editor
 * for its title, category and private flag, read from the API when the inspector opens and saved field by field.
 */
export function currentLiveSection(ctx: InspectorContext): HTMLElement {
	const picker = livePicker(ctx);
	// A renamed live is renamed in the picker too.
	const editor = liveEditor(ctx, () => picker.reload());
	// Each API version has its own current live (`liveId`, `v2LiveId`): follow the one of the API in use.
	let version: unknown;
	const follow = (): void => {
		const value = ctx.form.value("global", liveIdKeyOf(ctx));
		const liveId = typeof value === "string" ? value : "";
		const switched = version !== undefined && version !== ctx.form.value("global", "apiVersion");
		version = ctx.form.value("global", "apiVersion");
		if (switched) picker.reload();
		picker.show(liveId);
		editor.load(liveId);
	};
	for (const key of ["apiVersion", "liveId", "v2LiveId"]) ctx.form.watch("global", key, follow);
	return section("current", ctx.m.t("pi.live.title"), ...picker.nodes, editor.node);
}

/** The settings key of the current live for the API the inspector shows. */
function liveIdKeyOf({ form }: Pick<InspectorContext, "form">): "liveId" | "v2LiveId" {
	return form.value("global", "apiVersion") === "v2" ? "v2LiveId" : "liveId";
}

function livePicker({ form, pi, m }: InspectorContext): { nodes: Node[]; show(liveId: string): void; reload(): void } {
	const select = el("select", { id: "current-live", "aria-describedby": "current-live-hint" });
	const status = statusLine("lives-status");
	let lives: LiveItem[] = [];
	let current = "";
	let listedFor: string | undefined;
	const show = (liveId: string): void => {
		current = liveId;
		// A live made by Create Live while the inspector is open: list it (once, so a deleted live does not loop).
		if (listedFor !== undefined && liveId && listedFor !== liveId && !lives.some((l) => l.id === liveId)) {
			listedFor = liveId;
			reload();
		}
		const { options, selected } = liveOptions(lives, liveId, new Date(), m);
		select.replaceChildren(...options.map((o) => el("option", { value: o.value }, o.label)));
		select.value = selected;
	};
	const load = async (): Promise<void> => {
		status.show("busy", m.t("pi.live.loading"));
		const answer = await pi.request("lives");
		listedFor ??= current;
		if (!answer.ok) return status.show("error", answer.error);
		lives = answer.items;
		if (lives.length === 0) status.show("info", m.t("pi.live.none"));
		else status.clear();
		show(current);
	};
	select.addEventListener("change", () => {
		const liveId = liveIdFor(select.value, lives);
		if (liveId && liveId !== current) form.set("global", liveIdKeyOf({ form }), liveId);
	});
	const reload = (): void => void load().catch((err: unknown) => console.error("lives", err));
	reload();
	const refresh = iconButton("refresh-lives", "↻", m.t("pi.live.refresh"), load);
	const row = el(
		"div",
		{ class: "row" },
		el("label", { for: "current-live" }, m.t("pi.live.label")),
		el(
			"div",
			{ class: "value" },
			el("div", { class: "inline" }, select, refresh),
			el("p", { id: "current-live-hint", class: "hint" }, m.t("pi.live.hint")),
		),
	);
	return { nodes: [row, status.node], show, reload };
}

function liveEditor({ pi, channels, m }: InspectorContext, onSaved: () => void): { node: HTMLElement; load(liveId: string): void } {
	const title = el("input", { id: "edit-title", type: "text", spellcheck: "false", "aria-describedby": "edit-title-error" });
	const titleError = el("p", { id: "edit-title-error", class: "error", hidden: true });
	const channel = el("select", { id: "edit-channel" });
	const isPrivate = el("input", { id: "edit-private", type: "checkbox", role: "switch" });
	const status = statusLine("edit-status");
	let loaded: LiveView | undefined;
	let loadingId: string | undefined;
	let categories: Option[] = [];

	const fill = (live: LiveView | undefined): void => {
		loaded = live;
		title.value = live?.title ?? "";
		const options = [...categories];
		if (live && !options.some((o) => o.value === live.channel)) options.push({ value: live.channel, label: live.channel });
		channel.replaceChildren(...options.map((o) => el("option", { value: o.value }, o.label)));
		channel.value = live?.channel ?? "";
		isPrivate.checked = live?.private === true;
		isPrivate.disabled = !live || live.private === null;
		title.disabled = channel.disabled = save.disabled = !live;
	};
	const checkTitle = (): string | undefined => {
		const text = title.value.trim();
		const problem = text === "" || text.length > 255 ? problemText(m, "problem.title.length") : undefined;
		titleError.textContent = problem ?? "";
		titleError.hidden = !problem;
		title.setAttribute("aria-invalid", problem ? "true" : "false");
		return problem;
	};
	title.addEventListener("input", checkTitle);

	const save = button("save-live", m.t("pi.edit.save"), async () => {
		if (!loaded || checkTitle()) return;
		const changes: LiveEdit = {};
		if (title.value.trim() !== loaded.title) changes.title = title.value.trim();
		if (channel.value !== loaded.channel) changes.channel = channel.value;
		if (loaded.private !== null && isPrivate.checked !== loaded.private) changes.private = isPrivate.checked;
		if (Object.keys(changes).length === 0) return status.show("info", m.t("pi.edit.unchanged"));
		status.show("busy", m.t("pi.edit.saving"));
		const answer = await pi.request("editLive", { liveId: loaded.id, changes });
		if (!answer.ok) return status.show("error", answer.error);
		fill(answer.live);
		onSaved();
		const fields = answer.changed.map((f) => (FIELD_NAMES[f] ? m.t(FIELD_NAMES[f]) : f));
		status.show("ok", m.t("pi.edit.saved", { fields: m.list(fields) }));
	});

	const load = (liveId: string): void => {
		if (liveId === loadingId) return;
		loadingId = liveId;
		fill(undefined);
		if (!liveId) return status.show("info", m.t("pi.edit.noLive"));
		status.show("busy", m.t("pi.edit.reading"));
		Promise.all([channels, pi.request("getLive", { liveId })])
			.then(([list, answer]) => {
				if (loadingId !== liveId) return;
				categories = channelOptions(list, m);
				if (!answer.ok) return status.show("error", answer.error);
				fill(answer.live);
				status.clear();
			})
			.catch((err: unknown) => console.error("getLive", err));
	};

	const row = (id: string, label: string, ...value: Node[]): HTMLElement =>
		el("div", { class: "row" }, el("label", { for: id }, label), el("div", { class: "value" }, ...value));
	const node = el(
		"div",
		{ class: "subsection" },
		el("h3", {}, m.t("pi.edit.title")),
		row("edit-title", m.t("pi.edit.liveTitle"), title, titleError),
		row("edit-channel", m.t("pi.edit.category"), channel),
		row("edit-private", m.t("pi.edit.private"), isPrivate),
		buttonRow(save),
		status.node,
	);
	fill(undefined);
	return { node, load };
}
