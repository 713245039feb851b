/** Random identifiers: credentials, xids and tokens. */
import { randomBytes, randomInt } from "node:crypto";
import type { SandboxCredentials } from "./types.ts";

const xidAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A Dailymotion-looking id: "x" + 7 lowercase alphanumerics. */
export function newXid(): string {
	let id = "x";
	for (let i = 0; i < 7; i++) id += xidAlphabet[randomInt(xidAlphabet.length)];
	return id;
}

/** An opaque random secret of `bytes` bytes, hex-encoded. */
export function randomSecret(bytes = 20): string {
	return randomBytes(bytes).toString("hex");
}

/** Fresh credentials for one sandbox instance. */
export function newCredentials(): SandboxCredentials {
	// The v2 key manages the partner's channel: one profile, reachable through either API.
	const profileId = newXid();
	return {
		partner: { apiKey: randomSecret(10), apiSecret: randomSecret(20), profileId },
		user: {
			apiKey: randomSecret(10),
			apiSecret: randomSecret(20),
			username: `sandbox-${randomSecret(3)}`,
			password: randomSecret(12),
			uid: newXid(),
		},
		v2: { apiKey: randomSecret(10), apiSecret: randomSecret(20), profileId, profiles: [{ profileId, name: "Sandbox channel" }, { profileId: newXid(), name: "Second channel" }] },
	};
}
