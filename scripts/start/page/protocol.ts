/**
 * Messages between the virtual Stream Deck page and the `npm start` server (over one WebSocket). Type-only: the
 * page imports it with `import type`, so nothing of it reaches the browser.
 */

/** One key or dial slot of the virtual deck. */
export interface SlotInfo {
	/** Stable name (`key-create`, `dial-adbreak`); settings are persisted under it. */
	id: string;
	/** The Stream Deck context the host simulator uses for this slot. */
	context: string;
	action: string;
	/** The action's name from the manifest. */
	name: string;
	controller: "Keypad" | "Encoder";
	column: number;
	row: number;
	/** Manifest images per state (served under /plugin/), shown until the plugin sends setImage. */
	stateImages: string[];
	/** False when the manifest hides the title (ShowTitle: false). */
	showTitle: boolean;
	titleAlignment: "top" | "middle" | "bottom";
	/** Title font size in points on a 72 pt key (manifest FontSize; the app's default is 12). */
	titleSize: number;
	/** BCP 47 tag of the language the deck runs in (the plugin's and the names' language). */
	lang: string;
	/** The slot's gesture labels, in that language (`name` is the action's name from `<lang>.json`). */
	labels: { settings: string; push: string; touch: string; turnLeft: string; turnRight: string };
}

/** What a key or dial currently shows (from setImage, setTitle, setState, setFeedback, setFeedbackLayout). */
export interface SlotView {
	image?: string;
	title?: string;
	state: number;
	layout?: string;
	feedback: Record<string, unknown>;
}

export type Tone = "ok" | "warn" | "off" | "info";

/** One line of the status bar. */
export interface StatusItem {
	id: "api" | "ingest" | "obs" | "live";
	tone: Tone;
	text: string;
	/** A longer explanation: how to fix it. */
	hint?: string;
	/** The live item in sandbox mode: whether the current live is on air (the page offers to simulate it). */
	onAir?: boolean;
}

export interface LogLine {
	/** ms since the server started. */
	at: number;
	/** "out": the plugin sent it; "in": the page (user) sent it to the plugin; "note": the server says so. */
	direction: "out" | "in" | "note";
	event: string;
	/** Slot name (action name) when the message is about a key or dial. */
	target?: string;
	/** Short payload summary with secrets masked; never an image. */
	summary?: string;
}

export type ServerMessage =
	| {
			type: "hello";
			slots: SlotInfo[];
			views: Record<string, SlotView>;
			status: StatusItem[];
			log: LogLine[];
			/** Whether the page may offer "simulate on air" (sandbox mode). */
			sandbox: boolean;
	  }
	| { type: "view"; context: string; view: SlotView }
	| { type: "flash"; context: string; kind: "alert" | "ok" }
	| { type: "status"; status: StatusItem[] }
	| { type: "log"; line: LogLine }
	| { type: "inspector"; context: string; url: string | null; reason?: string };

export type ClientMessage =
	| { type: "keyDown" | "keyUp" | "dialDown" | "dialUp"; context: string }
	| { type: "dialRotate"; context: string; ticks: number }
	| { type: "touchTap"; context: string; hold: boolean }
	| { type: "select"; context: string }
	| { type: "simulateOnAir"; onAir: boolean };
