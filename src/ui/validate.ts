import type { ZodMiniType } from "zod/mini";
import type { ProblemKey } from "../i18n/messages.js";
import { adBreakSettingsSchema } from "../settings/ad-break.js";
import { apiConfigFrom, type EndpointField } from "../settings/api-config.js";
import { createLiveSettingsSchema } from "../settings/create-live.js";
import { globalSettingsSchema, parseGlobalSettings } from "../settings/global.js";
import type { Validate } from "./form.js";

/**
 * Inline validation with the plugin's own schemas, so the inspector says exactly what the plugin would reject
 * (and the plugin falls back to the default for that field).
 */
function bySchema(schema: ZodMiniType): Validate {
	return (value) => {
		const result = schema.safeParse(value);
		return result.success ? undefined : (result.error.issues[0]?.message as ProblemKey | undefined);
	};
}

export const validateGlobal = (key: keyof typeof globalSettingsSchema.shape): Validate => bySchema(globalSettingsSchema.shape[key]);

/** API / token URLs: the schema's shape check, then the client's rule (https unless localhost). */
export function validateEndpoint(key: EndpointField): Validate {
	const shape = validateGlobal(key);
	return (value, settings) => {
		const problem = shape(value, settings);
		if (problem || value === "") return problem;
		const config = apiConfigFrom(parseGlobalSettings(settings).value);
		return !config.ok && config.field === key ? config.problem : undefined;
	};
}

export const validateTitle = bySchema(createLiveSettingsSchema.shape.title);
export const validateCooldown = bySchema(adBreakSettingsSchema.shape.cooldown);

/** A required text field (API key and secret, login in user mode); `problem` names which. */
export function required(problem: ProblemKey): Validate {
	return (value) => (typeof value === "string" && value.trim() !== "" ? undefined : problem);
}
