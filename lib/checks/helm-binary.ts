import 'server-only';

import { dirname } from 'node:path';

import { type Message, toUserError } from '@/lib/errors';
import { findHelm } from '@/lib/helm';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

/**
 * Check 3: Helm is found (`HELM`, else `helm` on `PATH`) and answers a version of at least 3;
 * Helm 3 and Helm 4 both pass.
 */
export const helmCheck: CheckDefinition<ChecksInput> = {
  id: 'helm',
  titleKey: 'checks.helm.title',
  strict: true,
  timeoutMs: 15_000,
  async run(input, ctx): Promise<CheckOutcome> {
    const found = await findHelm({
      env: input.env,
      signal: ctx.signal,
      timeoutMs: remainingMs(ctx.deadline),
    });
    if (found.kind === 'not-found') {
      const env = input.env ?? process.env;
      const named = env.HELM;
      // HELM names a file that is not there; otherwise each PATH directory was looked in once.
      const message: Message = named
        ? { key: 'checks.helm.notFoundAt', params: { path: named } }
        : {
            key: 'checks.helm.notFound',
            params: {
              count: found.searched.length,
              searched: found.searched.map((p) => dirname(p)).join(', ') || '-',
            },
          };
      return {
        status: 'fail',
        message,
        remedy: { key: 'checks.helm.notFound.remedy', params: {} },
        evidence: [
          {
            label: 'search',
            request: named ? `HELM=${named}` : 'helm in each PATH directory',
            response: found.searched.join('\n') || '(PATH is empty)',
          },
        ],
      };
    }
    const evidence: Evidence[] = found.commands.map((c) => ({
      label: 'helm',
      request: c.command,
      response: `exit ${c.exitCode ?? '-'} in ${Math.round(c.durationMs)} ms${c.stderrTail ? `: ${c.stderrTail}` : ''}`,
    }));
    if (found.kind === 'unusable') {
      const err = toUserError(found.error);
      evidence.push({ label: 'error', response: err.detail });
      return {
        status: 'fail',
        message: {
          key: 'checks.helm.unusable',
          params: { path: found.path, reason: err.detail.slice(0, 200) },
        },
        remedy: { key: 'checks.helm.notFound.remedy', params: {} },
        evidence,
      };
    }
    const { helm } = found;
    evidence.push({ label: 'version', response: `${helm.path} (${helm.source}): v${helm.version}` });
    const params = { path: helm.path, version: helm.version, source: helm.source };
    if (helm.major < 3)
      return {
        status: 'fail',
        message: { key: 'checks.helm.tooOld', params },
        remedy: { key: 'checks.helm.notFound.remedy', params: {} },
        evidence,
      };
    return { status: 'pass', message: { key: 'checks.helm.pass', params }, evidence };
  },
};
