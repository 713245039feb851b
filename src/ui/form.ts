import type { Messages, ProblemKey } from "../i18n/messages.js";
import { problemText } from "../settings/problems.js";
import { el } from "./dom.js";
import { debounce, type Debounced, type MergedSettings, type Settings } from "./merged-settings.js";
import type { Option } from "./messages.js";

/** Which settings object a field belongs to. Secrets are only ever `global`. */
export type Scope = "global" | "action";

/** Returns the problem to show (in the user's language) for an invalid value, given the whole merged settings object. */
export type Validate = (value: unknown, settings: Settings) => ProblemKey | undefined;

interface FieldSpec {
	scope: Scope;
	key: string;
	label: string;
	hint?: string;
	validate?: Validate;
}

/** One labelled input bound to a setting. */
export interface Row<I extends HTMLElement = HTMLInputElement> {
	row: HTMLElement;
	input: I;
}

interface Binding {
	scope: Scope;
	key: string;
	show(value: unknown): void;
	check(): void;
	save?: Debounced<[]>;
}

/** Text input typing is saved after this pause (like sdpi-components). */
export const TEXT_DEBOUNCE_MS = 200;

/**
 * Inputs bound to settings keys: each change is written as a patch merged into the latest settings; text is
 * debounced; received settings refresh every input the user is not editing; validation messages show inline.
 */
export class Form {
	readonly #stores: Record<Scope, MergedSettings>;
	readonly #bindings: Binding[] = [];
	readonly #watchers: { scope: Scope; key: string; fn: (value: unknown) => void }[] = [];
	readonly #errors = new Map<HTMLElement, HTMLElement>();
	readonly #m: Messages;

	constructor(stores: Record<Scope, MergedSettings>, messages: Messages) {
		this.#stores = stores;
		this.#m = messages;
		for (const scope of ["global", "action"] as const) stores[scope].onReceive(() => this.refresh(scope));
	}

	/** The current (merged) value of a setting. */
	value(scope: Scope, key: string): unknown {
		return this.#stores[scope].current[key];
	}

	/** Writes a setting now (for values set by code, such as the live picker). */
	set(scope: Scope, key: string, value: unknown): void {
		this.#stores[scope].patch({ [key]: value });
		this.#notify(scope, key, value);
	}

	/** Runs `fn` with the value now and after every change of it (by the user or received). */
	watch(scope: Scope, key: string, fn: (value: unknown) => void): void {
		this.#watchers.push({ scope, key, fn });
		fn(this.value(scope, key));
	}

