export * from "./api-config.js";
export * from "./create-live.js";
export * from "./global.js";
export * from "./parse.js";
export * from "./global-store.js";
export * from "./send-to-obs.js";
export * from "./ad-break.js";
