/**
 * Where the page finds a key's property inspector. INTEGRATION POINT: the host simulator's
 * `inspectorUrl(context)` (branch `pi`) serves the real inspector page with the real PI protocol relayed; until
 * the host offers it, the page shows a placeholder saying the inspector is unavailable.
 */
import type { Host } from "../../test/harness/host/index.ts";

export function inspectorUrlOf(host: Host, context: string): { url: string | null; reason?: string } {
	const withInspector = host as Host & { inspectorUrl?: (context: string) => string };
	if (typeof withInspector.inspectorUrl !== "function") {
		return { url: null, reason: "The property inspector is not available in this build of the host simulator yet." };
	}
	try {
		return { url: withInspector.inspectorUrl(context) };
	} catch (err) {
		return { url: null, reason: (err as Error).message };
	}
}
