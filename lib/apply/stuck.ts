import { MessageError } from '@/lib/errors/typed-errors';
import type { HelmReleaseInfo } from '@/lib/kube';

/**
 * A Helm release left pending by an interrupted helm run (pure logic): how to tell it, how to get
 * it out, and the command a person would type for that.
 */

/** How the wizard recovers a stuck release before it upgrades it. */
export type ReleaseRecovery = { action: 'rollback'; toRevision: number } | { action: 'uninstall' };

/** The stuck latest revision and its recovery. */
export interface StuckRelease {
  latest: HelmReleaseInfo;
  recovery: ReleaseRecovery;
}

/** Revisions that were once applied in full. */
const GOOD = new Set(['deployed', 'superseded']);

/** `pending-install`, `pending-upgrade`, `pending-rollback`: helm refuses further operations. */
export function isStuckStatus(status: string): boolean {
  return status.startsWith('pending-');
}

const newest = (list: readonly HelmReleaseInfo[]) =>
  list.reduce<HelmReleaseInfo | undefined>((a, r) => (!a || r.revision > a.revision ? r : a), undefined);

/**
 * The release's stuck state from its revisions (one release, any order), or undefined when its
 * latest revision is not pending. With an earlier revision that was deployed, the recovery is a
 * rollback to the newest such revision (after an interrupted upgrade that is the one before it;
 * after an interrupted rollback, the revision before that may itself be a pending upgrade, which
 * must not be re-applied). Without any earlier revision — an interrupted first install, nothing
 * ever deployed — it is an uninstall. An interrupted upgrade with only failed revisions before it
 * rolls back to the one before it.
 */
export function findStuckRelease(revisions: readonly HelmReleaseInfo[]): StuckRelease | undefined {
  const latest = newest(revisions);
  if (!latest || !isStuckStatus(latest.status)) return undefined;
  const earlier = revisions.filter((r) => r.revision < latest.revision);
  const target =
    newest(earlier.filter((r) => GOOD.has(r.status))) ??
    (latest.status === 'pending-install' ? undefined : newest(earlier));
  return {
    latest,
    recovery: target ? { action: 'rollback', toRevision: target.revision } : { action: 'uninstall' },
  };
}

/** The command a person runs to recover it by hand, e.g. `helm rollback operator 1 -n wandb`. */
export function recoveryCommand(stuck: StuckRelease, kubeContext?: string): string {
  const { name, namespace } = stuck.latest;
  const what =
    stuck.recovery.action === 'rollback'
      ? `helm rollback ${name} ${stuck.recovery.toRevision}`
      : `helm uninstall ${name}`;
  return `${what} -n ${namespace}${kubeContext ? ` --kube-context ${kubeContext}` : ''}`;
}

/**
 * The error the helm step fails with when the release is stuck and no recovery was asked for: a
 * helm run was stopped before it finished (or one is running now), and helm refuses every further
 * operation on the release. The parameters name it and the command that recovers it by hand.
 */
export function stuckReleaseError(stuck: StuckRelease, kubeContext?: string): MessageError {
  const { name, namespace, status, revision, updatedAt } = stuck.latest;
  const command = recoveryCommand(stuck, kubeContext);
  return new MessageError(
    'errors.helm.stuckRelease',
    { release: name, namespace, status, revision, command },
    `helm release ${namespace}/${name} is ${status} at revision ${revision}${updatedAt ? ` since ${updatedAt}` : ''}; recovery: ${command}`,
  );
}
