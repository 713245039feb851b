import type { PlainKey } from "../../i18n/messages.js";
import { AFTER_CREATE, DEFAULT_CHANNEL, DEFAULT_TITLE } from "../../settings/create-live.js";
import { el, section } from "../dom.js";
import { titlePreview } from "../title-preview.js";
import { validateTitle } from "../validate.js";
import { channelOptions, type InspectorContext } from "./context.js";

const AFTER_CREATE_LABELS: Record<(typeof AFTER_CREATE)[number], PlainKey> = {
	none: "pi.create.afterNone",
	obs: "pi.create.afterObs",
	"obs-start": "pi.create.afterObsStart",
};

/** The Create Live key's settings: title template with preview, category, audience, what happens next. */
export function createLiveSection({ form, channels, m }: InspectorContext): HTMLElement {
	const a = "action" as const;
	const title = form.text({
		scope: a,
		key: "title",
		label: m.t("pi.create.title"),
		placeholder: DEFAULT_TITLE,
		hint: m.t("pi.create.titleHint", { date: "{date}", time: "{time}" }),
		validate: validateTitle,
	});
	const preview = el("output", { id: "title-preview", for: title.input.id, class: "preview", "data-label": m.t("pi.create.preview") });
	title.input.closest(".value")?.insertBefore(preview, title.input.nextSibling);
	const showPreview = (): void => {
		preview.textContent = titlePreview(title.input.value, new Date());
	};
	form.watch(a, "title", showPreview);
	setInterval(showPreview, 20_000);

	const category = form.select({
		scope: a,
		key: "channel",
		label: m.t("pi.create.category"),
		fallback: DEFAULT_CHANNEL,
		options: [{ value: DEFAULT_CHANNEL, label: m.t("pi.loading") }],
	});
	category.input.setAttribute("aria-busy", "true");
	channels
		.then((answer) => {
			category.setOptions(channelOptions(answer, m));
			category.input.removeAttribute("aria-busy");
		})
		.catch((err: unknown) => console.error("categories", err));

	const forKids = form.toggle({ scope: a, key: "forKids", label: m.t("pi.create.forKids"), fallback: false });
	const isPrivate = form.toggle({ scope: a, key: "private", label: m.t("pi.create.private"), fallback: false });
	const record = form.toggle({ scope: a, key: "autoRecord", label: m.t("pi.create.autoRecord"), fallback: false, hint: m.t("pi.create.autoRecordHint") });
	const after = form.select({
		scope: a,
		key: "afterCreate",
		label: m.t("pi.create.after"),
		fallback: "obs",
		options: AFTER_CREATE.map((value) => ({ value, label: m.t(AFTER_CREATE_LABELS[value]) })),
	});
	return section("create", m.t("action.create.name"), title.row, category.row, forKids.row, isPrivate.row, record.row, after.row);
}
