import { describe, expect, it } from 'vitest';
import { countSummary, type CountedModule } from '../summary-reporter.js';

/** A stand-in for vitest's TestModule: its state and its tests' states. */
function module(moduleId: string, state: string, tests: string[]): CountedModule {
  return { moduleId, state: () => state, children: { allTests: () => tests.map((s) => ({ result: () => ({ state: s }) })) } };
}

describe('countSummary()', () => {
  it('counts tests by state in a run where every suite ran', () => {
    expect(countSummary([module('a', 'passed', ['passed', 'passed', 'skipped']), module('b', 'failed', ['passed', 'failed'])], 0, 'failed'))
      .toEqual({ passed: 3, failed: 1, skipped: 1, failedSuites: [] });
  });

  it('counts a suite whose hook threw as failed, though vitest marks its tests skipped', () => {
    expect(countSummary([module('ok', 'passed', ['passed']), module('browser', 'failed', Array(7).fill('skipped'))], 0, 'failed'))
      .toEqual({ passed: 1, failed: 1, skipped: 7, failedSuites: ['browser'] });
  });

  it('counts a file that could not load as failed', () => {
    expect(countSummary([module('broken', 'failed', [])], 0, 'failed')).toEqual({ passed: 0, failed: 1, skipped: 0, failedSuites: ['broken'] });
  });

  it('counts errors outside tests as failures', () => {
    expect(countSummary([module('a', 'passed', ['passed'])], 2, 'failed')).toMatchObject({ passed: 1, failed: 2 });
  });

  it('never says 0 failed when vitest says the run failed', () => {
    expect(countSummary([], 0, 'failed')).toMatchObject({ failed: 1 });
    expect(countSummary([module('a', 'passed', ['passed'])], 0, 'passed')).toMatchObject({ failed: 0 });
  });
});
