/** State shared by every handler of one sandbox instance. */
import type { LiveStore } from "./live-store.ts";
import type { AccountState } from "./token-endpoint.ts";
import type { TokenStore } from "./tokens.ts";

/** Everything a handler may read or change. */
export interface SandboxContext {
	now: () => number;
	accounts: AccountState;
	tokens: TokenStore;
	store: LiveStore;
}
