/**
 * The apply run store against the test env: a dry run through the store (helm found through
 * HELM, the admin kubeconfig), a cancelled apply, and an unreadable kubeconfig.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { testEnvConfig } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';

import { applyRunDone, cancelApplyRun, getApplyRun, startApplyRun } from './runs';

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return v;
}

const namespaces: string[] = [];
afterEach(() => {
  for (const ns of namespaces.splice(0)) {
    try {
      execFileSync(need('HELM3'), ['uninstall', 'operator', '-n', ns, '--wait', '--timeout', '60s'], {
        env: { ...process.env, KUBECONFIG: need('KUBECONFIG') },
        stdio: 'ignore',
      });
    } catch {
      /* never installed */
    }
    execFileSync(need('KUBECTL'), ['delete', 'namespace', ns, '--wait=false', '--ignore-not-found'], {
      env: { ...process.env, KUBECONFIG: need('KUBECONFIG') },
      stdio: 'ignore',
    });
  }
});

function fresh(): InstallConfig {
  const ns = `apply-run-${randomBytes(3).toString('hex')}`;
  namespaces.push(ns);
  const base = testEnvConfig('0.18.0');
  return { ...base, target: { ...base.target, operatorNamespace: ns, crNamespace: ns } };
}

const env = () => ({ HELM: need('HELM4'), PATH: process.env.PATH });

describe('apply run store', () => {
  it(
    'a dry run finishes with every step done and nothing secret in what the page polls',
    { timeout: 120_000 },
    async () => {
      const config = fresh();
      const started = startApplyRun('owner-a', {
        config,
        dryRun: true,
        // Never in a dry run: it changes nothing.
        recoverStuckRelease: true,
        kubeconfigPath: need('KUBECONFIG'),
        env: env(),
      });
      expect(started.status).toBe('running');
      expect(started.recoverStuckRelease).toBe(false);
      expect(started.steps.every((s) => s.state === 'pending')).toBe(true);
      expect(getApplyRun('owner-b', started.id)).toBeUndefined();
      const done = await applyRunDone('owner-a', started.id);
      expect(done?.error).toBeUndefined();
      expect(done?.status).toBe('succeeded');
      expect(done?.helm).toMatch(/^helm 4\./);
      expect(done?.steps.every((s) => s.state === 'done')).toBe(true);
      expect(done?.steps.find((s) => s.kind === 'helm')?.change).toBe('install');
      expect(done?.logs.some((l) => l.line.includes('--dry-run=server'))).toBe(true);
      const text = JSON.stringify(done);
      for (const secret of [config.registry.password, config.platform.license, config.mysql.password])
        expect(text).not.toContain(secret);
    },
  );

  it(
    'with an uploaded kubeconfig (no file given): helm gets it as a private file for the run, gone after',
    { timeout: 120_000 },
    async () => {
      const base = fresh();
      const content = readFileSync(need('KUBECONFIG'), 'utf8');
      const config: InstallConfig = {
        ...base,
        target: { ...base.target, kubeconfig: { source: 'upload', path: '', content } },
      };
      const shm = () =>
        (existsSync('/dev/shm') ? readdirSync('/dev/shm') : []).filter((f) =>
          f.startsWith('wandb-wizard-kube-'),
        );
      const before = shm();
      const started = startApplyRun('owner-a', { config, dryRun: true, env: env() });
      const done = await applyRunDone('owner-a', started.id);
      expect(done?.error).toBeUndefined();
      expect(done?.status).toBe('succeeded');
      expect(done?.steps.find((s) => s.kind === 'helm')?.state).toBe('done');
      expect(shm()).toEqual(before);
      // The credentials of the upload are redacted like any secret.
      const keyData = /client-key-data: (\S+)/.exec(content)?.[1];
      if (keyData) expect(JSON.stringify(done)).not.toContain(keyData.slice(0, 32));
    },
  );

  it(
    'a follow-only run needs no helm, changes nothing and reports what is (not) there',
    { timeout: 60_000 },
    async () => {
      const config = fresh();
      const started = startApplyRun('owner-a', {
        config,
        dryRun: false,
        followOnly: true,
        kubeconfigPath: need('KUBECONFIG'),
        // No helm anywhere: a follow-only run does not look for it.
        env: { PATH: '/nonexistent' },
        followTimeoutMs: 1_500,
      });
      expect(started.followOnly).toBe(true);
      expect(started.steps.map((s) => s.kind)).toEqual(['follow']);
      const done = await applyRunDone('owner-a', started.id);
      expect(done?.helm).toBeUndefined();
      expect(done?.status).toBe('failed');
      expect(done?.steps[0]?.error?.key).toBe('apply.follow.notReady');
      expect(done?.readiness?.cr.found).toBe(false);
      expect(done?.readiness?.workloads.every((w) => !w.found)).toBe(true);
      // Nothing was created: not even the namespace.
      expect(() =>
        execFileSync(need('KUBECTL'), ['get', 'namespace', config.target.operatorNamespace], {
          env: { ...process.env, KUBECONFIG: need('KUBECONFIG') },
          stdio: 'ignore',
        }),
      ).toThrow();
    },
  );

  it('cancel stops a running apply; no helm release is left', { timeout: 120_000 }, async () => {
    const config = fresh();
    const started = startApplyRun('owner-a', {
      config,
      dryRun: false,
      recoverStuckRelease: true,
      kubeconfigPath: need('KUBECONFIG'),
      env: env(),
    });
    expect(started.recoverStuckRelease).toBe(true);
    expect(cancelApplyRun('owner-b', started.id)).toBeUndefined();
    expect(cancelApplyRun('owner-a', started.id)?.id).toBe(started.id);
    const done = await applyRunDone('owner-a', started.id);
    expect(done?.status).toBe('cancelled');
    expect(done?.steps.some((s) => s.kind === 'helm' && s.state === 'done')).toBe(false);
  });

  it('a missing kubeconfig fails the run before any step, saying where it looked', async () => {
    const started = startApplyRun('owner-a', {
      config: fresh(),
      dryRun: true,
      kubeconfigPath: '/nonexistent/kubeconfig',
      env: env(),
    });
    const done = await applyRunDone('owner-a', started.id);
    expect(done?.status).toBe('failed');
    expect(done?.error).toEqual({
      key: 'apply.ui.noKubeconfig',
      params: { where: '/nonexistent/kubeconfig' },
    });
    expect(done?.steps.every((s) => s.state === 'pending')).toBe(true);
  });
});
