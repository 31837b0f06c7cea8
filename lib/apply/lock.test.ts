import { describe, expect, it } from 'vitest';

import { acquireApplyLock, applyLockKeys, releaseApplyLock } from './lock';

describe('apply lock', () => {
  it('one apply per cluster and release, whoever starts it; released by the run that holds it', () => {
    const target = { operatorNamespace: 'wandb', crNamespace: 'default', crName: 'wandb' };
    const keys = applyLockKeys('https://api.cluster:6443', target);
    const first = { holder: '10.0.0.5 · aaaa', since: '2026-01-01T00:00:00Z', runId: 'r1' };
    expect(acquireApplyLock(keys, first)).toEqual({ ok: true });
    // Another session, another CR name, same operator release: refused, naming the holder.
    const other = applyLockKeys('https://api.cluster:6443', { ...target, crName: 'other' });
    expect(acquireApplyLock(other, { holder: 'b', since: '', runId: 'r2' })).toEqual({ held: first });
    // Another cluster: free.
    const elsewhere = applyLockKeys('https://api.other:6443', target);
    expect(acquireApplyLock(elsewhere, { holder: 'c', since: '', runId: 'r3' })).toEqual({ ok: true });
    releaseApplyLock(keys, 'r2');
    expect('held' in acquireApplyLock(keys, { holder: 'd', since: '', runId: 'r4' })).toBe(true);
    releaseApplyLock(keys, 'r1');
    expect(acquireApplyLock(other, { holder: 'e', since: '', runId: 'r5' })).toEqual({ ok: true });
    releaseApplyLock(other, 'r5');
    releaseApplyLock(elsewhere, 'r3');
  });
});
