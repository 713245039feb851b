/** The event log panel: newest at the bottom, follows new lines unless the user scrolled up. */
import { el } from "./key-view.ts";
import type { LogLine } from "./protocol.ts";

const MAX_LINES = 400;
const ARROWS: Record<LogLine["direction"], string> = { out: "←", in: "→", note: "•" };

export class LogView {
	readonly #list: HTMLOListElement;

	constructor(list: HTMLOListElement, clear: HTMLButtonElement, redraws: HTMLInputElement) {
		this.#list = list;
		clear.addEventListener("click", () => this.#list.replaceChildren());
		// Countdowns redraw every second; hiding those lines leaves what happened.
		redraws.addEventListener("change", () => this.#list.classList.toggle("hide-redraws", !redraws.checked));
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
			// The app opens openUrl in the browser; a page cannot open tabs unasked, so it offers a link.
			const link = line.event === "openUrl" && /^https?:\/\//.test(line.summary);
			const summary = el(link ? "a" : "span", "summary");
			summary.textContent = line.summary;
			if (summary instanceof HTMLAnchorElement) {
				summary.href = line.summary;
				summary.target = "_blank";
				summary.rel = "noopener";
			}
			item.append(summary);
		}
		this.#list.append(item);
		while (this.#list.childElementCount > MAX_LINES) this.#list.firstElementChild?.remove();
		if (follow) this.#list.scrollTop = this.#list.scrollHeight;
	}
}
