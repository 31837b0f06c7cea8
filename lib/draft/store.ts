import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';

import { type DraftFile, draftFileNames } from './draft-file';
import {
  type JsonObject,
  type SecretMarkers,
  markersOf,
  mergeSecrets,
  splitSecrets,
  updateSecrets,
} from './secret-fields';

/** A draft as the browser may see it: no secret, only which secrets are set. */
export interface PublicDraft {
  values: JsonObject | null;
  keepSecrets: boolean;
  secrets: SecretMarkers;
  visited: string[];
  updatedAt: string | null;
}

export interface SaveDraftInput {
  values: JsonObject;
  keepSecrets: boolean;
  /** Secret paths whose stored value the user asked to forget. */
  forget?: readonly string[];
  visited?: readonly string[];
}

export interface DraftStore {
  /** The draft without secrets, and which secrets the server holds. */
  load(id: string): Promise<PublicDraft>;
  /** The draft with its secrets merged back in: for generation on the server only. */
  resolve(id: string): Promise<{ values: JsonObject | null; updatedAt: string | null }>;
  /** Stores the draft; secrets go to memory, and to disk only when `keepSecrets` is set. */
  save(id: string, input: SaveDraftInput): Promise<PublicDraft>;
  /** Forgets the draft and its secrets, in memory and on disk. */
  clear(id: string): Promise<void>;
}

/** Draft ids are random and URL-safe; anything else is refused so an id can never name another file. */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh random draft id. */
export function newDraftId(): string {
  return randomBytes(18).toString('base64url');
}

function assertId(id: string): void {
  if (!DRAFT_ID_PATTERN.test(id)) throw new Error('invalid draft id');
}

// One map per process and directory, shared by every route bundle that imports this module
// (Next.js may load a module once per bundle; globalThis is one per process).
const MEMORY_KEY = Symbol.for('wandb-airgap-wizard.draft-secrets');
const QUEUE_KEY = Symbol.for('wandb-airgap-wizard.draft-queues');
function processMap<V>(key: symbol, dir: string): Map<string, V> {
  const g = globalThis as unknown as Record<symbol, Map<string, Map<string, V>> | undefined>;
  const all = (g[key] ??= new Map());
  let forDir = all.get(dir);
  if (!forDir) {
    forDir = new Map();
    all.set(dir, forDir);
  }
  return forDir;
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A damaged file is treated as absent rather than breaking every page; it is overwritten on the next save.
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Writes through a temporary file and a rename so that a crash never leaves half a draft; mode 0600. */
async function writePrivate(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

/**
 * A draft store under `dir` (`<dir>/drafts/<id>.json`, directory 0700, files 0600). Secret fields
 * (`secretPaths`) are held in server memory; they are written to `<id>.secrets.json` only while the
 * user keeps `keepSecrets` on, and the file is removed as soon as it is turned off.
 */
export function createDraftStore(options: { dir: string; secretPaths: readonly string[] }): DraftStore {
  const draftsDir = path.resolve(options.dir, 'drafts');
  const { secretPaths } = options;
  const memory = processMap<Record<string, string>>(MEMORY_KEY, draftsDir);
  const queues = processMap<Promise<unknown>>(QUEUE_KEY, draftsDir);

  const files = (id: string) => {
    const names = draftFileNames(id);
    return { draft: path.join(draftsDir, names.draft), secrets: path.join(draftsDir, names.secrets) };
  };

  async function ensureDir(): Promise<void> {
    await mkdir(draftsDir, { recursive: true, mode: 0o700 });
  }

  /** Saves of one draft run one after the other (debounced saves may overlap). */
  function serialize<T>(id: string, work: () => Promise<T>): Promise<T> {
    const prev = queues.get(id) ?? Promise.resolve();
    const next = prev.then(work, work);
    queues.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  async function secretsOf(id: string): Promise<Record<string, string>> {
    const inMemory = memory.get(id);
    if (inMemory) return inMemory;
    // After a restart: the secrets file exists only if the user opted in.
    const onDisk = (await readJson<Record<string, string>>(files(id).secrets)) ?? {};
    const kept = Object.fromEntries(
      Object.entries(onDisk).filter(([k, v]) => secretPaths.includes(k) && typeof v === 'string' && v),
    );
    memory.set(id, kept);
    return kept;
  }

  async function load(id: string): Promise<PublicDraft> {
    assertId(id);
    const draft = await readJson<DraftFile>(files(id).draft);
    const secrets = await secretsOf(id);
    return {
      values: draft?.values ?? null,
      keepSecrets: draft?.keepSecrets ?? false,
      secrets: markersOf(secrets, secretPaths),
      visited: Array.isArray(draft?.visited) ? draft.visited : [],
      updatedAt: draft?.updatedAt ?? null,
    };
  }

  async function resolve(id: string) {
    assertId(id);
    const draft = await readJson<DraftFile>(files(id).draft);
    if (!draft) return { values: null, updatedAt: null };
    return { values: mergeSecrets(draft.values, await secretsOf(id)), updatedAt: draft.updatedAt };
  }

  function save(id: string, input: SaveDraftInput): Promise<PublicDraft> {
    assertId(id);
    return serialize(id, async () => {
      await ensureDir();
      const { publicValues, secrets: incoming } = splitSecrets(input.values, secretPaths);
      const secrets = updateSecrets(await secretsOf(id), incoming, input.forget ?? [], secretPaths);
      memory.set(id, secrets);
      const record: DraftFile = {
        version: 1,
        values: publicValues,
        keepSecrets: input.keepSecrets,
        visited: [...(input.visited ?? [])],
        updatedAt: new Date().toISOString(),
      };
      const f = files(id);
      await writePrivate(f.draft, JSON.stringify(record, null, 2));
      if (input.keepSecrets && Object.keys(secrets).length > 0) {
        await writePrivate(f.secrets, JSON.stringify(secrets));
      } else {
        await rm(f.secrets, { force: true });
      }
      return {
        values: publicValues,
        keepSecrets: record.keepSecrets,
        secrets: markersOf(secrets, secretPaths),
        visited: record.visited,
        updatedAt: record.updatedAt,
      };
    });
  }

  function clear(id: string): Promise<void> {
    assertId(id);
    return serialize(id, async () => {
      memory.delete(id);
      const f = files(id);
      await rm(f.draft, { force: true });
      await rm(f.secrets, { force: true });
    });
  }

  return { load, resolve, save, clear };
}
