import { describe, expect, it } from 'vitest';

import {
  chartRefArgs,
  helmVersionArgs,
  ociHost,
  parseHelmVersion,
  pullArgs,
  registryLoginArgs,
  repoAddArgs,
  rollbackArgs,
  showChartArgs,
  templateArgs,
  uninstallArgs,
  upgradeInstallArgs,
} from './args';

describe('parseHelmVersion', () => {
  it.each([
    ['v3.17.3', '3.17.3', 3],
    ['v4.1.4', '4.1.4', 4],
    ['v4.1.4+g05fa379\n', '4.1.4', 4],
    ['v3.17.3+ge4da497', '3.17.3', 3],
    [
      'version.BuildInfo{Version:"v3.17.3", GitCommit:"e4da49785aa6e6ee2b86efd5dd9e43400318262b", GitTreeState:"clean", GoVersion:"go1.23.7"}',
      '3.17.3',
      3,
    ],
    ['version.BuildInfo{Version:"v4.0.0-rc.1", GitCommit:""}', '4.0.0', 4],
    [
      'Client: &version.Version{SemVer:"v2.16.1", GitCommit:"bbdfe5e7803a12bbdf97e94cd847859890cf4050", GitTreeState:"clean"}',
      '2.16.1',
      2,
    ],
  ])('%s → %s', (output, version, major) => {
    expect(parseHelmVersion(output)).toMatchObject({ version, major });
  });

  it('refuses output without a version', () => {
    expect(parseHelmVersion('')).toBeUndefined();
    expect(parseHelmVersion('Error: unknown flag: --template')).toBeUndefined();
    expect(parseHelmVersion('bash: helm: command not found')).toBeUndefined();
  });
});

