import { describe, expect, it } from 'vitest';

import type { CheckRun, RunCheck } from '@/lib/checks/runs';

import { applyGate } from './gate';

function check(
  id: string,
  strict: boolean,
  status?: 'pass' | 'warn' | 'fail' | 'error' | 'skipped',
): RunCheck {
  if (!status) return { id, titleKey: `checks.${id}.title`, strict, state: 'running' };
  return {
    id,
    titleKey: `checks.${id}.title`,
    strict,
    state: 'done',
    result: {
      id,
      titleKey: `checks.${id}.title`,
      strict,
      status,
      message: { key: 'config.required', params: {} },
      evidence: [],
      startedAt: '',
      finishedAt: '',
      durationMs: 0,
    },
  };
}

function run(checks: RunCheck[], bypassed: string[] = [], cleared = false): CheckRun {
  return {
    id: 'r',
    startedAt: '',
    bucketWriteTest: false,
    inClusterTest: false,
    checks,
    bypasses: bypassed.map((checkId) => ({ checkId, reason: 'r', status: 'fail', at: '' })),
    cleared,
  };
}

/** The gate for a run made on the configuration being applied. */
const gate = (r: CheckRun) => applyGate(r, []);

describe('applyGate', () => {
  it('refuses a run made on another configuration, naming the changed fields', () => {
    const passed = run([check('kubeApi', true, 'pass')], [], true);
    expect(applyGate(passed, ['registry.host'])).toEqual({
      refusal: 'configChanged',
      checks: [],
      fields: ['registry.host'],
    });
    expect(applyGate(passed, null)?.refusal).toBe('configChanged');
    expect(applyGate(passed, [])).toBeUndefined();
  });
  it('refuses without a check run', () => {
    expect(applyGate(undefined)).toEqual({ refusal: 'noChecks', checks: [] });
  });
  it('refuses while checks run', () => {
    expect(gate(run([check('kubeApi', true), check('host', false, 'pass')]))?.refusal).toBe('checksRunning');
  });
  it('refuses a failed strict check that was not bypassed, naming it; a failed non-strict check does not block', () => {
    expect(
      gate(run([check('kubeApi', true, 'fail'), check('helm', true, 'pass'), check('host', false, 'fail')])),
    ).toEqual({
      refusal: 'checksNotCleared',
      checks: ['kubeApi'],
    });
  });
  it('lets a bypassed strict failure and warnings through', () => {
    expect(
      gate(
        run(
          [check('kubeApi', true, 'fail'), check('helm', true, 'warn'), check('host', false, 'fail')],
          ['kubeApi'],
          true,
        ),
      ),
    ).toBeUndefined();
  });
  it('an error or skipped strict check blocks like a failure', () => {
    expect(gate(run([check('mysql', true, 'error'), check('bucket', true, 'skipped')]))?.checks).toEqual([
      'mysql',
      'bucket',
    ]);
  });
});
