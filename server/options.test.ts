import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { publicSigninCommand, signinUrlCommand, USAGE } from './options';

describe('USAGE', () => {
  it('names every flag and environment variable the options are read from', () => {
    const source = readFileSync(new URL('./options.ts', import.meta.url), 'utf8');
    const read = source.slice(source.indexOf('export function resolveOptions'));
    const flags = [...read.matchAll(/flags\.(?:get|has)\('([a-z-]+)'\)/g)].map((m) => `--${m[1]}`);
    const env = [...read.matchAll(/env\.([A-Z_]+)/g)]
      .map((m) => m[1]!)
      .filter((name) => name !== 'XDG_CONFIG_HOME');
    expect(flags.length).toBeGreaterThan(5);
    expect(env.length).toBeGreaterThan(5);
    for (const name of [...flags, ...env]) expect(USAGE, name).toContain(name);
  });

  it('is plain text of the commands, not source', () => {
    expect(USAGE).toMatch(/^W&B air-gapped install wizard/);
    expect(USAGE).toContain('signin-url');
    expect(USAGE).not.toMatch(/\/\*|\*\/|require\(/);
  });
});

describe('signinUrlCommand', () => {
  it('names the archive’s launcher beside the server’s folder', () => {
    const at = (files: string[]) => (f: string) => files.includes(f);
    expect(signinUrlCommand('/site/w-0.1.0/app', {}, at(['/site/w-0.1.0/wandb-airgap-wizard']))).toBe(
      '/site/w-0.1.0/wandb-airgap-wizard signin-url',
    );
  });

  it('names npm when npm started it, else the built folder’s server.js', () => {
    const none = () => false;
    expect(signinUrlCommand('/repo/.next/standalone', { npm_lifecycle_event: 'start' }, none)).toBe(
      'npm run signin-url',
    );
    expect(signinUrlCommand('/opt/wandb-airgap-wizard/app', {}, none)).toBe(
      'node /opt/wandb-airgap-wizard/app/server.js signin-url',
    );
  });
});

describe('publicSigninCommand: the command as the browser pages name it', () => {
  it('relative to the wizard folder, with npm’s -- before arguments', () => {
    expect(publicSigninCommand('/site/w-0.1.0/wandb-airgap-wizard signin-url')).toBe(
      './wandb-airgap-wizard signin-url',
    );
    expect(publicSigninCommand('/site/w-0.1.0/wandb-airgap-wizard signin-url', '--draft <id>')).toBe(
      './wandb-airgap-wizard signin-url --draft <id>',
    );
    expect(publicSigninCommand('npm run signin-url', '--list')).toBe('npm run signin-url -- --list');
    expect(publicSigninCommand('node /opt/wandb-airgap-wizard/app/server.js signin-url')).toBe(
      'node server.js signin-url',
    );
  });
});
