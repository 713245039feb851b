/**
 * Random and hostile settings through every settings parser: never a throw, always a complete value, and problems
 * that are catalog messages (short sentences in every language) without the user's values (a value may be a secret).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAdBreakSettings } from "../../../src/settings/ad-break.ts";
import { apiConfigFrom } from "../../../src/settings/api-config.ts";
import { parseCreateLiveSettings } from "../../../src/settings/create-live.ts";
import { globalSettingsSchema, parseGlobalSettings } from "../../../src/settings/global.ts";
import { parseSendToObsSettings } from "../../../src/settings/send-to-obs.ts";
import { LANGUAGES } from "../../../src/i18n/languages.ts";
import { catalogMessages } from "../../../src/i18n/catalogs/index.ts";
import { problemText } from "../../../src/settings/problems.ts";

const messages = LANGUAGES.map(catalogMessages);

const SECRET = "S3cr3t-Value-7f1c9a";

/** Anything at all, or an object whose keys are the real setting names with hostile values. */
function hostileSettings(keys: readonly string[]) {
	const value = fc.oneof(
		fc.anything(),
		fc.string(),
		fc.constantFrom("", " ", "null", "true", "false", "0", "-1", "1e309", "NaN", "__proto__", "http://evil", "ws://", SECRET),
		fc.double(),
		fc.bigInt().map(String),
	);
	return fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keys, "__proto__", "constructor"), value));
}

const parsers = [
	["global", parseGlobalSettings, Object.keys(globalSettingsSchema.shape)],
	["Create Live", parseCreateLiveSettings, ["title", "channel", "forKids", "private", "afterCreate"]],
	["Ad Break", parseAdBreakSettings, ["cooldown"]],
	["Send to OBS", parseSendToObsSettings, ["start"]],
] as const;

describe.each(parsers)("%s settings", (_name, parse, keys) => {
	it("never throw and always give a complete value that parses cleanly again", () => {
		fc.assert(
			fc.property(hostileSettings(keys), (raw) => {
				const { value, problems } = parse(raw as never);
				expect(Array.isArray(problems)).toBe(true);
				for (const problem of problems) {
					expect(problem).toMatch(/^problem\./);
					for (const m of messages) expect(problemText(m, problem)).toMatch(/^\S.{5,120}$/s);
				}
				expect(parse(value as never).problems).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});

	it("never quote a value in a problem", () => {
		fc.assert(
			fc.property(fc.constantFrom(...keys), fc.constantFrom([SECRET], { v: SECRET }, `${SECRET}\u0000`, `://${SECRET}`), (key, bad) => {
				const { problems } = parse({ [key]: bad } as never);
				for (const problem of problems) expect(problemText(messages[0]!, problem)).not.toContain("S3cr3t");
			}),
		);
	});
});

describe("global settings → API configuration", () => {
	it("never throws, and allows plain http only to this machine", () => {
		const host = fc.constantFrom("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "example.com", "10.0.0.1", "localhost.evil.com", "127.0.0.1.nip.io");
		const url = fc.tuple(fc.constantFrom("http", "https", "ftp", "ws"), host, fc.constantFrom("", ":8080", ":1"), fc.webPath()).map(([p, h, port, path]) => `${p}://${h}${port}${path}`);
		fc.assert(
			fc.property(fc.oneof(url, fc.string()), fc.oneof(url, fc.string()), fc.constantFrom("partner", "user", "x"), (apiUrl, tokenUrl, apiMode) => {
				const result = apiConfigFrom(parseGlobalSettings({ apiUrl, tokenUrl, apiMode }).value);
				if (!result.ok) {
					expect(result.problem).toMatch(/^problem\.(apiUrl|tokenUrl)\.https$/);
					return;
				}
				for (const target of [result.config.apiUrl, result.config.tokenUrl]) {
					const { protocol, hostname } = new URL(target);
					if (protocol !== "https:") expect(["localhost", "[::1]"].includes(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname)).toBe(true);
				}
			}),
			{ numRuns: 500 },
		);
	});
});
