/** Small helpers turning free text (errors, hints) into the key's small lines. */
import { wrapLines } from "./format.js";

/** At most two lines of ≈13 characters; empty input gives no lines. */
export function formatMessage(message: string | undefined): string[] {
	return message ? wrapLines(message, 13, 2) : [];
}
