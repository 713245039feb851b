/**
 * `npm run bench`: builds the plugin, runs each figure group against the built bundle in the host simulator
 * (sandbox with injected latency, real OBS when installed) and prints the table. See options.ts for flags.
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { benchAdBreak } from "./ad-break.ts";
import { benchCountdown } from "./countdown.ts";
import { benchCreateLive } from "./create-live.ts";
import type { Figure } from "./figure.ts";
import { benchIdle } from "./idle.ts";
import { parseOptions, type BenchOptions, type Group } from "./options.ts";
import { benchStartup } from "./startup.ts";
import { renderTable } from "./table.ts";

const GROUP_RUNNERS: Record<Group, (options: BenchOptions) => Promise<Figure[]>> = {
	startup: benchStartup,
	create: benchCreateLive,
	adbreak: benchAdBreak,
	countdown: benchCountdown,
	idle: benchIdle,
};

const options = parseOptions(process.argv.slice(2));
if (options.build) {
	const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const figures: Figure[] = [];
for (const group of options.groups) {
	process.stderr.write(`bench: ${group}…\n`);
	figures.push(...(await GROUP_RUNNERS[group](options)));
}

console.log(
	`\nDailymotion Live bench: API latency ${options.latencyMs} ms, ${options.runs} runs, ` +
		`${cpus().length} CPU(s), Node ${process.version}, ${new Date().toISOString()}\n`,
);
console.log(renderTable(figures));
