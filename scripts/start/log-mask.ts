/**
 * Masks what the event log shows: values of secret-looking keys, the stream key part of rtmp URLs, and any known
 * secret value wherever it appears. Images are never shipped to the log.
 */
import { mask } from "../../src/secrets.ts";

/** Keys whose values are secrets (global settings, OBS stream settings, tokens). */
const SECRET_KEY = /secret|password|token|api_?key$|^key$|stream_?key|^auth$/i;
/** rtmp(s)://host/app/<stream key ...> — the last path segment and its query are the stream key. */
const RTMP_URL = /\brtmps?:\/\/[^\s"'<>]+/gi;
const MAX_SUMMARY = 180;

/** Masks rtmp stream keys and the given secret values inside free text. */
export function maskText(text: string, secrets: readonly string[] = []): string {
	let out = text.replace(RTMP_URL, (url) => {
		const queryAt = url.indexOf("?");
		const path = queryAt === -1 ? url : url.slice(0, queryAt);
		const slash = path.lastIndexOf("/");
		if (slash <= url.indexOf("//") + 1) return url;
		const key = url.slice(slash + 1);
		return key ? `${url.slice(0, slash + 1)}${maskSecret(key)}` : url;
	});
	for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(maskSecret(secret));
	return out;
}

/** `…a1b2` for anything long enough to keep four characters of; `…` otherwise. */
export function maskSecret(value: string): string {
	return mask(value) || "…";
}

/** A deep copy fit for display: secret keys masked, images replaced, strings scanned for stream keys. */
export function maskValue(value: unknown, secrets: readonly string[] = [], key = ""): unknown {
	if (typeof value === "string") {
		if (value.startsWith("data:")) return "<image>";
		if (SECRET_KEY.test(key) && value !== "") return maskSecret(value);
		return maskText(value, secrets);
	}
	if (Array.isArray(value)) return value.map((v) => maskValue(v, secrets));
	if (value !== null && typeof value === "object") {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, secrets, k)]));
	}
	return value;
}

/** The secret values of a global settings object (to catch them where they appear under another name). */
export function secretsOf(globalSettings: Record<string, unknown>): string[] {
	return Object.entries(globalSettings)
		.filter(([k, v]) => SECRET_KEY.test(k) && typeof v === "string" && v.length >= 4)
		.map(([, v]) => v as string);
}

/** One short, masked line about a plugin → host command (or a host → plugin event). */
export function summarize(event: string, payload: unknown, secrets: readonly string[] = []): string | undefined {
	const p = (payload ?? {}) as Record<string, unknown>;
	switch (event) {
		case "setImage":
			return p.image === undefined || p.image === "" ? "manifest image" : undefined;
		case "setTitle":
			return p.title === undefined ? "manifest title" : JSON.stringify(maskText(String(p.title), secrets).replaceAll("\n", " ⏎ "));
		case "setState":
			return `state ${String(p.state)}`;
		case "setFeedbackLayout":
			return String(p.layout);
		case "setFeedback":
			return shorten(
				Object.entries(maskValue(p, secrets) as Record<string, unknown>)
					.map(([k, v]) => `${k}=${typeof v === "object" && v !== null && "value" in v ? String((v as { value: unknown }).value) : JSON.stringify(v)}`)
					.join(" "),
			);
		case "openUrl":
			return maskText(String(p.url ?? ""), secrets);
		case "showOk":
		case "showAlert":
		case "getSettings":
		case "getGlobalSettings":
		case "registerPlugin":
			return undefined;
		default:
			return payload === undefined ? undefined : shorten(JSON.stringify(maskValue(payload, secrets)));
	}
}

function shorten(text: string): string {
	return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
