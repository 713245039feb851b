import { describe, expect, it } from "vitest";
import { GlobalSettingsStore } from "../../../src/settings/global-store.ts";

function storeWithWrites() {
	const writes: Record<string, unknown>[] = [];
	const store = new GlobalSettingsStore(async (value) => {
		writes.push(value);
	});
	return { store, writes };
}

describe("global settings store", () => {
	it("merges a plugin write into what the inspector wrote last (never clobbers)", async () => {
		// Arrange
		const { store, writes } = storeWithWrites();
		store.receive({ apiKey: "k1", apiSecret: "s1", profileId: "x1" });
		store.receive({ apiKey: "k2", apiSecret: "s2", profileId: "x1", obsPassword: "pw" });
		// Act
		await store.update({ liveId: "x8abc12" });
		// Assert
		expect(writes).toEqual([{ apiKey: "k2", apiSecret: "s2", profileId: "x1", obsPassword: "pw", liveId: "x8abc12" }]);
		expect(store.current.liveId).toBe("x8abc12");
	});

	it("keeps unknown keys written by a newer inspector", async () => {
		const { store, writes } = storeWithWrites();
		store.receive({ futureKey: { a: 1 } });
		await store.update({ liveId: "x1" });
		expect(writes[0]).toEqual({ futureKey: { a: 1 }, liveId: "x1" });
	});

	it("does not write before the first settings arrived", async () => {
		const { store, writes } = storeWithWrites();
		const pending = store.update({ liveId: "x1" });
		await new Promise((r) => setTimeout(r, 10));
		expect(writes).toEqual([]);
		store.receive({ apiKey: "k" });
		await pending;
		expect(writes).toEqual([{ apiKey: "k", liveId: "x1" }]);
	});

	it("tells listeners the new and previous values", () => {
		const { store } = storeWithWrites();
		const seen: string[] = [];
		store.onChange((now, before) => seen.push(`${before.obsUrl} -> ${now.obsUrl}`));
		store.receive({ obsUrl: "ws://10.0.0.2:4455" });
		expect(seen).toEqual(["ws://127.0.0.1:4455 -> ws://10.0.0.2:4455"]);
	});

	it("ignores a late startup answer once newer settings arrived (an inspector write is not undone)", async () => {
		const { store, writes } = storeWithWrites();
		store.receive({ apiKey: "k", piNote: "newer" });
		store.receiveInitial({ apiKey: "k" });
		await store.update({ liveId: "x1" });
		expect(writes).toEqual([{ apiKey: "k", piNote: "newer", liveId: "x1" }]);
	});

	it("takes the startup answer when nothing arrived before it", () => {
		const { store } = storeWithWrites();
		store.receiveInitial({ apiKey: "k" });
		expect(store.current.apiKey).toBe("k");
	});
});
