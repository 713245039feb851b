/** Key colours: dark Dailymotion-like background, white text, and one accent per meaning. */
export const palette = {
	/** Default key background. */
	background: "#0D0D0D",
	/** Background of keys that are on air, so "live" is visible from across the room. */
	liveBackground: "#D70015",
	/** Background of an on-air key whose stream needs attention (amber health). */
	amberBackground: "#6B4500",
	/** Dailymotion-like blue: the neutral "ready to press" accent. */
	blue: "#0A66FF",
	/** On air / recording. */
	red: "#FF3B30",
	/** Success. */
	green: "#30D158",
	/** Warning, in progress, needs attention. */
	amber: "#FFB020",
	/** Inactive or unavailable. */
	grey: "#8E8E93",
	/** Track of progress rings and toggles. */
	track: "#2C2C2E",
	/** Main text. */
	white: "#FFFFFF",
	/** Secondary text on the dark background. */
	muted: "#C7C7CC",
} as const;
