import type { Messages } from "../../i18n/messages.js";
import type { Form } from "../form.js";
import type { Option } from "../messages.js";
import type { Answer, PiConnection } from "../pi-connection.js";

/** What every section of the inspector builds on. */
export interface InspectorContext {
	form: Form;
	pi: PiConnection;
	/** The words of Stream Deck's language. */
	m: Messages;
	/** The categories (asked once per inspector; the plugin falls back to its built-in list offline). */
	channels: Promise<Answer<"channels">>;
}

/**
 * The category entries (empty when the list failed), named in the user's language: Dailymotion answers in English, so
 * the categories this plugin knows use its own catalog, and only new ones keep Dailymotion's name.
 */
export function channelOptions(answer: Answer<"channels">, m: Messages): Option[] {
	if (!answer.ok) return [];
	return answer.items.map((item) => {
		const key = `category.${item.value}`;
		return m.has(key) ? { value: item.value, label: m.format(key) } : item;
	});
}
