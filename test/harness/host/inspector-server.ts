import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, posix, resolve, sep } from "node:path";
import type { HttpHandler } from "./plugin-server.ts";

/** What the app hands to one property inspector page. */
export interface InspectorPage {
	/** PropertyInspectorPath relative to the plugin folder (action-level, else plugin-level). */
	path: string;
	/** The PI's `propertyInspectorUUID` (the app uses the action's context). */
	uuid: string;
	/** `actionInfo`: `{action, context, device, payload:{settings, coordinates, controller, isInMultiAction}}`. */
	actionInfo: Record<string, unknown>;
}

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
	".json": "application/json",
	".map": "application/json",
};

/**
 * Serves property inspectors like the app loads them: `/inspector/<context>` is the action's PI HTML with a
 * `<base>` pointing at its folder (so relative assets load from `/plugin/…`) and a bootstrap that calls the
 * page's `connectElgatoStreamDeckSocket(port, uuid, "registerPropertyInspector", info, actionInfo)` on load.
 */
export function inspectorHttpHandler(opts: {
	pluginDir: string;
	port: () => number;
	/** `-info` JSON, as the plugin gets it. */
	info: () => string;
	page: (context: string) => InspectorPage | undefined;
}): HttpHandler {
	const root = resolve(opts.pluginDir);
	return (req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
		const serve = async (): Promise<void> => {
			if (path.startsWith("/inspector/")) return await servePage(res, path.slice("/inspector/".length));
			if (path.startsWith("/plugin/")) return await serveFile(res, path.slice("/plugin/".length));
			if (path === "/favicon.ico") return void res.writeHead(204).end(); // the app's webview asks for none
			notFound(res, `no route for ${path}`);
		};
		serve().catch((err: unknown) => notFound(res, (err as Error).message));
	};

	async function servePage(res: ServerResponse, context: string): Promise<void> {
		const page = opts.page(context);
		if (!page) return notFound(res, `no visible action ${context} with a PropertyInspectorPath`);
		const html = await readFile(inside(page.path), "utf8");
		const dir = posix.dirname(page.path);
		const base = `<base href="/plugin/${dir === "." ? "" : `${dir}/`}">`;
		const args = [opts.port(), JSON.stringify(page.uuid), JSON.stringify("registerPropertyInspector"), JSON.stringify(opts.info()), JSON.stringify(JSON.stringify(page.actionInfo))];
		const boot = `<script>window.addEventListener("load", () => connectElgatoStreamDeckSocket(${args.join(", ")}));</script>`;
		const withBase = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${base}`) : base + html;
		const body = /<\/body>/i.test(withBase) ? withBase.replace(/<\/body>/i, `${boot}</body>`) : withBase + boot;
		send(res, ".html", body);
	}

	async function serveFile(res: ServerResponse, relative: string): Promise<void> {
		send(res, extname(relative), await readFile(inside(relative)));
	}

	/** The absolute path of a plugin file; refuses anything outside the plugin folder. */
	function inside(relative: string): string {
		const full = resolve(root, relative);
		if (full !== root && !full.startsWith(root + sep)) throw new Error(`outside the plugin folder: ${relative}`);
		return full;
	}
}

function send(res: ServerResponse, ext: string, body: string | Buffer): void {
	res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
}

function notFound(res: ServerResponse, why: string): void {
	if (!res.headersSent) res.writeHead(404, { "content-type": "text/plain" }).end(`host: ${why}`);
}