describe('argument builders', () => {
  it('helm version', () => {
    expect(helmVersionArgs()).toEqual(['version', '--template', '{{.Version}}']);
  });

  it('repo add takes the password from stdin, never from argv', () => {
    const args = repoAddArgs(
      'wizard-charts',
      'https://charts.local',
      { username: 'u', caFile: '/ca.crt', passCredentials: true },
      true,
    );
    expect(args).toEqual([
      'repo',
      'add',
      'wizard-charts',
      'https://charts.local',
      '--force-update',
      '--username',
      'u',
      '--password-stdin',
      '--ca-file',
      '/ca.crt',
      '--pass-credentials',
    ]);
    expect(repoAddArgs('r', 'http://x', {}, false)).toEqual([
      'repo',
      'add',
      'r',
      'http://x',
      '--force-update',
    ]);
    expect(repoAddArgs('r', 'https://x', { insecureSkipTlsVerify: true }, false)).toContain(
      '--insecure-skip-tls-verify',
    );
  });

  it('registry login: stdin password; --plain-http only for Helm 4', () => {
    expect(registryLoginArgs('127.0.0.1:25002', { username: 'u', caFile: '/ca' }, 4)).toEqual([
      'registry',
      'login',
      '127.0.0.1:25002',
      '--username',
      'u',
      '--password-stdin',
      '--ca-file',
      '/ca',
    ]);
    expect(registryLoginArgs('h:5000', { username: 'u', plainHttp: true }, 4)).toContain('--plain-http');
    expect(registryLoginArgs('h:5000', { username: 'u', plainHttp: true }, 3)).not.toContain('--plain-http');
    expect(registryLoginArgs('h', { username: 'u', insecureSkipTlsVerify: true }, 3)).toContain('--insecure');
  });

  it('ociHost', () => {
    expect(ociHost('oci://127.0.0.1:25001/mirror/charts/operator')).toBe('127.0.0.1:25001');
    expect(ociHost('oci://reg.example/operator')).toBe('reg.example');
  });

  it('chart references for repo, OCI and file sources', () => {
    expect(
      chartRefArgs(
        { kind: 'repo', repoUrl: 'https://x', chart: 'operator', version: '1.3.3' },
        { caFile: '/ca' },
      ),
    ).toEqual(['wizard-charts/operator', '--version', '1.3.3']);
    expect(
      chartRefArgs(
        { kind: 'oci', ref: 'oci://h/c/operator', version: '1.3.3' },
        { caFile: '/ca', plainHttp: true },
      ),
    ).toEqual(['oci://h/c/operator', '--version', '1.3.3', '--ca-file', '/ca', '--plain-http']);
    expect(chartRefArgs({ kind: 'file', path: '/tmp/operator-1.3.3.tgz' }, {})).toEqual([
      '/tmp/operator-1.3.3.tgz',
    ]);
  });

  it('template with values files, kube version, API versions and CRDs', () => {
    expect(
      templateArgs({
        release: 'wandb',
        namespace: 'wandb',
        chartArgs: ['wizard-charts/operator-wandb', '--version', '0.18.0'],
        valuesFiles: ['/v.yaml'],
        kubeVersion: 'v1.33.1',
        apiVersions: ['monitoring.coreos.com/v1'],
        includeCrds: true,
      }),
    ).toEqual([
      'template',
      'wandb',
      'wizard-charts/operator-wandb',
      '--version',
      '0.18.0',
      '--namespace',
      'wandb',
      '--values',
      '/v.yaml',
      '--kube-version',
      'v1.33.1',
      '--api-versions',
      'monitoring.coreos.com/v1',
      '--include-crds',
    ]);
  });

  it('show chart and pull', () => {
    expect(showChartArgs(['x.tgz'])).toEqual(['show', 'chart', 'x.tgz']);
    expect(pullArgs(['oci://h/c', '--version', '1'], '/d')).toEqual([
      'pull',
      'oci://h/c',
      '--version',
      '1',
      '--destination',
      '/d',
    ]);
  });

  it('upgrade --install for Helm 3 and Helm 4', () => {
    const common = {
      release: 'operator',
      namespace: 'wandb',
      chartArgs: ['wizard-charts/operator'],
      valuesFiles: ['/v.yaml'],
      createNamespace: true,
      wait: true,
      rollbackOnFailure: true,
      timeoutSeconds: 300,
    };
    expect(upgradeInstallArgs({ ...common, helmMajor: 3 })).toEqual([
      'upgrade',
      '--install',
      'operator',
      'wizard-charts/operator',
      '--namespace',
      'wandb',
      '--create-namespace',
      '--values',
      '/v.yaml',
      '--wait',
      '--atomic',
      '--timeout',
      '300s',
    ]);
    expect(upgradeInstallArgs({ ...common, helmMajor: 4, kubeContext: 'admin' })).toEqual([
      'upgrade',
      '--install',
      'operator',
      'wizard-charts/operator',
      '--namespace',
      'wandb',
      '--create-namespace',
      '--values',
      '/v.yaml',
      '--wait=watcher',
      '--rollback-on-failure',
      '--timeout',
      '300s',
      '--kube-context',
      'admin',
    ]);
  });

  it('rollback and uninstall: Helm 3 --wait, Helm 4 --wait=watcher (checked against helm 3.17 and 4.1 --help)', () => {
    const common = { release: 'operator', namespace: 'wandb', wait: true, timeoutSeconds: 300 };
    expect(rollbackArgs({ ...common, revision: 2, helmMajor: 3 })).toEqual([
      'rollback',
      'operator',
      '2',
      '--namespace',
      'wandb',
      '--wait',
      '--timeout',
      '300s',
    ]);
    expect(rollbackArgs({ ...common, helmMajor: 4, kubeContext: 'admin' })).toEqual([
      'rollback',
      'operator',
      '--namespace',
      'wandb',
      '--wait=watcher',
      '--timeout',
      '300s',
      '--kube-context',
      'admin',
    ]);
    expect(uninstallArgs({ ...common, helmMajor: 3 })).toEqual([
      'uninstall',
      'operator',
      '--namespace',
      'wandb',
      '--wait',
      '--timeout',
      '300s',
    ]);
    expect(uninstallArgs({ release: 'operator', namespace: 'wandb', helmMajor: 4 })).toEqual([
      'uninstall',
      'operator',
      '--namespace',
      'wandb',
    ]);
  });
});
