/** The status bar: API, ingest, OBS reachability (with how to enable it), current live (+ simulate on air). */
import { el } from "./key-view.ts";
import type { StatusItem } from "./protocol.ts";

export class StatusView {
	readonly #root: HTMLElement;
	readonly #simulate: (onAir: boolean) => void;

	constructor(root: HTMLElement, simulate: (onAir: boolean) => void) {
		this.#root = root;
		this.#simulate = simulate;
	}

	render(items: StatusItem[], sandbox: boolean): void {
		this.#root.replaceChildren(
			...items.map((item) => {
				const box = el("div", `status-item tone-${item.tone}`);
				box.dataset.status = item.id;
				const dot = el("span", "dot");
				const text = el("span", "status-text");
				text.textContent = item.text;
				box.append(dot, text);
				if (sandbox && item.onAir !== undefined) {
					const button = el("button", "simulate") as HTMLButtonElement;
					button.type = "button";
					button.textContent = item.onAir ? "Simulate off air" : "Simulate on air";
					const onAir = !item.onAir;
					button.addEventListener("click", () => this.#simulate(onAir));
					box.append(button);
				}
				if (item.hint) {
					const hint = el("div", "hint");
					hint.textContent = item.hint;
					box.append(hint);
				}
				return box;
			}),
		);
	}
}
