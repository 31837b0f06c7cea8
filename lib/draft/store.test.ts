import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { changedFields } from './changes';
import { createDraftStore, DraftConflictError, newDraftId } from './store';

const PATHS = ['platform.license', 'database.password'];
let dir: string;
let configDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'draft-'));
  configDir = await mkdtemp(path.join(os.tmpdir(), 'draft-config-'));
  process.env.WIZARD_CONFIG_DIR = configDir;
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('wandb-airgap-wizard.draft-store')];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(configDir, { recursive: true, force: true });
  delete process.env.WIZARD_CONFIG_DIR;
});

const values = {
  platform: { host: 'https://wandb.example.com', license: 'SECRET-LICENSE' },
  database: { password: 'pw-123' },
};
const blank = {
  platform: { host: 'https://wandb.example.com', license: '' },
  database: { password: '' },
};

async function allFilesText(): Promise<string> {
  const d = path.join(dir, 'drafts');
  const names = (await readdir(d)).filter((n) => n.endsWith('.json'));
  return (await Promise.all(names.map((n) => readFile(path.join(d, n), 'utf8')))).join('\n');
}

/** A restart: a new process has an empty memory. */
function restart(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('wandb-airgap-wizard.draft-store')];
}

describe('draft store', () => {
  it('keeps non-secret values on disk with mode 0600 and secrets only in memory by default', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    const saved = await store.save(id, { values, keepSecrets: false });
    expect(saved.secrets).toEqual({ 'platform.license': true, 'database.password': true });
    expect(saved.values).toEqual(blank);
    const text = await allFilesText();
    expect(text).toContain('wandb.example.com');
    expect(text).not.toContain('SECRET-LICENSE');
    expect(text).not.toContain('pw-123');
    expect((await stat(path.join(dir, 'drafts', `${id}.json`))).mode & 0o777).toBe(0o600);
    expect((await store.resolve(id)).values).toEqual(values);
    expect(JSON.stringify(await store.load(id))).not.toContain('SECRET-LICENSE');
  });

  it('keeps opted-in secrets encrypted in the draft file, with a fresh nonce on every write', async () => {
    const idA = newDraftId();
    const idB = newDraftId();
    const store = createDraftStore({ dir, secretPaths: PATHS });
    await store.save(idA, { values, keepSecrets: false });
    await store.save(idB, { values, keepSecrets: true });
    const first = JSON.parse(await readFile(path.join(dir, 'drafts', `${idB}.json`), 'utf8'));
    await store.save(idB, { values: blank, keepSecrets: true });
    const second = JSON.parse(await readFile(path.join(dir, 'drafts', `${idB}.json`), 'utf8'));
    expect(first.secrets.alg).toBe('AES-256-GCM');
    expect(second.secrets.nonce).not.toBe(first.secrets.nonce);
    expect(await allFilesText()).not.toMatch(/SECRET-LICENSE|pw-123/);
    // Only the draft files: no separate secrets file.
    expect((await readdir(path.join(dir, 'drafts'))).sort()).toEqual([`${idA}.json`, `${idB}.json`].sort());
    const key = path.join(configDir, 'secrets.key');
    expect((await stat(key)).mode & 0o777).toBe(0o600);

    restart();
    const after = createDraftStore({ dir, secretPaths: PATHS });
    expect((await after.load(idA)).secrets['platform.license']).toBe(false);
    expect((await after.resolve(idB)).values).toEqual(values);
  });

  it('says so when kept secrets cannot be decrypted (another key)', async () => {
    const id = newDraftId();
    await createDraftStore({ dir, secretPaths: PATHS }).save(id, { values, keepSecrets: true });
    restart();
    process.env.WIZARD_CONFIG_DIR = await mkdtemp(path.join(os.tmpdir(), 'draft-other-key-'));
    const loaded = await createDraftStore({ dir, secretPaths: PATHS }).load(id);
    expect(loaded.secrets['platform.license']).toBe(false);
    expect(loaded.notices.map((n) => n.key)).toEqual(['ui.security.secretsUnreadable']);
  });

  it('refuses a key file others can read', async () => {
    const id = newDraftId();
    await writeFile(path.join(configDir, 'secrets.key'), Buffer.alloc(32, 1).toString('base64'), {
      mode: 0o644,
    });
    await expect(
      createDraftStore({ dir, secretPaths: PATHS }).save(id, { values, keepSecrets: true }),
    ).rejects.toMatchObject({
      key: 'errors.security.keyPermissions',
    });
  });

  it('drops the secrets from the file when the user stops keeping them, and keeps them in memory', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: true });
    expect(await allFilesText()).toContain('AES-256-GCM');
    await store.save(id, { values: blank, keepSecrets: false });
    expect(await allFilesText()).not.toContain('AES-256-GCM');
    expect((await store.resolve(id)).values).toEqual(values);
  });

  it('forgets secrets kept in memory only after the idle time, and the page is told', async () => {
    let t = 0;
    const store = createDraftStore({ dir, secretPaths: PATHS, idleMinutes: 10, now: () => t });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: false });
    t += 9 * 60_000;
    expect((await store.load(id)).secrets['platform.license']).toBe(true);
    t += 11 * 60_000;
    const loaded = await store.load(id);
    expect(loaded.secrets['platform.license']).toBe(false);
    expect(loaded.notices).toEqual([{ key: 'ui.security.secretsExpired', params: { minutes: 10 } }]);
    await store.save(id, { values, keepSecrets: false });
    expect((await store.load(id)).notices).toEqual([]);
  });

  it('names the secrets a restart lost until each is typed again or cleared, never their values', async () => {
    const id = newDraftId();
    await createDraftStore({ dir, secretPaths: PATHS }).save(id, { values, keepSecrets: false });
    expect((await createDraftStore({ dir, secretPaths: PATHS }).load(id)).lostSecrets).toEqual([]);
    restart();
    const store = createDraftStore({ dir, secretPaths: PATHS });
    expect((await store.load(id)).lostSecrets).toEqual(['platform.license', 'database.password']);
    // A save of other fields (the autosave after the restart) keeps them lost.
    const other = { ...blank, platform: { ...blank.platform, host: 'https://other.example.com' } };
    expect((await store.save(id, { values: other, keepSecrets: false })).lostSecrets).toEqual([
      'platform.license',
      'database.password',
    ]);
    // Typed again: found; explicitly cleared: no longer expected.
    const retyped = { ...other, platform: { ...other.platform, license: 'SECRET-LICENSE' } };
    const after = await store.save(id, { values: retyped, keepSecrets: false, forget: ['database.password'] });
    expect(after.lostSecrets).toEqual([]);
    expect(await allFilesText()).not.toContain('SECRET-LICENSE');
    restart();
    expect((await createDraftStore({ dir, secretPaths: PATHS }).load(id)).lostSecrets).toEqual([
      'platform.license',
    ]);
  });

  it('counts secrets forgotten after the idle time as lost too', async () => {
    let t = 0;
    const store = createDraftStore({ dir, secretPaths: PATHS, idleMinutes: 10, now: () => t });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: false });
    t += 11 * 60_000;
    expect((await store.load(id)).lostSecrets).toEqual(['platform.license', 'database.password']);
  });

  it('loses nothing on a restart when the user keeps secrets on the machine', async () => {
    const id = newDraftId();
    await createDraftStore({ dir, secretPaths: PATHS }).save(id, { values, keepSecrets: true });
    restart();
    expect((await createDraftStore({ dir, secretPaths: PATHS }).load(id)).lostSecrets).toEqual([]);
  });

  it('refuses a save based on an older revision when fields differ, and names them', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    const first = await store.save(id, { values, keepSecrets: false, baseRev: 0 });
    expect(first.rev).toBe(1);
    // Tab A saves a new host on revision 1; tab B, still on revision 1, saves an old one.
    const a = { ...blank, platform: { host: 'https://a.example.com', license: '' } };
    expect((await store.save(id, { values: a, keepSecrets: false, baseRev: 1 })).rev).toBe(2);
    const b = { ...blank, platform: { host: 'https://b.example.com', license: '' } };
    const refused = store.save(id, { values: b, keepSecrets: false, baseRev: 1 });
    await expect(refused).rejects.toBeInstanceOf(DraftConflictError);
    await expect(refused).rejects.toMatchObject({ fields: ['platform.host'] });
    expect((await store.load(id)).values).toEqual(a);
    // Same values, another tab's visits: saved, visits merged.
    const merged = await store.save(id, { values: a, keepSecrets: false, baseRev: 1, visited: ['x'] });
    expect(merged.rev).toBe(3);
    // "Keep mine": no base.
    expect((await store.save(id, { values: b, keepSecrets: false })).values).toEqual(b);
  });

  it('sets a corrupt or foreign file aside, never deletes it, and says so', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: false });
    const file = path.join(dir, 'drafts', `${id}.json`);
    await writeFile(file, '{"half": ');
    const loaded = await store.load(id);
    expect(loaded.values).toBeNull();
    expect(loaded.notices[0]?.key).toBe('ui.security.draftSetAside');
    const aside = await readdir(path.join(dir, 'drafts', 'set-aside'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, 'drafts', 'set-aside', aside[0]!), 'utf8')).toBe('{"half": ');
    await writeFile(file, JSON.stringify({ something: 'else' }));
    await store.load(id);
    expect(await readdir(path.join(dir, 'drafts', 'set-aside'))).toHaveLength(2);
  });

  it('leaves no temporary file and removes those a crash left', async () => {
    const drafts = path.join(dir, 'drafts');
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: true });
    await writeFile(path.join(drafts, `.${id}.json.abc.tmp`), 'partial');
    restart();
    await createDraftStore({ dir, secretPaths: PATHS }).load(id);
    expect((await readdir(drafts)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('forgets a secret on request and clears a draft', async () => {
    const store = createDraftStore({ dir, secretPaths: PATHS });
    const id = newDraftId();
    await store.save(id, { values, keepSecrets: false });
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

describe('changedFields', () => {
  it('names changed leaves, arrays as one field, and both sides of a switched section', () => {
    expect(changedFields({ a: { b: 1, c: [1] } }, { a: { b: 2, c: [1, 2] } })).toEqual(['a.b', 'a.c']);
    expect(changedFields({ s: { kind: 'x', u: '1' } }, { s: { kind: 'y', v: '2' } })).toEqual([
      's.kind',
      's.u',
      's.v',
    ]);
    expect(changedFields({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('counts a field one draft lacks and the other holds empty as unchanged (a field added since)', () => {
    expect(changedFields({ p: { host: 'h' } }, { p: { host: 'h', storageClass: '' } })).toEqual([]);
    expect(changedFields({ p: { host: 'h' } }, { p: { host: 'h', storageClass: 'fast' } })).toEqual([
      'p.storageClass',
    ]);
  });
});
