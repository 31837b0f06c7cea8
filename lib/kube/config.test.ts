import { describe, expect, it } from 'vitest';

import { loadKubeConfig } from './config';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: https://127.0.0.1:26443
    certificate-authority-data: ${Buffer.from('not really a CA').toString('base64')}
- name: lab
  cluster:
    server: https://10.0.0.1:6443
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    token: abc
- name: ro
  user:
    token: def
contexts:
- name: admin@test
  context: { cluster: test, user: admin }
- name: ro@lab
  context: { cluster: lab, user: ro }
- name: dangling
  context: { cluster: nowhere, user: ro }
current-context: admin@test
`;

describe('loadKubeConfig', () => {
  it('uses the current context by default', () => {
    const r = loadKubeConfig({ kubeconfigYaml: KUBECONFIG });
    expect(r.error).toBeUndefined();
    expect(r.value).toMatchObject({
      context: 'admin@test',
      cluster: { name: 'test', server: 'https://127.0.0.1:26443', skipTLSVerify: false },
      user: 'admin',
    });
  });

  it('selects the given context', () => {
    const r = loadKubeConfig({ kubeconfigYaml: KUBECONFIG, context: 'ro@lab' });
    expect(r.value).toMatchObject({
      context: 'ro@lab',
      cluster: { name: 'lab', skipTLSVerify: true },
      user: 'ro',
    });
  });

  it('an unknown context names the ones that exist in the detail', () => {
    const r = loadKubeConfig({ kubeconfigYaml: KUBECONFIG, context: 'prod' });
    expect(r.error).toMatchObject({ key: 'errors.kube.noContext', params: { context: 'prod' } });
    expect(r.error?.detail).toContain('admin@test');
  });

  it('a context whose cluster is missing', () => {
    expect(loadKubeConfig({ kubeconfigYaml: KUBECONFIG, context: 'dangling' }).error).toMatchObject({
      key: 'errors.kube.noCluster',
      params: { context: 'dangling' },
    });
  });

  it('a missing file and broken YAML', () => {
    expect(loadKubeConfig({ kubeconfigPath: '/nonexistent/kubeconfig' }).error).toMatchObject({
      key: 'errors.file.notFound',
      params: { path: '/nonexistent/kubeconfig' },
    });
    expect(loadKubeConfig({ kubeconfigYaml: 'clusters: [\n' }).error?.key).toBe('errors.kube.badKubeconfig');
  });

  it('never puts the token in an error', () => {
    const r = loadKubeConfig({ kubeconfigYaml: KUBECONFIG, context: 'nope' });
    expect(JSON.stringify(r.error)).not.toContain('abc');
  });
});
