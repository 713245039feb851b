import { AFTER_CREATE, DEFAULT_CHANNEL, DEFAULT_TITLE } from "../../settings/create-live.js";
import { el, section } from "../dom.js";
import { titlePreview } from "../title-preview.js";
import { validateTitle } from "../validate.js";
import { channelOptions, type InspectorContext } from "./context.js";

const AFTER_CREATE_LABELS: Record<(typeof AFTER_CREATE)[number], string> = {
	none: "Nothing",
	obs: "Send to OBS",
	"obs-start": "Send to OBS and start streaming",
};

/** The Create Live key's settings: title template with preview, category, audience, what happens next. */
export function createLiveSection({ form, channels }: InspectorContext): HTMLElement {
	const a = "action" as const;
	const title = form.text({
		scope: a,
		key: "title",
		label: "Title",
		placeholder: DEFAULT_TITLE,
		hint: "{date} and {time} become the creation date and time.",
		validate: validateTitle,
	});
	const preview = el("output", { id: "title-preview", for: title.input.id, class: "preview" });
	title.input.closest(".value")?.insertBefore(preview, title.input.nextSibling);
	const showPreview = (): void => {
		preview.textContent = titlePreview(title.input.value, new Date());
	};
	form.watch(a, "title", showPreview);
	setInterval(showPreview, 20_000);

	const category = form.select({
		scope: a,
		key: "channel",
		label: "Category",
		fallback: DEFAULT_CHANNEL,
		options: [{ value: DEFAULT_CHANNEL, label: "Loading…" }],
	});
	category.input.setAttribute("aria-busy", "true");
	channels
		.then((answer) => {
			category.setOptions(channelOptions(answer));
			category.input.removeAttribute("aria-busy");
		})
		.catch((err: unknown) => console.error("categories", err));

	const forKids = form.toggle({ scope: a, key: "forKids", label: "Made for kids", fallback: false });
	const isPrivate = form.toggle({ scope: a, key: "private", label: "Private", fallback: false });
	const after = form.select({
		scope: a,
		key: "afterCreate",
		label: "Then",
		fallback: "obs",
		options: AFTER_CREATE.map((value) => ({ value, label: AFTER_CREATE_LABELS[value] })),
	});
	return section("create", "Create Live", title.row, category.row, forKids.row, isPrivate.row, after.row);
}
