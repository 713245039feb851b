/** Scripted faults, matched in injection order against incoming requests. */
import type { Fault } from "./types.ts";

interface Pending {
	fault: Fault;
	remaining: number;
}

/** FIFO of faults; each applies to `times` matching requests, then disappears. */
export class FaultQueue {
	#pending: Pending[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (times > 0) this.#pending.push({ fault: { ...fault }, remaining: times });
	}

	/** The first fault matching this request, consuming one of its uses. */
	take(method: string, path: string): Fault | undefined {
		const index = this.#pending.findIndex((p) => matches(p.fault, method, path));
		if (index < 0) return undefined;
		const entry = this.#pending[index]!;
		entry.remaining--;
		if (entry.remaining <= 0) this.#pending.splice(index, 1);
		return entry.fault;
	}
}

function matches(fault: Fault, method: string, path: string): boolean {
	if (fault.method && fault.method.toUpperCase() !== method) return false;
	if (fault.path === undefined) return true;
	if (typeof fault.path === "string") return fault.path === path;
	fault.path.lastIndex = 0;
	return fault.path.test(path);
}
