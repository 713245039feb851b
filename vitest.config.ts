import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/**/*.test.ts"],
		clearMocks: true,
		// Integration/e2e tests launch real processes (plugin, OBS, nginx): keep them serial on 2 cores.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		reporters: ["default", "./test/harness/summary-reporter.ts"],
	},
});
