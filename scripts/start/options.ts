/** Command-line options of `npm start` (after `--`). */
import { parseArgs } from "node:util";
import { isLanguage, LANGUAGES } from "../../src/i18n/languages.ts";
import type { VirtualDeckOptions } from "./virtual-deck.ts";

export const USAGE = `Usage: npm start -- [options]

  --real-api            Use the real Dailymotion API (enter your credentials in the inspector) instead of the sandbox
  --api <legacy|v2>     Which Dailymotion API the plugin uses (default legacy); the sandbox serves both
  --port <n>            Port of the page on 127.0.0.1 (default 8420; 0 = any free port)
  --obs-url <ws://…>    OBS WebSocket URL (default: the saved one, else ws://127.0.0.1:4455)
  --settings <file>     Settings file (default .local/start-settings.json)
  --no-ingest           Do not start the RTMP ingest (nginx-rtmp)
  --language <code>     Stream Deck's language: en (default), fr, de, es, ja, zh_CN, ko
  -h, --help            Show this help`;

export type CliOptions = { help: true } | ({ help: false } & VirtualDeckOptions);

/** Parses argv; throws an Error with a readable message on bad input. */
export function parseCliOptions(argv: string[]): CliOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			"real-api": { type: "boolean" },
			api: { type: "string" },
			port: { type: "string" },
			"obs-url": { type: "string" },
			settings: { type: "string" },
			"no-ingest": { type: "boolean" },
			language: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
		strict: true,
	});
	if (values.help) return { help: true };
	const port = values.port === undefined ? undefined : Number(values.port);
	if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new Error(`--port must be a port number, not ${values.port}`);
	const api = values.api;
	if (api !== undefined && api !== "legacy" && api !== "v2") throw new Error(`--api must be legacy or v2, not ${api}`);
	const obsUrl = values["obs-url"];
	if (obsUrl !== undefined && !/^wss?:\/\/[^\s]+$/.test(obsUrl)) throw new Error(`--obs-url must look like ws://127.0.0.1:4455, not ${obsUrl}`);
	const language = values.language;
	if (language !== undefined && !isLanguage(language)) throw new Error(`--language must be one of ${LANGUAGES.join(", ")}, not ${language}`);
	return {
		help: false,
		realApi: values["real-api"] ?? false,
		api,
		port,
		obsUrl,
		settingsFile: values.settings,
		ingest: values["no-ingest"] ? false : undefined,
		language,
	};
}
