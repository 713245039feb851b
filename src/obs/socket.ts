/**
 * Everything that needs obs-websocket-js (and its ws, crypto-js, debug…), in one module that connection.ts imports
 * only on its first connect: a plugin whose keys never need OBS never loads it (README, Performance).
 */
export { EventSubscription, OBSWebSocket } from "obs-websocket-js/json";
export { classifyConnectionError, classifyRequestError } from "./classify.js";
