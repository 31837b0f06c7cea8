import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { MessageError } from '@/lib/errors/typed-errors';
import { removeTempFiles, writeFileAtomic } from '@/lib/files/atomic';

import { changedFields } from './changes';
import { DRAFT_FORMAT, type DraftFile, draftFileName, isDraftFile } from './draft-file';
import { KeyFileError, keyFilePath, openSecrets as openWithKey, sealSecrets as sealWithKey } from './keys';
import {
  type JsonObject,
  type SecretMarkers,
  markersOf,
  mergeSecrets,
  splitSecrets,
  updateSecrets,
} from './secret-fields';

/** Something the page must say about the draft (a message key and its parameters). */
export interface DraftNotice {
  key: string;
  params: Record<string, string | number>;
}

/** A draft as the browser may see it: no secret, only which secrets are set. */
export interface PublicDraft {
  values: JsonObject | null;
  keepSecrets: boolean;
  secrets: SecretMarkers;
  visited: string[];
  updatedAt: string | null;
  /** The revision this state is: a save names it as its base (0: no draft yet). */
  rev: number;
  /** Secrets not kept on disk are forgotten after this many idle minutes. */
  secretsIdleMinutes: number;
  /** What happened to the draft that the page must say (expired secrets, a file set aside). */
  notices: DraftNotice[];
  /**
   * Secret fields the user had filled that the server no longer holds (it restarted, or they
   * expired): each must be typed again, or explicitly cleared, before the configuration is whole.
   */
  lostSecrets: string[];
}

export interface SaveDraftInput {
  values: JsonObject;
  keepSecrets: boolean;
  /** Secret paths whose stored value the user asked to forget. */
  forget?: readonly string[];
  visited?: readonly string[];
  /**
   * The revision the browser's values are based on. When the draft has moved on since (another
   * tab saved) and the values differ, the save is refused with a {@link DraftConflictError}.
   * Absent: save whatever is stored (an import, "keep mine").
   */
  baseRev?: number;
}

/** A save refused because the draft changed since the tab loaded it. */
export class DraftConflictError extends Error {
  override readonly name = 'DraftConflictError';
  constructor(
    /** The stored draft (no secrets). */
    readonly theirs: PublicDraft,
    /** Fields (dot paths) whose values differ between the stored draft and the refused save. */
    readonly fields: string[],
  ) {
    super('the draft changed since this tab loaded it');
  }
}

export interface DraftStore {
  /** The draft without secrets, and which secrets the server holds. */
  load(id: string): Promise<PublicDraft>;
  /** The draft with its secrets merged back in: for generation on the server only. */
  resolve(id: string): Promise<{ values: JsonObject | null; updatedAt: string | null }>;
  /** Stores the draft; secrets go to memory, and to disk (encrypted) only when `keepSecrets` is set. */
  save(id: string, input: SaveDraftInput): Promise<PublicDraft>;
  /** Forgets the draft and its secrets, in memory and on disk. */
  clear(id: string): Promise<void>;
}

/** Runs `work`, turning a key file's error into a MessageError the user sees with its fix. */
export async function withKeyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof KeyFileError) throw new MessageError(e.key, e.params, '');
    throw e;
  }
}

const sealSecrets = (id: string, secrets: Record<string, string>) =>
  withKeyErrors(() => sealWithKey(id, secrets));
const openSecrets = (id: string, sealed: Parameters<typeof openWithKey>[1]) =>
  withKeyErrors(() => openWithKey(id, sealed));

/** Draft ids are random and URL-safe; anything else is refused so an id can never name another file. */
export const DRAFT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh random draft id. */
export function newDraftId(): string {
  return randomBytes(18).toString('base64url');
}

function assertId(id: string): void {
  if (!DRAFT_ID_PATTERN.test(id)) throw new Error('invalid draft id');
}

/** Largest draft file (the request body limit is 8 MiB). */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;
const DEFAULT_IDLE_MINUTES = 60;

/** Minutes of inactivity after which secrets held only in memory are forgotten (`WIZARD_SECRETS_IDLE_MINUTES`). */
export function secretsIdleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.WIZARD_SECRETS_IDLE_MINUTES);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_IDLE_MINUTES;
}

interface MemoryEntry {
  secrets: Record<string, string>;
  lastUsed: number;
}

interface ProcessState {
  memory: Map<string, MemoryEntry>;
  /** Drafts whose in-memory secrets expired, and when. */
  expired: Map<string, number>;
  notices: Map<string, DraftNotice[]>;
  queues: Map<string, Promise<unknown>>;
  cleaned: boolean;
  sweeper?: ReturnType<typeof setInterval>;
}

