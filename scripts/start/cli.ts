/** `npm start` entry: starts the virtual deck, prints its URL, stops everything cleanly on Ctrl-C. */
import "../src-imports.ts"; // before anything that reaches src/ (which imports its siblings as "./x.js")

const { parseCliOptions, USAGE } = await import("./options.ts");
const { startVirtualDeck } = await import("./virtual-deck.ts");

async function main(): Promise<void> {
	let options;
	try {
		options = parseCliOptions(process.argv.slice(2));
	} catch (err) {
		console.error(`${(err as Error).message}\n\n${USAGE}`);
		process.exitCode = 2;
		return;
	}
	if (options.help) {
		console.log(USAGE);
		return;
	}
	const api = options.api === "v2" ? "API v2" : "the legacy API";
	console.log(options.realApi ? `Starting the plugin against the real Dailymotion API (${api})…` : `Starting the Dailymotion sandbox, RTMP ingest and plugin (${api})…`);
	const deck = await startVirtualDeck(options);
	if (deck.sandbox) console.log(`Dailymotion sandbox: ${deck.sandbox.url}`);
	if (deck.ingest) console.log(`RTMP ingest:         ${deck.ingest.url}`);
	else if (deck.sandbox) console.log(`RTMP ingest:         not started: ${deck.ingestProblem ?? "unknown reason"}`);
	console.log(`Settings file:       ${deck.settingsFile}`);
	console.log(`\nVirtual Stream Deck: ${deck.url}\n\nOpen it in a browser. Ctrl-C stops everything.`);

	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) {
			console.log("Forced exit.");
			process.exit(1);
		}
		stopping = true;
		console.log(`\n${signal}: stopping the plugin, sandbox and ingest…`);
		deck
			.close()
			.then(() => console.log("Stopped."))
			.catch((err: unknown) => {
				console.error("Stopping failed:", err);
				process.exitCode = 1;
			});
	};
	process.on("SIGINT", () => stop("Ctrl-C"));
	process.on("SIGTERM", () => stop("SIGTERM"));
	// A bug must not leave nginx or the plugin running without us.
	process.on("uncaughtException", (err) => {
		console.error("npm start crashed:", err);
		process.exitCode = 1;
		stop("crash");
	});
}

main().catch((err: unknown) => {
	console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
	if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") console.error("That port is taken: pass another one, e.g. `npm start -- --port 0` (any free port).");
	else if (/bin\/plugin\.js|ENOENT/.test(String(err))) console.error("Is the plugin built? `npm start` runs `npm run build` first.");
	process.exitCode = 1;
});
