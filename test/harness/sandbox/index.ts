/** Public entry of the Dailymotion sandbox API (dailymotion-api.md §8, and API v2 under `/v2`). */
export { startSandbox } from "./server.ts";
export type { Fault, LiveRecord, RecordedRequest, Sandbox, SandboxCredentials, SandboxOptions } from "./types.ts";
