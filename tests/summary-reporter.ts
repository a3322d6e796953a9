import { relative } from 'node:path';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

/** The part of vitest's TestModule the counting reads (tests give plain objects of this shape). */
export interface CountedModule {
  moduleId: string;
  state(): string;
  children: { allTests(): Iterable<{ result(): { state: string } }> };
}

export interface SummaryCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Files that failed outside their tests: could not load, or a hook (beforeAll...) threw. */
  failedSuites: string[];
}

/**
 * Counts tests by state. A file that failed with no failed test (it could not load, or its
 * `beforeAll` threw and vitest marked its tests skipped) counts as one failure, as does each error
 * outside tests, so that a failing run never reads `0 failed`.
 */
export function countSummary(modules: ReadonlyArray<CountedModule>, unhandledErrors: number, reason?: string): SummaryCounts {
  const counts: SummaryCounts = { passed: 0, failed: 0, skipped: 0, failedSuites: [] };
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') failedTests++;
      else counts.skipped++;
    }
    counts.failed += failedTests;
    if (module.state() === 'failed' && failedTests === 0) {
      counts.failed++;
      counts.failedSuites.push(module.moduleId);
    }
  }
  counts.failed += unhandledErrors;
  // Whatever else failed the run (a global setup...), the line must not say it passed.
  if (reason === 'failed' && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** Ends the run with one plain line, `N passed, N failed, N skipped`, that any CI log reader understands. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason?: TestRunEndReason): void {
    const counts = countSummary(testModules, unhandledErrors.length, reason);
    const suites = counts.failedSuites.map((id) => relative(process.cwd(), id));
    const note = suites.length > 0 ? `\nfailed outside their tests (could not load, or a hook threw): ${suites.join(', ')}` : '';
    process.stdout.write(`${note}\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
