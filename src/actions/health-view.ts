import type { Messages } from "../i18n/messages.js";
import type { HealthLine, StreamAlarm } from "../keys/index.js";
import type { HealthReason, StreamHealth } from "../live/stream-health.js";

const ALARMS: Record<HealthReason, StreamAlarm> = {
	reconnecting: "stalled",
	stalled: "stalled",
	"dropped-frames": "dropped",
	congestion: "congested",
};

/** The Stream key's alarm for this health: its level and most serious reason; undefined while the stream is fine. */
export function streamAlarm(health: StreamHealth): { level: "amber" | "red"; reason: StreamAlarm } | undefined {
	if (health.kind !== "measured" || health.level === "ok") return undefined;
	return { level: health.level, reason: ALARMS[health.reasons[0] ?? "stalled"] };
}

/** "4,210 kb/s" in the user's language; undefined until two samples gave a rate. */
export function bitrateText(health: StreamHealth, m: Messages): string | undefined {
	if (health.kind !== "measured" || health.kbps === null) return undefined;
	return m.t("unit.kbps", { kbps: m.number(Math.round(health.kbps)) });
}

/** Live Status's second line: the bitrate, coloured by the level. */
export function healthLine(health: StreamHealth, m: Messages): HealthLine | undefined {
	const text = bitrateText(health, m);
	return text === undefined || health.kind !== "measured" ? undefined : { text, level: health.level };
}
