import type { Form } from "../form.js";
import type { Option } from "../messages.js";
import type { Answer, PiConnection } from "../pi-connection.js";

/** What every section of the inspector builds on. */
export interface InspectorContext {
	form: Form;
	pi: PiConnection;
	/** The categories (asked once per inspector; the plugin falls back to its built-in list offline). */
	channels: Promise<Answer<"channels">>;
}

/** The category entries to show while the list loads or when it failed. */
export function channelOptions(answer: Answer<"channels">): Option[] {
	return answer.ok ? answer.items : [];
}
