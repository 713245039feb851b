/**
 * The server side of the virtual deck page: turns page gestures into host events, and the plugin's commands into
 * key views, transient alert/OK marks, masked log lines and status updates for every open page.
 */
import { performance } from "node:perf_hooks";
import type { Host, RecordedCommand } from "../../test/harness/host/index.ts";
import type { Sandbox } from "../../test/harness/sandbox/index.ts";
import { inspectorUrlOf } from "./inspector.ts";
import { secretsOf, summarize } from "./log-mask.ts";
import type { ClientMessage, LogLine, ServerMessage, SlotInfo, StatusItem } from "./page/protocol.ts";
import { SlotViews } from "./slot-views.ts";
import { currentLiveIn } from "./status.ts";

const LOG_LIMIT = 400;

type Send = (message: ServerMessage) => void;

export class DeckSession {
	readonly #host: Host;
	readonly #sandbox: Sandbox | undefined;
	readonly #slots: readonly SlotInfo[];
	readonly #byContext: Map<string, SlotInfo>;
	readonly #views: SlotViews;
	readonly #log: LogLine[] = [];
	readonly #clients = new Set<Send>();
	readonly #started = performance.now();
	#status: StatusItem[] = [];
	#inspectorSeen = 0;

	constructor(opts: { host: Host; sandbox: Sandbox | undefined; slots: readonly SlotInfo[] }) {
		this.#host = opts.host;
		this.#sandbox = opts.sandbox;
		this.#slots = opts.slots;
		this.#byContext = new Map(opts.slots.map((s) => [s.context, s]));
		this.#views = new SlotViews(opts.slots.map((s) => s.context));
	}

	/** A page connected: it gets the whole picture, then every change. Returns the disconnect function. */
	connect(send: Send): () => void {
		send({
			type: "hello",
			slots: [...this.#slots],
			views: this.#views.snapshot(),
			status: this.#status,
			log: [...this.#log],
			sandbox: this.#sandbox !== undefined,
		});
		this.#clients.add(send);
		return () => this.#clients.delete(send);
	}

	/** One command the plugin sent (subscribe with `host.on("command", …)`). */
	onCommand(command: RecordedCommand): void {
		const context = command.context;
		const view = this.#views.apply(command);
		if (view && context) this.#broadcast({ type: "view", context, view });
		if (context && (command.event === "showAlert" || command.event === "showOk")) {
			this.#broadcast({ type: "flash", context, kind: command.event === "showOk" ? "ok" : "alert" });
		}
		this.note("out", command.event, summarize(command.event, command.payload, this.#secrets()), this.#nameOf(context));
	}

	/** Messages only the property inspector sent (openUrl, logMessage): logged once each. */
	logInspectorMessages(): void {
		const messages = this.#host.inspectorMessages;
		for (const message of messages.slice(this.#inspectorSeen)) {
			const name = this.#nameOf(message.context);
			this.note("out", message.event, summarize(message.event, message.payload, this.#secrets()), `${name ?? "?"} inspector`);
		}
		this.#inspectorSeen = messages.length;
	}

	/** A gesture or request from a page. Unknown contexts are refused (the page only knows the deck's slots). */
	handle(message: ClientMessage, reply: Send): void {
		if (message.type === "simulateOnAir") {
			this.#simulateOnAir(message.onAir);
			return;
		}
		const slot = this.#byContext.get(message.context);
		if (!slot) return;
		const host = this.#host;
		switch (message.type) {
			case "keyDown":
				host.keyDown(slot.context);
				break;
			case "keyUp": {
				host.keyUp(slot.context);
				// The app toggles two-state keys itself unless the manifest disables it.
				const view = this.#views.syncState(slot.context, host.stateOf(slot.context));
				if (view) this.#broadcast({ type: "view", context: slot.context, view });
				break;
			}
			case "dialDown":
				host.dialDown(slot.context);
				break;
			case "dialUp":
				host.dialUp(slot.context);
				break;
			case "dialRotate":
				host.dialRotate(slot.context, Math.trunc(message.ticks));
				break;
			case "touchTap":
				host.touchTap(slot.context, message.hold);
				break;
			case "select":
				reply({ type: "inspector", context: slot.context, ...inspectorUrlOf(host, slot.context) });
				return;
		}
		const detail = message.type === "dialRotate" ? `ticks ${message.ticks}` : message.type === "touchTap" && message.hold ? "hold" : undefined;
		this.note("in", message.type, detail, slot.name);
	}

	setStatus(status: StatusItem[]): void {
		if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
		this.#status = status;
		this.#broadcast({ type: "status", status });
	}

	/** Adds a log line and sends it to every page. */
	note(direction: LogLine["direction"], event: string, summary?: string, target?: string): void {
		const line: LogLine = { at: Math.round(performance.now() - this.#started), direction, event, target, summary };
		this.#log.push(line);
		if (this.#log.length > LOG_LIMIT) this.#log.splice(0, this.#log.length - LOG_LIMIT);
		this.#broadcast({ type: "log", line });
	}

	#simulateOnAir(onAir: boolean): void {
		const liveId = currentLiveIn(this.#host.globalSettings);
		if (!this.#sandbox || !liveId || !this.#sandbox.live(liveId)) {
			this.note("note", "simulateOnAir", "no current sandbox live: press Create Live first");
			return;
		}
		this.#sandbox.setOnAir(liveId, onAir);
		this.note("note", "simulateOnAir", `sandbox live ${liveId} ${onAir ? "on air" : "off air"} (the plugin notices on its next poll, ≤ 10 s)`);
	}

	#nameOf(context: string | undefined): string | undefined {
		const slot = context === undefined ? undefined : this.#byContext.get(context);
		if (!slot) return undefined;
		return slot.controller === "Encoder" ? `${slot.name} (dial)` : slot.name;
	}

	#secrets(): string[] {
		return secretsOf(this.#host.globalSettings);
	}

	#broadcast(message: ServerMessage): void {
		for (const send of this.#clients) send(message);
	}
}
