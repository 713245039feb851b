/**
 * Where the page finds a key's property inspector: the host simulator serves the real inspector page (with the
 * app's bootstrap) and relays its socket like the Stream Deck app, so the iframe runs the real PI protocol.
 */
import type { Host } from "../../test/harness/host/index.ts";

export function inspectorUrlOf(host: Host, context: string): { url: string | null; reason?: string } {
	try {
		return { url: host.inspectorUrl(context) };
	} catch (err) {
		return { url: null, reason: (err as Error).message };
	}
}
