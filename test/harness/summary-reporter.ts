import type { Reporter, TestModule } from "vitest/node";

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after vitest's own report so CI logs state the
 * count in a form any reader understands. With `CI=true` a skipped test fails the run: a component a test needs
 * must be installed there (the harnesses already throw when one is missing), and a test meant for only one variant
 * of a suite is not registered for the others (test/e2e/support.ts `onlyIf`), so nothing can skip silently.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const counts = { passed: 0, failed: 0, skipped: 0 };
		const skipped: string[] = [];
		for (const module of testModules) {
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === "passed") counts.passed++;
				else if (state === "failed") counts.failed++;
				else {
					counts.skipped++;
					skipped.push(`${module.moduleId.replace(process.cwd() + "/", "")} > ${test.fullName}`);
				}
			}
		}
		process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
		if (process.env.CI === "true" && counts.skipped > 0) {
			process.stdout.write(`CI=true: ${counts.skipped} test(s) skipped, which fails the run:\n  ${skipped.join("\n  ")}\n`);
			process.exitCode = 1;
		}
	}
}
