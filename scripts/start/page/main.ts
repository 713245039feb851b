/** The virtual Stream Deck page: builds the deck from the server's hello, then applies every update. */
import { Connection } from "./connection.ts";
import { DialView } from "./dial-view.ts";
import { InspectorView } from "./inspector-view.ts";
import { el, KeyView } from "./key-view.ts";
import { LogView } from "./log-view.ts";
import type { ServerMessage, SlotInfo } from "./protocol.ts";
import { StatusView } from "./status-view.ts";

const DECK = { columns: 5, rows: 3 };
const DIALS = 4;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const views = new Map<string, KeyView | DialView>();
const slots = new Map<string, SlotInfo>();
let sandbox = false;

const connection = new Connection(onMessage, (open) => {
	const state = byId("connection");
	state.dataset.state = open ? "open" : "closed";
	state.textContent = open ? "connected" : "disconnected — is npm start running?";
});
const log = new LogView(byId<HTMLOListElement>("log"), byId<HTMLButtonElement>("log-clear"), byId<HTMLInputElement>("log-redraws"));
const status = new StatusView(byId("status"), (onAir) => connection.send({ type: "simulateOnAir", onAir }));
const inspector = new InspectorView(byId("inspector-body"), byId("inspector-name"));

function select(context: string, force = false): void {
	if (!context || (inspector.context === context && !force)) return;
	for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
	for (const node of document.querySelectorAll(`[data-context="${context}"]`)) node.classList.add("selected");
	inspector.select(context, slots.get(context)?.name ?? "");
	connection.send({ type: "select", context });
}

function build(all: SlotInfo[]): void {
	views.clear();
	slots.clear();
	const keys = byId("keys");
	const strip = byId("strip");
	const dials = byId("dials");
	keys.replaceChildren();
	strip.replaceChildren();
	dials.replaceChildren();
	const keyAt = new Map(all.filter((s) => s.controller === "Keypad").map((s) => [`${s.column},${s.row}`, s]));
	const dialAt = new Map(all.filter((s) => s.controller === "Encoder").map((s) => [s.column, s]));
	for (const slot of all) slots.set(slot.context, slot);
	for (let row = 0; row < DECK.rows; row++) {
		for (let column = 0; column < DECK.columns; column++) {
			const slot = keyAt.get(`${column},${row}`);
			if (!slot) {
				keys.append(el("div", "key empty"));
				continue;
			}
			const view = new KeyView(slot, {
				down: (context) => connection.send({ type: "keyDown", context }),
				up: (context) => connection.send({ type: "keyUp", context }),
				select,
			});
			views.set(slot.context, view);
			keys.append(view.element);
		}
	}
	for (let column = 0; column < DIALS; column++) {
		const slot = dialAt.get(column);
		if (!slot) {
			strip.append(el("div", "segment empty"));
			const empty = el("div", "dial empty");
			empty.append(el("div", "dial-row"));
			dials.append(empty);
			continue;
		}
		const view = new DialView(slot, {
			send: (type, context) => connection.send({ type, context }),
			rotate: (context, ticks) => connection.send({ type: "dialRotate", context, ticks }),
			touch: (context, hold) => connection.send({ type: "touchTap", context, hold }),
			select,
		});
		views.set(slot.context, view);
		strip.append(view.segment);
		dials.append(view.dial);
	}
}

function onMessage(message: ServerMessage): void {
	switch (message.type) {
		case "hello":
			sandbox = message.sandbox;
			build(message.slots);
			for (const [context, view] of Object.entries(message.views)) views.get(context)?.render(view);
			status.render(message.status, sandbox);
			log.reset(message.log);
			// Like the app, show an inspector from the start: the first key's (account and OBS settings live there).
			select(inspector.context ?? message.slots[0]?.context ?? "", true);
			document.body.dataset.ready = "true";
			break;
		case "view":
			views.get(message.context)?.render(message.view);
			break;
		case "flash":
			views.get(message.context)?.flash(message.kind);
			break;
		case "status":
			status.render(message.status, sandbox);
			break;
		case "log":
			log.add(message.line);
			break;
		case "inspector":
			inspector.show(message.context, message.url, message.reason);
			break;
	}
}
