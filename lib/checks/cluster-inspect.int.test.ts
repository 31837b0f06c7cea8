/**
 * The Platform step's cluster connection against the real kube-apiserver of scripts/test-env: an
 * uploaded kubeconfig (the admin's), a file path (the restricted identity's), a missing file, and an
 * unknown context; what the page shows comes from these answers.
 */
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { InstallConfig } from '@/lib/config';

import { inspectCluster } from './cluster-inspect';
import { testEnvConfig } from './test-env-config';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

const withTarget = (target: Partial<InstallConfig['target']>): InstallConfig => {
  const config = testEnvConfig();
  return { ...config, target: { ...config.target, ...target } };
};

describe('inspectCluster against the test cluster', () => {
  it('an uploaded admin kubeconfig: contexts, version, identity, every permission, namespaces', async () => {
    const content = readFileSync(requireEnv('KUBECONFIG'), 'utf8');
    const r = await inspectCluster(
      withTarget({ kubeconfig: { source: 'upload', path: '', content }, kubeContext: '' }),
    );
    expect(r.problem).toBeUndefined();
    expect(r.where).toBe('uploaded kubeconfig');
    expect(r.contexts.length).toBeGreaterThan(0);
    expect(r.context).toBe(r.currentContext);
    expect(r.server).toBe(requireEnv('KUBE_APISERVER_URL'));
    expect(r.version?.gitVersion).toMatch(/^v1\.\d+\.\d+/);
    expect(r.version?.verdict).toBe('pass');
    expect(r.identity?.username).not.toBe('');
    expect(r.identity?.groups).toContain('system:authenticated');
    expect(r.access?.total).toBeGreaterThan(10);
    expect(r.access?.missing).toEqual([]);
    expect(r.namespaces).toContain('default');
    expect(r.namespaces).toContain('kube-system');
    // Nothing of the credentials comes back.
    expect(JSON.stringify(r)).not.toContain('BEGIN');
  });

  it('the restricted identity from a file path: who it is and each missing permission by purpose', async () => {
    const r = await inspectCluster(
      withTarget({
        kubeconfig: { source: 'path', path: requireEnv('KUBECONFIG_RESTRICTED'), content: '' },
        kubeContext: '',
      }),
    );
    expect(r.problem).toBeUndefined();
    expect(r.where).toBe(requireEnv('KUBECONFIG_RESTRICTED'));
    expect(r.identity?.username).toBe('restricted');
    expect(r.access?.missing.length).toBeGreaterThan(0);
    expect(r.access?.missing).toContainEqual({
      purpose: 'helm',
      what: 'create customresourcedefinitions.apiextensions.k8s.io',
    });
    // The view role may list namespaces.
    expect(r.namespaces).toContain('default');
  });

  it('a missing file is "not connected" with where it looked; an unknown context lists the real ones', async () => {
    const missing = await inspectCluster(
      withTarget({ kubeconfig: { source: 'path', path: '/nonexistent/kubeconfig', content: '' } }),
    );
    expect(missing).toMatchObject({
      missing: true,
      where: '/nonexistent/kubeconfig',
      contexts: [],
      problem: { key: 'ui.cluster.missing' },
    });
    const unknown = await inspectCluster(
      withTarget({
        kubeconfig: { source: 'path', path: requireEnv('KUBECONFIG'), content: '' },
        kubeContext: 'no-such-context',
      }),
    );
    expect(unknown.missing).toBe(false);
    expect(unknown.problem?.key).toBe('errors.kube.noContext');
    expect(unknown.contexts.length).toBeGreaterThan(0);
    expect(unknown.server).toBeUndefined();
  });
});
