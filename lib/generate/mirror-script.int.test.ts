/**
 * Integration: the generated mirror-images.sh's `verify` mode, run by bash as the runbook says, with
 * Debian's skopeo (scripts/setup --test installs it), against the test environment's registry with
 * TLS from the private CA and basic auth: every image of the configuration is present (the test
 * environment mirrored them), and an image whose tag the registry lacks is named and fails the run.
 * It fails, rather than skips, when the environment is not loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { testEnvConfig } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';

import { generateArtifacts } from './index';

const works: string[] = [];
afterAll(() => {
  for (const w of works.splice(0)) rmSync(w, { recursive: true, force: true });
});

/** Writes the download's files to a new folder and runs `bash mirror-images.sh verify` there. */
function verify(config: InstallConfig) {
  const work = mkdtempSync(path.join(tmpdir(), 'mirror-script-int-'));
  works.push(work);
  const files = generateArtifacts(config, { includeSecrets: false });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(work, name), text);
  const run = spawnSync('bash', ['mirror-images.sh', 'verify'], {
    cwd: work,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      HOME: work,
      // skopeo's login goes to a file of this run, never the user's.
      REGISTRY_AUTH_FILE: path.join(work, 'auth.json'),
      REGISTRY_PASSWORD: config.registry.password,
    },
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('mirror-images.sh verify against the test registry (TLS, private CA, basic auth)', () => {
  it('finds every image of the configuration', () => {
    expect(spawnSync('skopeo', ['--version']).status, 'skopeo: run scripts/setup --test').toBe(0);
    const config = testEnvConfig('0.18.0');
    const r = verify(config);
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toContain('MISSING');
    expect(r.out.match(/^present /gm)?.length ?? 0).toBeGreaterThanOrEqual(7);
    expect(r.out).not.toContain(config.registry.password);
  });

  it('names an image whose tag the registry lacks, and fails', () => {
    const base = testEnvConfig('0.18.0');
    const config: InstallConfig = {
      ...base,
      images: { ...base.images, console: { repository: '', tag: 'no-such-tag-0.0.0' } },
    };
    const r = verify(config);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^MISSING \S+:no-such-tag-0\.0\.0$/m);
    expect(r.out).toContain('1 image(s) missing');
  });
});
