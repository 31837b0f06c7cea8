import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { defaultKubeconfig, kubeconfigSchema } from '@/lib/config';

import { kubeSourceOf, openConnection, withKubeconfigFile } from './connection';
import { kubeconfigCredentials } from './credentials';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority-data: ${Buffer.from('ca').toString('base64')}
users:
- name: admin
  user:
    token: tok-secret-123
    client-key-data: a2V5LXNlY3JldA==
- name: basic
  user: { username: ops, password: pw-secret-456 }
contexts:
- name: admin@lab
  context: { cluster: lab, user: admin }
- name: basic@lab
  context: { cluster: lab, user: basic, namespace: wandb }
current-context: admin@lab
`;

const dir = mkdtempSync(join(tmpdir(), 'kube-connection-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kubeSourceOf: the one mapping from the configuration to a kubeconfig', () => {
  it('maps each choice and keeps the context', () => {
    expect(kubeSourceOf({ kubeContext: '', kubeconfig: defaultKubeconfig })).toEqual({ context: undefined });
    expect(
      kubeSourceOf({ kubeContext: 'c', kubeconfig: { source: 'path', path: ' ~/k.yaml ', content: 'x' } }),
    ).toEqual({ kubeconfigPath: join(homedir(), 'k.yaml'), context: 'c' });
    expect(
      kubeSourceOf({ kubeContext: '', kubeconfig: { source: 'upload', path: '/x', content: 'y' } }),
    ).toEqual({
      kubeconfigYaml: 'y',
      context: undefined,
    });
  });
});

describe('the kubeconfig choice in the schema', () => {
  it('asks for an absolute path or an upload, by field', () => {
    const issues = (v: unknown) =>
      (kubeconfigSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ source: 'server', path: '', content: '' })).toEqual([]);
    expect(issues({ source: 'path', path: '', content: '' })[0]).toMatch(/^path: .*config\.required/);
    expect(issues({ source: 'path', path: 'kube/config', content: '' })[0]).toMatch(
      /^path: .*config\.kubeconfig\.pathAbsolute/,
    );
    expect(issues({ source: 'path', path: '~/.kube/config', content: '' })).toEqual([]);
    expect(issues({ source: 'upload', path: '', content: '  ' })[0]).toMatch(
      /^content: .*config\.kubeconfig\.contentRequired/,
    );
  });
});

describe('openConnection', () => {
  it('loads an uploaded kubeconfig and pins the configured context', () => {
    const conn = openConnection({
      kubeContext: 'basic@lab',
      kubeconfig: { source: 'upload', path: '', content: KUBECONFIG },
    });
    expect(conn.ok && { context: conn.loaded.context, user: conn.loaded.user, where: conn.where }).toEqual({
      context: 'basic@lab',
      user: 'basic',
      where: 'uploaded kubeconfig',
    });
  });

  it('says a missing file is missing (not connected), and an unknown context is an error', () => {
    const missing = openConnection({
      kubeContext: '',
      kubeconfig: { source: 'path', path: join(dir, 'absent'), content: '' },
    });
    expect(missing).toMatchObject({ ok: false, missing: true, where: join(dir, 'absent') });
    const unknown = openConnection({
      kubeContext: 'nope',
      kubeconfig: { source: 'upload', path: '', content: KUBECONFIG },
    });
    expect(unknown).toMatchObject({ ok: false, missing: false, error: { key: 'errors.kube.noContext' } });
  });

  it('a file path wins over nothing, and the override (tests, the command line) wins over the choice', () => {
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, KUBECONFIG);
    const conn = openConnection(
      { kubeContext: '', kubeconfig: { source: 'upload', path: '', content: 'not: [yaml' } },
      { kubeconfigPath: file },
    );
    expect(conn.ok && conn.where).toBe(file);
  });
});

describe('withKubeconfigFile: helm reads files', () => {
  it('passes a file source through', async () => {
    expect(await withKubeconfigFile({ kubeconfigPath: '/etc/k' }, async (p) => p)).toBe('/etc/k');
  });

  it('writes an upload to a private file for the work only, and removes it even when the work fails', async () => {
    let seen = '';
    await expect(
      withKubeconfigFile({ kubeconfigYaml: KUBECONFIG }, async (p) => {
        seen = p;
        expect(readFileSync(p, 'utf8')).toBe(KUBECONFIG);
        expect(statSync(p).mode & 0o777).toBe(0o600);
        expect(statSync(join(p, '..')).mode & 0o777).toBe(0o700);
        throw new Error('helm failed');
      }),
    ).rejects.toThrow('helm failed');
    expect(seen).not.toBe('');
    if (existsSync('/dev/shm')) expect(seen.startsWith('/dev/shm/')).toBe(true);
    expect(existsSync(seen)).toBe(false);
  });
});

describe('kubeconfigCredentials', () => {
  it('finds tokens, passwords and keys, and nothing else', () => {
    expect(kubeconfigCredentials(KUBECONFIG).sort()).toEqual(
      ['a2V5LXNlY3JldA==', 'pw-secret-456', 'tok-secret-123'].sort(),
    );
    expect(kubeconfigCredentials('not: [yaml')).toEqual([]);
  });
});
