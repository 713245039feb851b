/**
 * The logging surface domain code depends on. The plugin passes a scoped `streamDeck.logger`;
 * tests pass a recorder. Domain modules never import the SDK, so they run without it.
 */
export interface Logger {
	error(...args: unknown[]): unknown;
	warn(...args: unknown[]): unknown;
	info(...args: unknown[]): unknown;
	debug(...args: unknown[]): unknown;
}

/** A logger that drops everything (default for library code used without a plugin). */
export const silentLogger: Logger = {
	error: () => undefined,
	warn: () => undefined,
	info: () => undefined,
	debug: () => undefined,
};
