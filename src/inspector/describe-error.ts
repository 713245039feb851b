import { errorText } from "../actions/error-text.js";

/**
 * One line for the inspector: what went wrong (the key's short title) and the client's exact reason, e.g.
 * "Login failed: Invalid API key or secret". Messages are already redacted by `errorText`.
 */
export function describeError(error: unknown): string {
	const { title, detail } = errorText(error);
	const headline = title.replace(/\s*\n\s*/g, " ");
	if (!detail || detail === headline) return headline;
	return `${headline}: ${detail}`;
}
