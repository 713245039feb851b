/**
 * Profile settings of a real OBS under test, through its own obs-websocket session (the plugin's stays untouched).
 */
import { OBSWebSocket } from "obs-websocket-js/json";
import type { RealObs } from "./obs.ts";

/**
 * Sets the video bitrate of OBS's (simple mode) output, before a stream starts. A high bitrate fills the loopback
 * socket buffers (several MB) within seconds when a proxy throttles the ingest, so a degraded link shows quickly.
 */
export async function setVideoBitrate(obs: Pick<RealObs, "url" | "password">, kbps: number): Promise<void> {
	const client = new OBSWebSocket();
	await client.connect(obs.url, obs.password);
	try {
		await client.call("SetProfileParameter", { parameterCategory: "SimpleOutput", parameterName: "VBitrate", parameterValue: String(kbps) });
	} finally {
		await client.disconnect();
	}
}
