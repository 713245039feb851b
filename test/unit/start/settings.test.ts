import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deckSlots } from "../../../scripts/start/deck-layout.ts";
import { parseCliOptions } from "../../../scripts/start/options.ts";
import { PLUGIN_DIR } from "../../harness/stack.ts";
import { loadSettings, saveSettings } from "../../../scripts/start/settings-file.ts";
import { initialGlobalSettings } from "../../../scripts/start/settings-sync.ts";

describe("npm start settings and options", () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});
	const tempFile = (): string => {
		const dir = mkdtempSync(join(tmpdir(), "start-settings-"));
		dirs.push(dir);
		return join(dir, "nested", "start-settings.json");
	};

	it("round-trips settings through an owner-only file", () => {
		const file = tempFile();
		const settings = { global: { "real-api": { apiKey: "k", apiSecret: "s" } }, keys: { "key-create": { title: "Show" } } };

		saveSettings(file, settings);

		expect(loadSettings(file).settings).toEqual(settings);
		expect(statSync(file).mode & 0o077).toBe(0);
	});

	it("starts empty, with a reason, when the file is not JSON", () => {
		const file = tempFile();
		saveSettings(file, { global: {}, keys: {} });
		writeFileSync(file, "{ not json");

		const loaded = loadSettings(file);

		expect(loaded.settings).toEqual({ global: {}, keys: {} });
		expect(loaded.problem).toContain("not valid JSON");
		expect(readFileSync(file, "utf8")).toBe("{ not json");
	});

	it("puts this run's sandbox account over saved settings and drops the saved live", () => {
		const saved = { global: { sandbox: { apiSecret: "old", obsPassword: "pw", obsUrl: "ws://10.0.0.2:4455", liveId: "xold" } }, keys: {} };

		const global = initialGlobalSettings({ saved, target: "sandbox", accountSettings: { apiSecret: "new" }, obsUrl: undefined });

		expect(global).toEqual({ apiSecret: "new", obsPassword: "pw", obsUrl: "ws://10.0.0.2:4455" });
	});

	it("keeps real-API settings apart from the sandbox's, and --obs-url wins", () => {
		const saved = { global: { sandbox: { apiKey: "sandbox" }, "real-api": { apiKey: "mine", liveId: "x1" } }, keys: {} };

		const global = initialGlobalSettings({ saved, target: "real-api", accountSettings: {}, obsUrl: "ws://127.0.0.1:4466" });

		expect(global).toEqual({ apiKey: "mine", liveId: "x1", obsUrl: "ws://127.0.0.1:4466" });
	});

	it("parses the command line and refuses bad values", () => {
		expect(parseCliOptions(["--real-api", "--port", "0", "--no-ingest"])).toMatchObject({ help: false, realApi: true, port: 0, ingest: false });
		expect(parseCliOptions([])).toMatchObject({ help: false, realApi: false, port: undefined, ingest: undefined, api: undefined });
		expect(parseCliOptions(["--api", "v2"])).toMatchObject({ help: false, api: "v2" });
		expect(() => parseCliOptions(["--api", "v3"])).toThrow("--api must be legacy or v2, not v3");
		expect(() => parseCliOptions(["--port", "http"])).toThrow("--port must be a port number");
		expect(() => parseCliOptions(["--obs-url", "127.0.0.1:4455"])).toThrow("--obs-url must look like ws://");
		expect(() => parseCliOptions(["--realapi"])).toThrow();
		expect(parseCliOptions(["--language", "fr"])).toMatchObject({ help: false, language: "fr" });
		expect(() => parseCliOptions(["--language", "french"])).toThrow("--language must be one of en, fr, de, es, ja, zh_CN, ko");
	});

	it("names the virtual deck's keys in the deck's language, as the app does from <lang>.json", () => {
		const names = (language: string) => deckSlots(PLUGIN_DIR, language).map((s) => [s.id, s.name, s.labels.settings, s.lang]);
		expect(names("fr")).toContainEqual(["key-adbreak", "Coupure pub", "Réglages de «\u00a0Coupure pub\u00a0»", "fr"]);
		expect(names("de")).toContainEqual(["key-create", "Livestream anlegen", "Livestream anlegen: Einstellungen", "de"]);
		expect(names("zh_TW")).toContainEqual(["key-adbreak", "Ad Break", "Ad Break settings", "en"]);
		expect(deckSlots(PLUGIN_DIR, "ja").find((s) => s.id === "dial-status")?.labels).toMatchObject({ push: "ライブの状態：押す", turnLeft: "左に回す" });
	});
});
