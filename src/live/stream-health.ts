import type { StreamStats } from "../obs/index.js";

/**
 * The one place the stream-health thresholds live. Dropped frames and congestion are judged over a recent window
 * (what is happening now); the whole-stream dropped percentage is shown, not judged, so one bad minute does not
 * keep a key amber for the rest of the show.
 */
export const HEALTH_THRESHOLDS = {
	/** Frames dropped over {@link HEALTH_WINDOWS.droppedMs} (%): OBS's own stats turn yellow past 1 %, red past 5 %. */
	droppedPct: { amber: 1, red: 5 },
	/** OBS's congestion (0–1, its send buffer against its drop threshold), averaged over the congestion window. */
	congestion: { amber: 0.3, red: 0.7 },
	/** Not one byte sent for this long while streaming: the ingest stalled. */
	stalledMs: 2_000,
} as const;

/** How far back each figure looks. */
export const HEALTH_WINDOWS = {
	/** Bitrate: over this much of the latest samples (one per second), so one late answer does not make it jump. */
	bitrateMs: 2_000,
	droppedMs: 10_000,
	congestionMs: 5_000,
} as const;

/** The longest window: samples older than this (plus a poll) are no longer needed. */
export const HEALTH_HISTORY_MS = Math.max(...Object.values(HEALTH_WINDOWS)) + 1_000;

export type HealthLevel = "ok" | "amber" | "red";
/** Why a stream is not ok, most serious first. */
export type HealthReason = "reconnecting" | "stalled" | "dropped-frames" | "congestion";

/** One `GetStreamStatus` answer and when it arrived (ms epoch). */
export type StreamSample = StreamStats & { at: number };

/** What a streamer reads off the key. Null figures are not known yet (a single sample has no rate). */
export interface HealthFigures {
	/** Kilobits per second sent over the latest samples. */
	kbps: number | null;
	/** Dropped frames over the recent window (%). */
	droppedPct: number | null;
	/** Dropped frames since the stream (re)connected (%), as OBS's stats show it. */
	droppedPctTotal: number | null;
	/** Mean congestion over the congestion window (0–1). */
	congestion: number | null;
	reconnecting: boolean;
	/** How long no byte has been sent (0 while bytes flow). */
	stalledMs: number;
}

/** The stream's health as the keys show it. */
export type StreamHealth =
	/** Not streaming, or nothing asked for it: no figures. */
	| { kind: "idle" }
	/** Streaming, but OBS did not answer (in time) or answered something unreadable. */
	| { kind: "unknown"; error: unknown }
	| ({ kind: "measured"; level: HealthLevel; reasons: HealthReason[]; at: number } & HealthFigures);

/**
 * Figures from consecutive samples of one output session (oldest first; a counter reset starts a new list).
 * Rates use the oldest sample inside each window as the reference.
 */
export function healthFigures(samples: readonly StreamSample[]): HealthFigures {
	const last = samples.at(-1);
	if (!last) return { kbps: null, droppedPct: null, droppedPctTotal: null, congestion: null, reconnecting: false, stalledMs: 0 };
	const since = (windowMs: number) => samples.find((s) => s !== last && s.at >= last.at - windowMs);
	const rateRef = since(HEALTH_WINDOWS.bitrateMs);
	const kbps = rateRef && last.at > rateRef.at ? ((last.bytes - rateRef.bytes) * 8) / (last.at - rateRef.at) : null;
	const dropRef = since(HEALTH_WINDOWS.droppedMs);
	const frames = dropRef ? last.totalFrames - dropRef.totalFrames : 0;
	const droppedPct = dropRef && frames > 0 ? (100 * (last.skippedFrames - dropRef.skippedFrames)) / frames : null;
	const droppedPctTotal = last.totalFrames > 0 ? (100 * last.skippedFrames) / last.totalFrames : null;
	const congested = samples.filter((s) => s.at >= last.at - HEALTH_WINDOWS.congestionMs && s.congestion !== null);
	const congestion = congested.length > 0 ? congested.reduce((sum, s) => sum + (s.congestion ?? 0), 0) / congested.length : null;
	return { kbps, droppedPct, droppedPctTotal, congestion, reconnecting: last.reconnecting, stalledMs: stalledFor(samples) };
}

/** Time since the byte counter last moved (0 while reconnecting: that has its own reason). */
function stalledFor(samples: readonly StreamSample[]): number {
	const last = samples.at(-1)!;
	if (last.reconnecting) return 0;
	let firstSame = last;
	for (let i = samples.length - 2; i >= 0 && samples[i]!.bytes === last.bytes; i--) firstSame = samples[i]!;
	return last.at - firstSame.at;
}

/** The level and its reasons from the thresholds above: red if any figure is red, amber if any is amber. */
export function healthLevel(figures: HealthFigures): { level: HealthLevel; reasons: HealthReason[] } {
	const t = HEALTH_THRESHOLDS;
	const red: HealthReason[] = [];
	const amber: HealthReason[] = [];
	if (figures.reconnecting) red.push("reconnecting");
	if (figures.stalledMs >= t.stalledMs) red.push("stalled");
	const judge = (value: number | null, limits: { amber: number; red: number }, reason: HealthReason) => {
		if (value === null) return;
		if (value >= limits.red) red.push(reason);
		else if (value >= limits.amber) amber.push(reason);
	};
	judge(figures.droppedPct, t.droppedPct, "dropped-frames");
	judge(figures.congestion, t.congestion, "congestion");
	if (red.length > 0) return { level: "red", reasons: [...red, ...amber] };
	return { level: amber.length > 0 ? "amber" : "ok", reasons: amber };
}

/** The health the keys show for these samples. */
export function measuredHealth(samples: readonly StreamSample[]): StreamHealth {
	const figures = healthFigures(samples);
	return { kind: "measured", ...healthLevel(figures), ...figures, at: samples.at(-1)?.at ?? 0 };
}

/** What keys subscribe to (the monitor, created only once a key needs it). */
export interface StreamHealthSource {
	/** Calls `listener` whenever the health changes; polling runs only while someone subscribes. */
	subscribe(listener: (health: StreamHealth) => void): () => void;
	readonly health: StreamHealth;
}

/**
 * A health source that builds the real one on the first subscription, so a deck without a key showing health never
 * creates the monitor (nor reads OBS for it).
 */
export function lazyHealthSource(create: () => StreamHealthSource): StreamHealthSource {
	let source: StreamHealthSource | undefined;
	return {
		subscribe: (listener) => (source ??= create()).subscribe(listener),
		get health() {
			return source?.health ?? { kind: "idle" };
		},
	};
}
