import { describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE } from '@/lib/config';

import { applyRunDone, startApplyRun } from './runs';

describe('apply run without a cluster', () => {
  it('says where no kubeconfig was found and what to do, never the failed system call', async () => {
    const where = '/nonexistent/wizard-test/kubeconfig';
    const run = startApplyRun('owner-no-cluster', {
      config: PROCEDURE_EXAMPLE,
      dryRun: true,
      kubeconfigPath: where,
      env: { PATH: '/nonexistent' },
    });
    const finished = await applyRunDone('owner-no-cluster', run.id);
    expect(finished?.status).toBe('failed');
    expect(finished?.error).toEqual({ key: 'apply.ui.noKubeconfig', params: { where } });
    expect(JSON.stringify(finished)).not.toMatch(/ENOENT|errno|syscall/);
  });
});
