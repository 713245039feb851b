/**
 * One Stream Deck + dial and its 200×100 touch-strip segment, drawing the built-in layouts ($B1: icon, title,
 * value, indicator bar; others approximated with the same parts) from setFeedback / setFeedbackLayout.
 */
import { el, LONG_PRESS_MS, settingsBadge, showFlash } from "./key-view.ts";
import type { SlotInfo, SlotView } from "./protocol.ts";

export interface DialGestures {
	send(type: "dialDown" | "dialUp", context: string): void;
	rotate(context: string, ticks: number): void;
	touch(context: string, hold: boolean): void;
	select(context: string): void;
}

export class DialView {
	readonly segment: HTMLElement;
	readonly dial: HTMLElement;
	readonly #slot: SlotInfo;
	readonly #icon: HTMLImageElement;
	readonly #title: HTMLElement;
	readonly #value: HTMLElement;
	readonly #fill: HTMLElement;
	readonly #flash: HTMLElement;
	#flashTimer: number | undefined;

	constructor(slot: SlotInfo, gestures: DialGestures) {
		this.#slot = slot;
		this.segment = el("div", "segment");
		this.segment.dataset.context = slot.context;
		this.segment.dataset.slot = slot.id;
		this.segment.lang = slot.lang;
		this.segment.title = slot.labels.touch;
		this.#icon = el("img", "seg-icon") as HTMLImageElement;
		this.#icon.alt = "";
		this.#icon.draggable = false;
		this.#title = el("div", "seg-title");
		this.#value = el("div", "seg-value");
		const bar = el("div", "seg-bar");
		this.#fill = el("div", "seg-fill");
		bar.append(this.#fill);
		this.#flash = el("div", "flash");
		this.segment.append(this.#icon, this.#title, this.#value, bar, this.#flash, settingsBadge(slot, gestures));

		this.dial = el("div", "dial");
		this.dial.dataset.context = slot.context;
		this.dial.lang = slot.lang;
		const left = button("◀", slot.labels.turnLeft, "turn");
		const knob = button("", slot.labels.push, "knob");
		const right = button("▶", slot.labels.turnRight, "turn");
		const label = el("div", "dial-label");
		label.textContent = slot.name;
		const row = el("div", "dial-row");
		row.append(left, knob, right);
		this.dial.append(row, label);
		this.#bind(gestures, { left, knob, right });
	}

	render(view: SlotView): void {
		const f = view.feedback;
		this.segment.dataset.layout = view.layout ?? "$B1";
		const icon = text(f.icon) || view.image || this.#slot.stateImages[0] || "";
		if (this.#icon.getAttribute("src") !== icon) this.#icon.src = icon;
		this.#title.textContent = text(f.title) || view.title || this.#slot.name;
		this.#value.textContent = text(f.value);
		const indicator = number(f.indicator);
		this.#fill.parentElement?.classList.toggle("hidden", indicator === undefined);
		this.#fill.style.width = `${Math.max(0, Math.min(100, indicator ?? 0))}%`;
	}

	flash(kind: "alert" | "ok"): void {
		showFlash(this.#flash, kind, (timer) => {
			window.clearTimeout(this.#flashTimer);
			this.#flashTimer = timer;
		});
	}

	#bind(gestures: DialGestures, parts: { left: HTMLElement; knob: HTMLElement; right: HTMLElement }): void {
		const context = this.#slot.context;
		parts.left.addEventListener("click", () => gestures.rotate(context, -1));
		parts.right.addEventListener("click", () => gestures.rotate(context, 1));
		this.dial.addEventListener("wheel", (event) => {
			event.preventDefault();
			gestures.rotate(context, event.deltaY > 0 ? 1 : -1);
		});
		let pushed = false;
		const release = (): void => {
			if (!pushed) return;
			pushed = false;
			parts.knob.classList.remove("pressed");
			gestures.send("dialUp", context);
		};
		parts.knob.addEventListener("pointerdown", (event) => {
			parts.knob.setPointerCapture(event.pointerId);
			pushed = true;
			parts.knob.classList.add("pressed");
			gestures.select(context);
			gestures.send("dialDown", context);
		});
		parts.knob.addEventListener("pointerup", release);
		parts.knob.addEventListener("lostpointercapture", release);
		let touchedAt: number | undefined;
		this.segment.addEventListener("pointerdown", (event) => {
			this.segment.setPointerCapture(event.pointerId);
			touchedAt = performance.now();
			this.segment.classList.add("pressed");
			gestures.select(context);
		});
		this.segment.addEventListener("pointerup", () => {
			if (touchedAt === undefined) return;
			const hold = performance.now() - touchedAt >= LONG_PRESS_MS;
			touchedAt = undefined;
			this.segment.classList.remove("pressed");
			gestures.touch(context, hold);
		});
	}
}

function button(label: string, title: string, className: string): HTMLButtonElement {
	const b = el("button", className) as HTMLButtonElement;
	b.type = "button";
	b.textContent = label;
	b.title = title;
	b.setAttribute("aria-label", title);
	return b;
}

/** Layout values are plain or `{ value }` objects. */
function text(value: unknown): string {
	if (typeof value === "string" || typeof value === "number") return String(value);
	if (value && typeof value === "object" && "value" in value) return text((value as { value: unknown }).value);
	return "";
}

function number(value: unknown): number | undefined {
	if (typeof value === "number") return value;
	if (value && typeof value === "object" && "value" in value) return number((value as { value: unknown }).value);
	return undefined;
}
