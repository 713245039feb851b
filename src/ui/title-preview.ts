import { DEFAULT_TITLE, expandTitle } from "../settings/create-live.js";

/** What Create Live would name a live created at `now` from this template (empty = the default template). */
export function titlePreview(template: string, now: Date): string {
	const source = template.trim() === "" ? DEFAULT_TITLE : template;
	return expandTitle(source, now);
}
