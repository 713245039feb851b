/** A plugin Logger that keeps every line, so tests can check that no secret was ever logged. */
import type { Logger } from "../../src/log.ts";

export function recordingLogger(): Logger & { lines: string[] } {
	const lines: string[] = [];
	const push = (...args: unknown[]) => {
		lines.push(args.map(String).join(" "));
	};
	return { lines, error: push, warn: push, info: push, debug: push };
}
