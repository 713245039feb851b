/** One key of the virtual deck: the plugin's image and title, alert/OK overlays, press and long-press gestures. */
import type { SlotInfo, SlotView } from "./protocol.ts";

/** Held this long, a press is a long press (the plugin decides; the page only shows that the key was held). */
export const LONG_PRESS_MS = 1_000;
const FLASH_MS = 1_200;

export interface Gestures {
	down(context: string): void;
	up(context: string): void;
	select(context: string): void;
}

export class KeyView {
	readonly element: HTMLButtonElement;
	readonly #slot: SlotInfo;
	readonly #face: HTMLImageElement;
	readonly #title: HTMLDivElement;
	readonly #flash: HTMLDivElement;
	#holdTimer: number | undefined;
	#flashTimer: number | undefined;
	#down = false;

	constructor(slot: SlotInfo, gestures: Gestures) {
		this.#slot = slot;
		this.element = el("button", "key") as HTMLButtonElement;
		this.element.type = "button";
		this.element.dataset.slot = slot.id;
		this.element.dataset.context = slot.context;
		this.element.lang = slot.lang;
		this.element.title = slot.name;
		this.#face = el("img", "face") as HTMLImageElement;
		this.#face.alt = slot.name;
		this.#face.draggable = false;
		this.#title = el("div", `title title-${slot.titleAlignment}`) as HTMLDivElement;
		// Sized like the app: points on a 72 pt key, scaled to this key's width.
		this.#title.style.fontSize = `calc(var(--key) * ${slot.titleSize} / 72)`;
		this.#flash = el("div", "flash") as HTMLDivElement;
		this.element.append(this.#face, this.#title, this.#flash, settingsBadge(slot, gestures));
		this.#bind(gestures);
	}

	render(view: SlotView): void {
		const src = view.image ?? this.#slot.stateImages[view.state] ?? this.#slot.stateImages[0] ?? "";
		if (this.#face.getAttribute("src") !== src) this.#face.src = src;
		this.element.dataset.state = String(view.state);
		const title = this.#slot.showTitle ? (view.title ?? "") : "";
		this.#title.textContent = title;
		this.element.setAttribute("aria-label", `${this.#slot.name}${title ? `: ${title.replaceAll("\n", " ")}` : ""}`);
	}

	/** The transient yellow triangle (showAlert) or green check (showOk). */
	flash(kind: "alert" | "ok"): void {
		showFlash(this.#flash, kind, (timer) => {
			window.clearTimeout(this.#flashTimer);
			this.#flashTimer = timer;
		});
	}

	#bind(gestures: Gestures): void {
		const context = this.#slot.context;
		const down = (): void => {
			if (this.#down) return;
			this.#down = true;
			gestures.select(context);
			gestures.down(context);
			this.element.classList.add("pressed");
			this.#holdTimer = window.setTimeout(() => this.element.classList.add("held"), LONG_PRESS_MS);
		};
		const up = (): void => {
			if (!this.#down) return;
			this.#down = false;
			window.clearTimeout(this.#holdTimer);
			this.element.classList.remove("pressed", "held");
			gestures.up(context);
		};
		this.element.addEventListener("pointerdown", (event) => {
			if (event.button !== 0) return;
			this.element.setPointerCapture(event.pointerId);
			down();
		});
		this.element.addEventListener("pointerup", up);
		this.element.addEventListener("pointercancel", up);
		this.element.addEventListener("lostpointercapture", up);
		this.element.addEventListener("keydown", (event) => {
			if ((event.key === " " || event.key === "Enter") && !event.repeat) down();
		});
		this.element.addEventListener("keyup", (event) => {
			if (event.key === " " || event.key === "Enter") up();
		});
		this.element.addEventListener("click", (event) => event.preventDefault());
	}
}

/** The corner gear: shows the slot's inspector without pressing it (like selecting a key in the app). */
export function settingsBadge(slot: SlotInfo, gestures: Pick<Gestures, "select">): HTMLElement {
	const badge = el("span", "gear");
	badge.textContent = "⚙";
	badge.title = slot.labels.settings;
	badge.dataset.gear = slot.id;
	badge.addEventListener("pointerdown", (event) => {
		event.stopPropagation();
		event.preventDefault();
		gestures.select(slot.context);
	});
	return badge;
}

/** Shows an alert/OK overlay on `target` for a moment. */
export function showFlash(target: HTMLElement, kind: "alert" | "ok", keepTimer: (timer: number) => void): void {
	target.className = `flash ${kind}`;
	target.innerHTML = kind === "ok" ? OK_ICON : ALERT_ICON;
	keepTimer(window.setTimeout(() => (target.className = "flash"), FLASH_MS));
}

export function el(tag: string, className: string): HTMLElement {
	const element = document.createElement(tag);
	element.className = className;
	return element;
}

const ALERT_ICON =
	'<svg viewBox="0 0 48 48" aria-label="alert"><path d="M24 5 45 42H3z" fill="#f5b400" stroke="#1a1a1a" stroke-width="2" stroke-linejoin="round"/><rect x="22" y="17" width="4" height="14" rx="2" fill="#1a1a1a"/><circle cx="24" cy="36" r="2.4" fill="#1a1a1a"/></svg>';
const OK_ICON =
	'<svg viewBox="0 0 48 48" aria-label="ok"><circle cx="24" cy="24" r="20" fill="#1fbf5b"/><path d="m14 25 7 7 13-15" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/></svg>';
