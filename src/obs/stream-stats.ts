import * as z from "zod/mini";
import type { ObsConnection } from "./connection.js";
import { ObsError } from "./errors.js";

/** OBS's stream output counters at one instant (`GetStreamStatus`). Counters restart at 0 after a reconnect. */
export interface StreamStats {
	active: boolean;
	reconnecting: boolean;
	/** Bytes sent to the ingest since the output (re)connected. */
	bytes: number;
	/** Frames the output dropped (network), and all frames it got, since it (re)connected. */
	skippedFrames: number;
	totalFrames: number;
	/** 0–1: the send buffer relative to OBS's drop threshold; null when this OBS does not report it. */
	congestion: number | null;
}

const count = z.number().check(z.nonnegative());

/** Only the fields read; OBS answers are checked like API answers (bad input must not crash a key). */
const streamStatusSchema = z.object({
	outputActive: z.boolean(),
	outputReconnecting: z.catch(z.boolean(), false),
	outputBytes: count,
	outputSkippedFrames: count,
	outputTotalFrames: count,
	outputCongestion: z.catch(z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))), null),
});

/** Reads the stream's counters (one `GetStreamStatus`, with the connection's per-call timeout). */
export async function readStreamStats(obs: ObsConnection): Promise<StreamStats> {
	const parsed = streamStatusSchema.safeParse(await obs.call("GetStreamStatus"));
	if (!parsed.success) throw new ObsError("request-failed", "OBS sent a stream status this plugin cannot read");
	const status = parsed.data;
	return {
		active: status.outputActive,
		reconnecting: status.outputReconnecting,
		bytes: status.outputBytes,
		skippedFrames: status.outputSkippedFrames,
		totalFrames: status.outputTotalFrames,
		congestion: status.outputCongestion ?? null,
	};
}
