import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A variable of `scripts/test-env env`; a test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

/** Runs helm with its configuration, cache and data in a throwaway directory. */
function helm(binary: string, args: string[]) {
  const home = mkdtempSync(path.join(tmpdir(), 'helm-smoke-'));
  try {
    const res = spawnSync(binary, args, {
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        HOME: home,
        HELM_CONFIG_HOME: path.join(home, 'config'),
        HELM_CACHE_HOME: path.join(home, 'cache'),
        HELM_DATA_HOME: path.join(home, 'data'),
      },
    });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr, error: res.error };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('20-helm: Helm 3 and Helm 4 binaries', () => {
  it.each([
    ['HELM3', /^v3\.17\.\d+$/],
    ['HELM4', /^v4\.\d+\.\d+$/],
  ])('%s is an absolute path to a working helm of that major version', (variable, version) => {
    const binary = requireEnv(variable);
    expect(path.isAbsolute(binary)).toBe(true);
    const res = helm(binary, ['version', '--template', '{{.Version}}']);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toMatch(version);
  });

  it.each(['HELM3', 'HELM4'])('%s renders a chart it creates (no network, no cluster)', (variable) => {
    const binary = requireEnv(variable);
    const dir = mkdtempSync(path.join(tmpdir(), 'helm-chart-'));
    try {
      expect(helm(binary, ['create', path.join(dir, 'demo')]).status).toBe(0);
      const res = helm(binary, ['template', 'smoke', path.join(dir, 'demo'), '--set', 'replicaCount=3']);
      expect(res.status).toBe(0);
      expect(res.stdout).toContain('kind: Deployment');
      expect(res.stdout).toContain('replicas: 3');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
