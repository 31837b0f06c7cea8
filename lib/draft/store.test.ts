import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDraftStore, newDraftId } from './store';

const PATHS = ['platform.license', 'database.password'];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'draft-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const values = {
  platform: { host: 'https://wandb.example.com', license: 'SECRET-LICENSE' },
  database: { password: 'pw-123' },
};

async function allFilesText(): Promise<string> {
  const d = path.join(dir, 'drafts');
  const names = await readdir(d);
  return (await Promise.all(names.map((n) => readFile(path.join(d, n), 'utf8')))).join('\n');
}

describe('draft store', () => {
  it('keeps non-secret values on disk with mode 0600 and secrets only in memory by default', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    const saved = await store.save(id, { values, keepSecrets: false });
    expect(saved.secrets).toEqual({ 'platform.license': true, 'database.password': true });
    expect(saved.values).toEqual({
      platform: { host: 'https://wandb.example.com', license: '' },
      database: { password: '' },
    });
    const text = await allFilesText();
    expect(text).toContain('wandb.example.com');
    expect(text).not.toContain('SECRET-LICENSE');
    expect(text).not.toContain('pw-123');
    expect((await stat(path.join(dir, 'drafts', `${id}.json`))).mode & 0o777).toBe(0o600);
    expect((await store.resolve(id)).values).toEqual(values);
    const loaded = await store.load(id);
    expect(JSON.stringify(loaded)).not.toContain('SECRET-LICENSE');
  });

  it('survives a restart without secrets unless the user kept them', async () => {
    const idA = newDraftId();
    const idB = newDraftId();
    await createDraftStore({ dir, secretPaths: PATHS }).save(idA, { values, keepSecrets: false });
    await createDraftStore({ dir, secretPaths: PATHS }).save(idB, { values, keepSecrets: true });
    // A restart: a new process has an empty memory.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('wandb-airgap-wizard.draft-secrets')];
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const a = await store.load(idA);
    expect(a.values?.platform).toEqual({ host: 'https://wandb.example.com', license: '' });
    expect(a.secrets['platform.license']).toBe(false);
    const b = await store.resolve(idB);
    expect(b.values).toEqual(values);
    expect((await stat(path.join(dir, 'drafts', `${idB}.secrets.json`))).mode & 0o777).toBe(0o600);
  });

  it('removes the secrets file when the user stops keeping secrets, and keeps them in memory', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: true });
    expect(await allFilesText()).toContain('SECRET-LICENSE');
    const blank = {
      platform: { host: 'https://wandb.example.com', license: '' },
      database: { password: '' },
    };
    await store.save(id, { values: blank, keepSecrets: false });
    expect(await allFilesText()).not.toContain('SECRET-LICENSE');
    expect((await store.resolve(id)).values).toEqual(values);
  });

  it('forgets a secret on request and clears a draft', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: false });
    const blank = {
      platform: { host: 'https://wandb.example.com', license: '' },
      database: { password: '' },
    };
    const after = await store.save(id, { values: blank, keepSecrets: false, forget: ['database.password'] });
    expect(after.secrets).toEqual({ 'platform.license': true, 'database.password': false });
    await store.clear(id);
    expect((await store.load(id)).values).toBeNull();
    expect((await store.resolve(id)).values).toBeNull();
  });

  it('refuses ids that could name another file', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    await expect(store.load('../../etc/passwd')).rejects.toThrow('invalid draft id');
  });
});
