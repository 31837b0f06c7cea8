import 'server-only';

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { appendLineDurable, ensurePrivateDir } from '@/lib/files/atomic';

/**
 * The audit log: every dry run, apply (with or without recovery), readiness follow, bypass and
 * cancel, appended as one JSON line to `<data>/audit.log` (0600) and fsynced, so it survives
 * restarts and crashes. Entries are built from fixed fields only (never a configuration value
 * that is a secret); the one free text, a bypass's reason, is redacted before it gets here.
 */
export interface AuditEntry {
  at: string;
  event: 'dryRun' | 'apply' | 'recover' | 'follow' | 'bypass' | 'cancel';
  /** `started` / `ended` for runs; `recorded` for a bypass or cancel. */
  phase: 'started' | 'ended' | 'recorded';
  /** The session, as "address · id". */
  session: string;
  draft: string;
  /** Keyed hash of the configuration (lib/draft/fingerprint.ts). */
  configHash?: string;
  runId?: string;
  target?: {
    cluster: string;
    operatorNamespace: string;
    crNamespace: string;
    crName: string;
    operatorChart: string;
    platformChart: string;
  };
  /** For `ended`: the run's status; for a refusal, `refused`. */
  result?: string;
  error?: string;
  check?: string;
  reason?: string;
}

function auditFile(): string {
  // The data folder is the user's, not part of the build: no tracing.
  return path.join(
    path.resolve(/*turbopackIgnore: true*/ process.env.WIZARD_DATA_DIR || '.data'),
    'audit.log',
  );
}

// Appends are queued: lines never interleave.
let queue: Promise<void> = Promise.resolve();

export function appendAudit(entry: AuditEntry): Promise<void> {
  const file = auditFile();
  const line = JSON.stringify(entry);
  queue = queue.then(
    async () => {
      await ensurePrivateDir(path.dirname(file));
      await appendLineDurable(file, line);
    },
    () => undefined,
  );
  return queue;
}

/** The whole log as written (JSON lines), or '' when there is none yet. */
export async function readAuditText(): Promise<string> {
  try {
    return await readFile(auditFile(), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** The newest entries first (at most `limit`); lines that cannot be read are skipped. */
export async function readAudit(limit = 100): Promise<AuditEntry[]> {
  const lines = (await readAuditText()).split('\n').filter(Boolean);
  const out: AuditEntry[] = [];
  for (const line of lines.slice(-limit).reverse()) {
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // A line cut by a crash: the rest stays readable.
    }
  }
  return out;
}
