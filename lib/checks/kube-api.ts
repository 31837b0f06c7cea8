import 'server-only';

import semver from 'semver';

import { toUserError } from '@/lib/errors';

import { exchangesToEvidence, remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { connectKube } from './kube-connection';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

/** The oldest Kubernetes the W&B operator supports. */
export const MIN_KUBE_VERSION = '1.28.0';
/** The newest Kubernetes minor this wizard was tested against (the test environment's). */
export const NEWEST_TESTED_KUBE_MINOR = '1.36';

/** Compares a server version with the supported range: below is `fail`, above the newest tested is `warn`. */
export function judgeKubeVersion(gitVersion: string): 'pass' | 'warn' | 'fail' | 'unknown' {
  const v = semver.coerce(gitVersion);
  if (!v) return 'unknown';
  if (semver.lt(v, MIN_KUBE_VERSION)) return 'fail';
  if (semver.gt(v, `${NEWEST_TESTED_KUBE_MINOR}.9999`)) return 'warn';
  return 'pass';
}

/**
 * Check 1: the API server of the kubeconfig's context answers `GET /version` over TLS verified
 * with the kubeconfig's CA, and its version is at least 1.28 (a warning above the newest tested).
 */
export const kubeApiCheck: CheckDefinition<ChecksInput> = {
  id: 'kube-api',
  titleKey: 'checks.kubeApi.title',
  strict: true,
  timeoutMs: 10_000,
  async run(input, ctx): Promise<CheckOutcome> {
    const conn = connectKube(input, remainingMs(ctx.deadline));
    if (!conn.ok) return conn.outcome;
    const { loaded, client } = conn;
    const exchanges: Array<{ request: string; response?: string }> = [];
    const evidence: Evidence[] = [
      {
        label: 'kubeconfig',
        response: `context ${loaded.context}, cluster ${loaded.cluster.name} (${loaded.cluster.server}), user ${loaded.user}`,
      },
    ];
    try {
      const v = await client.getServerVersion({ signal: ctx.signal, exchanges });
      evidence.push(...exchangesToEvidence('API server', exchanges), {
        label: 'version',
        response: `${v.gitVersion} (${v.platform})`,
      });
      const params = {
        server: loaded.cluster.server,
        version: v.gitVersion,
        minimum: MIN_KUBE_VERSION,
        newest: NEWEST_TESTED_KUBE_MINOR,
      };
      const judged = judgeKubeVersion(v.gitVersion);
      if (judged === 'fail' || judged === 'unknown')
        return {
          status: 'fail',
          message: { key: 'checks.kubeApi.tooOld', params },
          remedy: { key: 'checks.kubeApi.tooOld.remedy', params },
          evidence,
        };
      if (loaded.cluster.skipTLSVerify)
        return {
          status: 'warn',
          message: { key: 'checks.kubeApi.insecure', params },
          remedy: { key: 'checks.kubeApi.insecure.remedy', params },
          evidence,
        };
      if (judged === 'warn')
        return { status: 'warn', message: { key: 'checks.kubeApi.newer', params }, evidence };
      return { status: 'pass', message: { key: 'checks.kubeApi.pass', params }, evidence };
    } catch (e) {
      const err = toUserError(e);
      evidence.push(...exchangesToEvidence('API server', exchanges), {
        label: 'error',
        response: err.detail,
      });
      return {
        status: 'fail',
        message: { key: err.key, params: err.params },
        remedy: { key: 'checks.kubeApi.unreachable.remedy', params: { server: loaded.cluster.server } },
        evidence,
      };
    }
  },
};
