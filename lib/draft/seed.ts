import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type DraftFile, draftFileNames } from './draft-file';
import { type JsonObject, SECRET_FIELD_PATHS, splitSecrets } from './secret-fields';

/**
 * Writes a draft under `dataDir` exactly as the server stores one whose user kept the secrets on
 * the machine, and returns its id (the `wizard-draft` cookie's value). For tools that need a
 * filled-in wizard without typing it in: the benchmark and the end-to-end tests. The server must
 * not have loaded this id before (it keeps the secrets of drafts it has seen in memory).
 */
export function seedDraft(dataDir: string, values: object, visited: readonly string[]): string {
  const id = randomUUID();
  const dir = path.join(dataDir, 'drafts');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A JSON round trip, as the server's save does: no undefined, no class instances.
  const plain = JSON.parse(JSON.stringify(values)) as JsonObject;
  const { publicValues, secrets } = splitSecrets(plain, SECRET_FIELD_PATHS);
  const file: DraftFile = {
    version: 1,
    values: publicValues,
    keepSecrets: true,
    visited: [...visited],
    updatedAt: new Date().toISOString(),
  };
  const names = draftFileNames(id);
  writeFileSync(path.join(dir, names.draft), JSON.stringify(file), { mode: 0o600 });
  writeFileSync(path.join(dir, names.secrets), JSON.stringify(secrets), { mode: 0o600 });
  return id;
}
