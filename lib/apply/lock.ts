/**
 * One apply at a time per cluster and release, whoever starts it (another browser, another
 * draft): an apply takes the keys of the operator release and of the custom resource on its
 * cluster (the API server's address) and gives them back when it ends. Per process (one wizard
 * serves a site); a second apply is refused with who holds the lock and since when.
 */

export interface LockHolder {
  /** The session that started the apply (as the audit log names it). */
  holder: string;
  since: string;
  runId: string;
}

const LOCKS_KEY = Symbol.for('wandb-airgap-wizard.apply-locks');
const locks: Map<string, LockHolder> =
  ((globalThis as Record<symbol, unknown>)[LOCKS_KEY] as Map<string, LockHolder> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[LOCKS_KEY] = new Map<string, LockHolder>());

/** The lock keys of an apply: the operator release and the custom resource on the cluster. */
export function applyLockKeys(
  cluster: string,
  target: { operatorNamespace: string; crNamespace: string; crName: string },
): string[] {
  return [
    `${cluster}|helm:${target.operatorNamespace}/operator`,
    `${cluster}|cr:${target.crNamespace}/${target.crName}`,
  ];
}

/** Takes every key, or none: returns the holder in the way. */
export function acquireApplyLock(
  keys: readonly string[],
  holder: LockHolder,
): { held: LockHolder } | { ok: true } {
  for (const key of keys) {
    const current = locks.get(key);
    if (current) return { held: current };
  }
  for (const key of keys) locks.set(key, holder);
  return { ok: true };
}

/** Gives back the keys a run holds. */
export function releaseApplyLock(keys: readonly string[], runId: string): void {
  for (const key of keys) if (locks.get(key)?.runId === runId) locks.delete(key);
}
