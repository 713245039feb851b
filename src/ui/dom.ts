/** Builds an element: attributes (`hidden`/`open`/`disabled` as booleans), then children. */
export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, string | boolean | undefined> = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (value === true) node.setAttribute(name, "");
		else if (typeof value === "string") node.setAttribute(name, value);
	}
	node.append(...children);
	return node;
}

/** A titled section of the inspector. */
export function section(id: string, title: string, ...children: Node[]): HTMLElement {
	return el("section", { id, "aria-labelledby": `${id}-title` }, el("h2", { id: `${id}-title` }, title), ...children);
}

/** A one-line answer area; screen readers announce its changes. */
export interface StatusLine {
	node: HTMLElement;
	show(kind: "ok" | "error" | "busy" | "info", text: string): void;
	clear(): void;
}

export function statusLine(id: string): StatusLine {
	const node = el("p", { id, class: "status", role: "status", "aria-live": "polite", hidden: true });
	return {
		node,
		show(kind, text) {
			node.className = `status ${kind}`;
			node.textContent = text;
			node.hidden = false;
		},
		clear() {
			node.textContent = "";
			node.hidden = true;
		},
	};
}

/** A row holding buttons (and the status line their action reports to), aligned with the inputs. */
export function buttonRow(...children: Node[]): HTMLElement {
	return el("div", { class: "row" }, el("span", { class: "label" }), el("div", { class: "value buttons" }, ...children));
}

/** A small icon button (↻) with a spoken name and a tooltip; runs `action` like {@link button}. */
export function iconButton(id: string, glyph: string, name: string, action: () => Promise<void>): HTMLButtonElement {
	const node = button(id, glyph, action);
	node.setAttribute("aria-label", name);
	node.title = name;
	node.className = "icon";
	return node;
}

/** A button that runs `action` on click, disabled while it runs (errors are the action's to report). */
export function button(id: string, text: string, action: () => Promise<void>): HTMLButtonElement {
	const node = el("button", { id, type: "button" }, text);
	node.addEventListener("click", () => {
		node.disabled = true;
		action()
			.catch((err: unknown) => console.error(`${id} failed`, err))
			.finally(() => (node.disabled = false));
	});
	return node;
}
