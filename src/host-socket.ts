// The SDK keeps its socket private and has no close event (stream-deck.md §6.1, §9); this deep import is the only
// way to learn that Stream Deck went away. The module is a singleton, so this is the very connection the SDK uses.
import { connection } from "../node_modules/@elgato/streamdeck/dist/plugin/connection.js";

interface ClosableSocket {
	once(event: "close", listener: () => void): void;
}

/** Calls `listener` once when Stream Deck closes the plugin's socket. */
export function onHostSocketClosed(listener: () => void): void {
	const resolvers = (connection as unknown as { connection: { promise: Promise<ClosableSocket> } }).connection;
	resolvers.promise.then((socket) => socket.once("close", listener)).catch(listener);
}
