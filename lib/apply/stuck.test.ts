import { describe, expect, it } from 'vitest';

import { toUserError } from '@/lib/errors';
import type { HelmReleaseInfo } from '@/lib/kube';

import { findStuckRelease, isStuckStatus, recoveryCommand, stuckReleaseError } from './stuck';

const rev = (revision: number, status: string): HelmReleaseInfo => ({
  name: 'operator',
  namespace: 'wandb',
  revision,
  status,
});

describe('stuck releases', () => {
  it('only pending-* is stuck', () => {
    for (const s of ['pending-install', 'pending-upgrade', 'pending-rollback'])
      expect(isStuckStatus(s)).toBe(true);
    for (const s of ['deployed', 'failed', 'superseded', 'uninstalled', 'uninstalling', ''])
      expect(isStuckStatus(s)).toBe(false);
  });

  it('a deployed or failed latest revision, or no release at all, is not stuck', () => {
    expect(findStuckRelease([])).toBeUndefined();
    expect(findStuckRelease([rev(1, 'superseded'), rev(2, 'deployed')])).toBeUndefined();
    expect(findStuckRelease([rev(2, 'pending-upgrade'), rev(3, 'failed')])).toBeUndefined();
  });

  it('an interrupted first install is uninstalled (nothing was deployed)', () => {
    expect(findStuckRelease([rev(1, 'pending-install')])?.recovery).toEqual({ action: 'uninstall' });
    // A reinstall after failed attempts: still nothing deployed.
    expect(findStuckRelease([rev(1, 'failed'), rev(2, 'pending-install')])?.recovery).toEqual({
      action: 'uninstall',
    });
  });

  it('an interrupted upgrade rolls back to the revision before it, in any order of input', () => {
    const stuck = findStuckRelease([rev(3, 'pending-upgrade'), rev(1, 'superseded'), rev(2, 'deployed')]);
    expect(stuck?.latest).toEqual(rev(3, 'pending-upgrade'));
    expect(stuck?.recovery).toEqual({ action: 'rollback', toRevision: 2 });
  });

  it('an interrupted rollback goes back to the last deployed revision, not to the pending upgrade before it', () => {
    const stuck = findStuckRelease([
      rev(1, 'deployed'),
      rev(2, 'pending-upgrade'),
      rev(3, 'pending-rollback'),
    ]);
    expect(stuck?.recovery).toEqual({ action: 'rollback', toRevision: 1 });
  });

  it('an interrupted upgrade after failed revisions only rolls back to the one before it', () => {
    expect(findStuckRelease([rev(1, 'failed'), rev(2, 'pending-upgrade')])?.recovery).toEqual({
      action: 'rollback',
      toRevision: 1,
    });
  });

  it('the manual command names release, revision, namespace and the kube context', () => {
    const rollback = findStuckRelease([rev(1, 'deployed'), rev(2, 'pending-upgrade')]);
    const install = findStuckRelease([rev(1, 'pending-install')]);
    if (!rollback || !install) throw new Error('not stuck');
    expect(recoveryCommand(rollback)).toBe('helm rollback operator 1 -n wandb');
    expect(recoveryCommand(install, 'prod')).toBe('helm uninstall operator -n wandb --kube-context prod');
  });

  it('maps to errors.helm.stuckRelease with release, namespace, status, revision and the command', () => {
    const stuck = findStuckRelease([
      rev(1, 'deployed'),
      { ...rev(2, 'pending-upgrade'), updatedAt: '2026-01-02T03:04:05.000Z' },
    ]);
    if (!stuck) throw new Error('not stuck');
    const e = toUserError(stuckReleaseError(stuck));
    expect(e).toMatchObject({
      key: 'errors.helm.stuckRelease',
      params: {
        release: 'operator',
        namespace: 'wandb',
        status: 'pending-upgrade',
        revision: 2,
        command: 'helm rollback operator 1 -n wandb',
      },
    });
    expect(e.detail).toContain('since 2026-01-02T03:04:05.000Z');
  });
});