	/** Sends every pending debounced edit (call before asking the plugin to use the settings). */
	flush(): void {
		for (const b of this.#bindings) b.save?.flush();
	}

	/** Shows received values in the inputs that are not being edited. */
	refresh(scope: Scope): void {
		for (const b of this.#bindings) {
			if (b.scope !== scope || b.save?.pending) continue;
			b.show(this.value(scope, b.key));
			b.check();
		}
		for (const w of this.#watchers) if (w.scope === scope) w.fn(this.value(scope, w.key));
	}

	/** A text, password or number input. Numbers are stored as numbers when they are whole, else as typed. */
	text(spec: FieldSpec & { type?: "text" | "password" | "number"; placeholder?: string; min?: string; max?: string }): Row {
		const type = spec.type ?? "text";
		const input = el("input", {
			type,
			placeholder: spec.placeholder,
			min: spec.min,
			max: spec.max,
			autocomplete: type === "password" ? "new-password" : "off",
			spellcheck: "false",
		});
		const read = (): unknown => (type === "number" ? toNumber(input.value) : input.value);
		const save = debounce(() => this.#store(spec, read()), TEXT_DEBOUNCE_MS);
		const check = this.#bind(spec, input, {
			show: (v) => {
				if (document.activeElement !== input) input.value = v === undefined || v === null ? "" : String(v);
			},
			read,
			save,
		});
		input.addEventListener("input", () => {
			save();
			check();
			this.#notify(spec.scope, spec.key, read());
		});
		input.addEventListener("change", () => save.flush());
		return { row: this.#row(spec, input), input };
	}

	/** A dropdown; `setOptions` replaces its entries and keeps the stored value selected (adding it if unknown). */
	select(spec: FieldSpec & { options: Option[]; fallback: string }): Row<HTMLSelectElement> & { setOptions(options: Option[]): void } {
		const select = el("select");
		const show = (v: unknown): void => {
			const value = typeof v === "string" && v !== "" ? v : spec.fallback;
			if (![...select.options].some((o) => o.value === value)) select.append(el("option", { value }, value));
			select.value = value;
		};
		this.#bind(spec, select, { show, read: () => select.value });
		select.addEventListener("change", () => this.#store(spec, select.value));
		const setOptions = (options: Option[]): void => {
			select.replaceChildren(...options.map((o) => el("option", { value: o.value }, o.label)));
			show(this.value(spec.scope, spec.key));
		};
		setOptions(spec.options);
		return { row: this.#row(spec, select), input: select, setOptions };
	}

	/** An on/off switch (a checkbox, so Space toggles it). */
	toggle(spec: FieldSpec & { fallback: boolean }): Row {
		const input = el("input", { type: "checkbox", role: "switch" });
		const show = (v: unknown): void => {
			input.checked = typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : spec.fallback;
		};
		this.#bind(spec, input, { show, read: () => input.checked });
		input.addEventListener("change", () => this.#store(spec, input.checked));
		return { row: this.#row(spec, input, "toggle"), input };
	}

	#bind(spec: FieldSpec, input: HTMLElement, io: { show(v: unknown): void; read(): unknown; save?: Debounced<[]> }): () => void {
		const error = el("p", { id: `${fieldId(spec)}-error`, class: "error", hidden: true });
		input.id = fieldId(spec);
		input.dataset.key = spec.key;
		input.dataset.scope = spec.scope;
		const check = (): void => {
			const problem = spec.validate?.(io.read(), { ...this.#stores[spec.scope].current, [spec.key]: io.read() });
			const message = problem && problemText(this.#m, problem);
			error.textContent = message ?? "";
			error.hidden = !message;
			input.setAttribute("aria-invalid", message ? "true" : "false");
		};
		this.#errors.set(input, error);
		this.#bindings.push({ scope: spec.scope, key: spec.key, show: io.show, check, save: io.save });
		io.show(this.value(spec.scope, spec.key));
		check();
		return check;
	}

	#row(spec: FieldSpec, input: HTMLElement, kind = ""): HTMLElement {
		const id = fieldId(spec);
		const hint = spec.hint ? el("p", { id: `${id}-hint`, class: "hint" }, spec.hint) : undefined;
		const error = this.#errors.get(input);
		input.setAttribute("aria-describedby", [hint && `${id}-hint`, `${id}-error`].filter(Boolean).join(" "));
		const value = el("div", { class: `value ${kind}`.trim() }, input, ...(hint ? [hint] : []), ...(error ? [error] : []));
		return el("div", { class: "row", id: `${id}-row` }, el("label", { for: id }, spec.label), value);
	}

	#store(spec: FieldSpec, value: unknown): void {
		this.#stores[spec.scope].patch({ [spec.key]: value });
		this.#notify(spec.scope, spec.key, value);
	}

	#notify(scope: Scope, key: string, value: unknown): void {
		for (const w of this.#watchers) if (w.scope === scope && w.key === key) w.fn(value);
	}
}

function fieldId(spec: FieldSpec): string {
	return `${spec.scope}-${spec.key}`;
}

/** A whole number as a number; empty as undefined (the plugin's default); anything else as typed (it is reported). */
function toNumber(text: string): unknown {
	const trimmed = text.trim();
	if (trimmed === "") return undefined;
	return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
