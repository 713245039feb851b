/** The event log panel: newest at the bottom, follows new lines unless the user scrolled up. */
import { el } from "./key-view.ts";
import type { LogLine } from "./protocol.ts";

const MAX_LINES = 400;
const ARROWS: Record<LogLine["direction"], string> = { out: "←", in: "→", note: "•" };

export class LogView {
	readonly #list: HTMLOListElement;

	constructor(list: HTMLOListElement, clear: HTMLButtonElement) {
		this.#list = list;
		clear.addEventListener("click", () => this.#list.replaceChildren());
	}

	reset(lines: LogLine[]): void {
		this.#list.replaceChildren();
		for (const line of lines) this.add(line);
	}

	add(line: LogLine): void {
		const follow = this.#list.scrollHeight - this.#list.scrollTop - this.#list.clientHeight < 40;
		const item = el("li", `line ${line.direction} ev-${line.event}`);
		const time = el("span", "time");
		time.textContent = `${(line.at / 1000).toFixed(1)}s`;
		const arrow = el("span", "arrow");
		arrow.textContent = ARROWS[line.direction];
		const event = el("span", "event");
		event.textContent = line.event;
		item.append(time, arrow);
		if (line.target) {
			const target = el("span", "target");
			target.textContent = line.target;
			item.append(target);
		}
		item.append(event);
		if (line.summary) {
			const summary = el("span", "summary");
			summary.textContent = line.summary;
			item.append(summary);
		}
		this.#list.append(item);
		while (this.#list.childElementCount > MAX_LINES) this.#list.firstElementChild?.remove();
		if (follow) this.#list.scrollTop = this.#list.scrollHeight;
	}
}
