/**
 * Secrets (API secret, passwords, tokens, the publish URL's stream key) must never reach logs, titles,
 * errors or inspector messages. These helpers make that the easy path.
 */

/** Shows only the last four characters: `…a1b2`. Short values are fully hidden. */
export function mask(secret: string | undefined): string {
	if (!secret) return "";
	return secret.length <= 8 ? "…" : `…${secret.slice(-4)}`;
}

/** Replaces every occurrence of each secret (and the `auth=` query value of URLs) in `text`. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
	let out = text.replace(/([?&]auth=)[^&\s"']+/gi, "$1…");
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join(mask(secret));
	}
	return out;
}