// One state per process and directory, shared by every route bundle that imports this module
// (Next.js may load a module once per bundle; globalThis is one per process).
const STATE_KEY = Symbol.for('wandb-airgap-wizard.draft-store');
function processState(dir: string): ProcessState {
  const g = globalThis as unknown as Record<symbol, Map<string, ProcessState> | undefined>;
  const all = (g[STATE_KEY] ??= new Map());
  let state = all.get(dir);
  if (!state) {
    state = { memory: new Map(), expired: new Map(), notices: new Map(), queues: new Map(), cleaned: false };
    all.set(dir, state);
  }
  return state;
}

/**
 * A draft store under `dir` (`<dir>/drafts/<id>.json`, directory 0700, files 0600). Each draft is
 * one file, replaced atomically (temporary file, fsync, rename, directory fsync): a crash at any
 * moment leaves the previous complete draft. Secret fields (`secretPaths`) are held in server
 * memory and forgotten after `idleMinutes` without use; they are written to the draft file only
 * while the user keeps `keepSecrets` on, and then only encrypted (AES-256-GCM, a fresh nonce on
 * every write, lib/draft/keys.ts). A file that is not a draft of this wizard is moved to
 * `drafts/set-aside/`, never deleted, and the page says so.
 */
export function createDraftStore(options: {
  dir: string;
  secretPaths: readonly string[];
  idleMinutes?: number;
  now?: () => number;
}): DraftStore {
  const draftsDir = path.resolve(options.dir, 'drafts');
  const { secretPaths } = options;
  const idleMinutes = options.idleMinutes ?? secretsIdleMinutes();
  const idleMs = idleMinutes * 60_000;
  const now = options.now ?? Date.now;
  const state = processState(draftsDir);

  const fileOf = (id: string) => path.join(draftsDir, draftFileName(id));

  function sweep(): void {
    const t = now();
    for (const [id, entry] of state.memory) {
      if (t - entry.lastUsed <= idleMs) continue;
      state.memory.delete(id);
      if (Object.keys(entry.secrets).length > 0) state.expired.set(id, t);
    }
  }
  if (!state.sweeper && !options.now) {
    state.sweeper = setInterval(sweep, 60_000);
    state.sweeper.unref?.();
  }

  async function ensureDir(): Promise<void> {
    await mkdir(draftsDir, { recursive: true, mode: 0o700 });
    if (!state.cleaned) {
      state.cleaned = true;
      await removeTempFiles(draftsDir);
    }
  }

  /** Work on one draft runs one piece after the other (debounced saves may overlap). */
  function serialize<T>(id: string, work: () => Promise<T>): Promise<T> {
    const prev = state.queues.get(id) ?? Promise.resolve();
    const next = prev.then(work, work);
    // The queue keeps only the fact that the work ended, never its result (a draft can be MiBs).
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    state.queues.set(id, settled);
    void settled.then(() => {
      if (state.queues.get(id) === settled) state.queues.delete(id);
    });
    return next;
  }

  function addNotice(id: string, notice: DraftNotice): void {
    state.notices.set(id, [...(state.notices.get(id) ?? []), notice]);
  }

  /** Moves an unreadable file aside (never deletes it) and tells the page. */
  async function setAside(id: string, reason: string): Promise<void> {
    const asideDir = path.join(draftsDir, 'set-aside');
    await mkdir(asideDir, { recursive: true, mode: 0o700 });
    const target = path.join(asideDir, `${id}.${new Date(now()).toISOString().replace(/[:.]/g, '-')}.json`);
    await rename(fileOf(id), target);
    addNotice(id, { key: 'ui.security.draftSetAside', params: { reason, file: target } });
  }

  /** The draft file, or null when there is none (or it was set aside). */
  async function readDraft(id: string): Promise<DraftFile | null> {
    let text: string;
    try {
      text = await readFile(fileOf(id), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      await setAside(id, 'not JSON');
      return null;
    }
    if (!isDraftFile(parsed)) {
      await setAside(id, 'not a draft of this wizard version');
      return null;
    }
    return parsed;
  }

  async function secretsOf(id: string, draft: DraftFile | null): Promise<Record<string, string>> {
    sweep();
    const inMemory = state.memory.get(id);
    if (inMemory) {
      inMemory.lastUsed = now();
      return inMemory.secrets;
    }
    let kept: Record<string, string> = {};
    if (draft?.secrets) {
      const opened = await openSecrets(id, draft.secrets);
      if (opened)
        kept = Object.fromEntries(
          Object.entries(opened).filter(([k, v]) => secretPaths.includes(k) && typeof v === 'string' && v),
        );
      else addNotice(id, { key: 'ui.security.secretsUnreadable', params: { file: keyFilePath() } });
    }
    state.memory.set(id, { secrets: kept, lastUsed: now() });
    return kept;
  }

  function noticesOf(id: string, keepSecrets: boolean): DraftNotice[] {
    const out = [...(state.notices.get(id) ?? [])];
    if (state.expired.has(id) && !keepSecrets)
      out.push({ key: 'ui.security.secretsExpired', params: { minutes: idleMinutes } });
    return out;
  }

  function toPublic(id: string, draft: DraftFile | null, secrets: Record<string, string>): PublicDraft {
    const held = draft?.secretsHeld ?? [];
    return {
      lostSecrets: secretPaths.filter((p) => held.includes(p) && !secrets[p]),
      values: draft?.values ?? null,
      keepSecrets: draft?.keepSecrets ?? false,
      secrets: markersOf(secrets, secretPaths),
      visited: draft?.visited ?? [],
      updatedAt: draft?.updatedAt ?? null,
      rev: draft?.rev ?? 0,
      secretsIdleMinutes: idleMinutes,
      notices: noticesOf(id, draft?.keepSecrets ?? false),
    };
  }

  async function load(id: string): Promise<PublicDraft> {
    assertId(id);
    return serialize(id, async () => {
      await ensureDir();
      const draft = await readDraft(id);
      return toPublic(id, draft, await secretsOf(id, draft));
    });
  }

  async function resolve(id: string) {
    assertId(id);
    return serialize(id, async () => {
      await ensureDir();
      const draft = await readDraft(id);
      if (!draft) return { values: null, updatedAt: null };
      return { values: mergeSecrets(draft.values, await secretsOf(id, draft)), updatedAt: draft.updatedAt };
    });
  }

  async function save(id: string, input: SaveDraftInput): Promise<PublicDraft> {
    assertId(id);
    return serialize(id, async () => {
      await ensureDir();
      const stored = await readDraft(id);
      const { publicValues, secrets: incoming } = splitSecrets(input.values, secretPaths);
      const secrets = updateSecrets(await secretsOf(id, stored), incoming, input.forget ?? [], secretPaths);
      let visited = [...(input.visited ?? [])];
      if (stored && input.baseRev !== undefined && input.baseRev !== stored.rev) {
        const fields = changedFields(stored.values, publicValues);
        if (fields.length > 0) throw new DraftConflictError(toPublic(id, stored, secrets), fields);
        // Only bookkeeping differs: keep both tabs' visits.
        visited = [...new Set([...stored.visited, ...visited])];
      }
      const record: DraftFile = {
        format: DRAFT_FORMAT,
        version: 2,
        rev: (stored?.rev ?? 0) + 1,
        values: publicValues,
        keepSecrets: input.keepSecrets,
        visited,
        updatedAt: new Date(now()).toISOString(),
        // Held until typed again or cleared: a save after a restart must not make a lost one vanish.
        secretsHeld: secretPaths.filter(
          (p) =>
            Boolean(secrets[p]) || ((stored?.secretsHeld ?? []).includes(p) && !(input.forget ?? []).includes(p)),
        ),
        ...(input.keepSecrets && Object.keys(secrets).length > 0
          ? { secrets: await sealSecrets(id, secrets) }
          : {}),
      };
      const text = JSON.stringify(record, null, 2);
      if (Buffer.byteLength(text) > MAX_DRAFT_BYTES)
        throw new MessageError(
          'errors.security.draftTooLarge',
          { size: Buffer.byteLength(text), limit: MAX_DRAFT_BYTES },
          '',
        );
      await writeFileAtomic(fileOf(id), text);
      state.memory.set(id, { secrets, lastUsed: now() });
      if (Object.keys(incoming).length > 0) state.expired.delete(id);
      state.notices.delete(id);
      return toPublic(id, record, secrets);
    });
  }

  async function clear(id: string): Promise<void> {
    assertId(id);
    return serialize(id, async () => {
      state.memory.delete(id);
      state.expired.delete(id);
      state.notices.delete(id);
      await rm(fileOf(id), { force: true });
    });
  }

  return { load, resolve, save, clear };
}
