/**
 * The property inspector panel: the key's real inspector in an iframe (served by the host simulator, with the
 * real PI protocol relayed), or a placeholder saying why there is none.
 */
import { el } from "./key-view.ts";

export class InspectorView {
	readonly #body: HTMLElement;
	readonly #name: HTMLElement;
	#context: string | undefined;

	constructor(body: HTMLElement, name: HTMLElement) {
		this.#body = body;
		this.#name = name;
	}

	/** The selected slot changed (the answer with the URL follows). */
	get context(): string | undefined {
		return this.#context;
	}

	select(context: string, name: string): void {
		this.#context = context;
		this.#name.textContent = `— ${name}`;
	}

	show(context: string, url: string | null, reason: string | undefined): void {
		if (context !== this.#context) return;
		if (url) {
			const current = this.#body.querySelector("iframe");
			if (current?.getAttribute("src") === url) return;
			const frame = el("iframe", "inspector-frame") as HTMLIFrameElement;
			frame.src = url;
			frame.title = "Property inspector";
			this.#body.replaceChildren(frame);
			return;
		}
		const box = el("div", "placeholder unavailable");
		box.dataset.inspector = "unavailable";
		const title = el("strong", "");
		title.textContent = "Property inspector unavailable";
		const why = el("p", "");
		why.textContent = reason ?? "The host simulator does not serve the inspector.";
		box.append(title, why);
		this.#body.replaceChildren(box);
	}
}
