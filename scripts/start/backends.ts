/**
 * What the plugin talks to besides OBS: in the default mode the Dailymotion sandbox plus an RTMP ingest whose
 * publish hooks go to the sandbox (so a live goes on air when OBS streams to it); with --real-api, nothing.
 */
import { ingestAvailable, startIngest, type Ingest } from "../../test/harness/ingest.ts";
import { startSandbox, type Sandbox } from "../../test/harness/sandbox/index.ts";
import { sandboxAccountSettings } from "../../test/harness/stack.ts";

export interface Backends {
	sandbox: Sandbox | undefined;
	ingest: Ingest | undefined;
	/** Why there is no ingest (for the page), when there is none in sandbox mode. */
	ingestProblem: string | undefined;
	/**
	 * Global settings of the sandbox's accounts: the legacy partner key and the API v2 key, so the inspector can switch
	 * between them (with --real-api, only the chosen API version, if any).
	 */
	accountSettings: Record<string, string>;
	close(): Promise<void>;
}

export const NGINX_MISSING =
	"nginx with the RTMP module is not installed (apt install nginx-light libnginx-mod-rtmp), so OBS cannot stream to the sandbox; use “Simulate on air” instead";

export async function startBackends(opts: { realApi: boolean; ingest: boolean | undefined; api?: "legacy" | "v2" }): Promise<Backends> {
	const version: Record<string, string> = opts.api ? { apiVersion: opts.api } : {};
	if (opts.realApi) {
		return { sandbox: undefined, ingest: undefined, ingestProblem: undefined, accountSettings: version, close: async () => undefined };
	}
	// The ingest reads its hook URLs per publish, so they can be filled in once the sandbox exists.
	const hooks = { publish: "", done: "" };
	let ingest: Ingest | undefined;
	let ingestProblem: string | undefined;
	if (opts.ingest === false) ingestProblem = "RTMP ingest disabled (--no-ingest)";
	else if (!ingestAvailable) ingestProblem = NGINX_MISSING;
	else {
		try {
			ingest = await startIngest({ hooks });
		} catch (err) {
			ingestProblem = `RTMP ingest failed to start: ${(err as Error).message.split("\n")[0]}`;
		}
	}
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({ ingestUrl: ingest?.url });
	} catch (err) {
		await ingest?.stop();
		throw err;
	}
	Object.assign(hooks, sandbox.ingestHooks);
	return {
		sandbox,
		ingest,
		ingestProblem,
		accountSettings: {
			...sandboxAccountSettings(sandbox, "partner"),
			...sandboxAccountSettings(sandbox, "v2"),
			apiVersion: opts.api ?? "legacy",
		},
		close: async () => {
			await sandbox.close().catch(() => undefined);
			await ingest?.stop().catch(() => undefined);
		},
	};
}
