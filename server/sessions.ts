import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ensurePrivateDir, writeFileAtomic } from '@/lib/files/atomic';

/** A signed-in browser. Stored by the hash of its cookie: the file never holds a usable cookie. */
export interface Session {
  hash: string;
  /** Public id: the audit log and the apply lock name the session by it. */
  publicId: string;
  /** The draft this session works on, made by the server. */
  draftId: string;
  createdAt: string;
  lastSeenAt: string;
  /** The address it signed in from. */
  peer: string;
}

interface PendingToken {
  expiresAt: number;
  /** A draft to continue (`signin-url --draft`), else a new one. */
  draftId?: string;
}

export interface SessionLimits {
  /** A session unused this long ends (default 12 hours). */
  idleMs: number;
  /** A session ends this long after sign-in whatever happens (default 30 days). */
  maxAgeMs: number;
  /** Sessions kept at once; the least recently used one ends first (default 32). */
  maxSessions: number;
  /** How long a printed sign-in URL stays valid unused (default 24 hours). */
  tokenTtlMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  idleMs: 12 * 3600_000,
  maxAgeMs: 30 * 24 * 3600_000,
  maxSessions: 32,
  tokenTtlMs: 24 * 3600_000,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Draft ids as lib/draft accepts them. */
export const newDraftId = () => random(18);

/**
 * Sign-in tokens and sessions. A token is printed once (at start, or by `signin-url`), is good
 * for one sign-in, and is kept only as its hash in memory. Sessions survive a restart: they are
 * kept in `<data>/sessions.json` (0600) by the hash of their cookie.
 */
export class SessionStore {
  private readonly file: string;
  private readonly tokens = new Map<string, PendingToken>();
  private sessions = new Map<string, Session>();
  private saving: Promise<void> = Promise.resolve();
  private dirtySince = 0;

  constructor(
    private readonly dataDir: string,
    private readonly limits: SessionLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.file = path.join(dataDir, 'sessions.json');
  }

  async load(): Promise<void> {
    await ensurePrivateDir(this.dataDir);
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as { sessions?: Session[] };
      for (const s of parsed.sessions ?? []) {
        if (typeof s?.hash === 'string' && typeof s.draftId === 'string') this.sessions.set(s.hash, s);
      }
    } catch (e) {
      // No file yet, or an unreadable one: everyone signs in again (the drafts stay).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof SyntaxError)) throw e;
    }
    this.expire();
  }

  /** A new one-time sign-in token, optionally for an existing draft. */
  issueToken(draftId?: string): string {
    const token = random(32);
    this.tokens.set(sha256(token), {
      expiresAt: this.now() + this.limits.tokenTtlMs,
      ...(draftId ? { draftId } : {}),
    });
    return token;
  }

  /** Exchanges a token for a new session; null when it is unknown, used or expired. Returns the cookie. */
  async exchange(token: string, peer: string): Promise<{ cookie: string; session: Session } | null> {
    const key = sha256(token);
    const pending = this.tokens.get(key);
    this.tokens.delete(key);
    if (!pending || pending.expiresAt < this.now()) return null;
    const cookie = random(32);
    const at = new Date(this.now()).toISOString();
    const session: Session = {
      hash: sha256(cookie),
      publicId: random(9),
      draftId: pending.draftId ?? newDraftId(),
      createdAt: at,
      lastSeenAt: at,
      peer,
    };
    this.sessions.set(session.hash, session);
    this.expire();
    await this.persist();
    return { cookie, session };
  }

  /** The session of a cookie, or null; marks it used. */
  lookup(cookie: string | undefined): Session | null {
    if (!cookie) return null;
    const session = this.sessions.get(sha256(cookie));
    if (!session) return null;
    const now = this.now();
    if (this.expired(session, now)) {
      this.sessions.delete(session.hash);
      void this.persist();
      return null;
    }
    session.lastSeenAt = new Date(now).toISOString();
    // Last-seen times are saved at most once a minute.
    if (now - this.dirtySince > 60_000) {
      this.dirtySince = now;
      void this.persist();
    }
    return session;
  }

  /** Ends the session of a cookie (sign-out). */
  async end(cookie: string | undefined): Promise<void> {
    if (!cookie) return;
    if (this.sessions.delete(sha256(cookie))) await this.persist();
  }

  /** Sessions as they stand (for tests and the CLI). */
  list(): Session[] {
    return [...this.sessions.values()];
  }

  private expired(s: Session, now: number): boolean {
    return (
      now - Date.parse(s.lastSeenAt) > this.limits.idleMs ||
      now - Date.parse(s.createdAt) > this.limits.maxAgeMs
    );
  }

  private expire(): void {
    const now = this.now();
    for (const [hash, s] of this.sessions) if (this.expired(s, now)) this.sessions.delete(hash);
    for (const [hash, t] of this.tokens) if (t.expiresAt < now) this.tokens.delete(hash);
    const byUse = [...this.sessions.values()].sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt));
    while (byUse.length > this.limits.maxSessions) this.sessions.delete(byUse.shift()!.hash);
  }

  private persist(): Promise<void> {
    const text = JSON.stringify({ sessions: [...this.sessions.values()] });
    this.saving = this.saving.then(
      () => writeFileAtomic(this.file, text),
      () => writeFileAtomic(this.file, text),
    );
    return this.saving;
  }
}
