/**
 * Opens the connection to Stream Deck before the rest of the plugin evaluates (plugin.ts imports this first), so the
 * host's WebSocket handshake runs while our modules load instead of after them (start-up, README Performance).
 * Safe: the socket opens and registers in an event, after the synchronous evaluation of the whole bundle, by which
 * time every action is registered. Not a top-level await: lazily loaded chunks import this bundle.
 */
import streamDeck from "@elgato/streamdeck";

export const connected: Promise<void> = streamDeck.connect();
