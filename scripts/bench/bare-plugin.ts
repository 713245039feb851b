/**
 * The start-up floor: a plugin built with the same SDK and the same rollup plugins as ours that only connects
 * (registers) and does nothing else. The bench bundles this file and times it beside the real plugin.
 */
import streamDeck from "@elgato/streamdeck";

await streamDeck.connect();
