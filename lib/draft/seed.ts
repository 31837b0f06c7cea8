import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { DRAFT_FORMAT, type DraftFile, draftFileName } from './draft-file';
import { sealSecrets } from './keys';
import { type JsonObject, SECRET_FIELD_PATHS, splitSecrets } from './secret-fields';

/**
 * Writes a draft under `dataDir` exactly as the server stores one whose user kept the secrets on
 * the machine (encrypted with the key in `configDir`, the server's `WIZARD_CONFIG_DIR`), and
 * returns its id. For tools that need a filled-in wizard without typing it in: the benchmark and
 * the end-to-end tests, which then sign in to it (`signin-url --draft <id>`).
 */
export async function seedDraft(
  dataDir: string,
  values: object,
  visited: readonly string[],
  configDir: string,
): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  const dir = path.join(dataDir, 'drafts');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A JSON round trip, as the server's save does: no undefined, no class instances.
  const plain = JSON.parse(JSON.stringify(values)) as JsonObject;
  const { publicValues, secrets } = splitSecrets(plain, SECRET_FIELD_PATHS);
  const previous = process.env.WIZARD_CONFIG_DIR;
  process.env.WIZARD_CONFIG_DIR = path.resolve(configDir);
  let sealed;
  try {
    sealed = await sealSecrets(id, secrets);
  } finally {
    if (previous === undefined) delete process.env.WIZARD_CONFIG_DIR;
    else process.env.WIZARD_CONFIG_DIR = previous;
  }
  const file: DraftFile = {
    format: DRAFT_FORMAT,
    version: 2,
    rev: 1,
    values: publicValues,
    keepSecrets: true,
    visited: [...visited],
    updatedAt: new Date().toISOString(),
    secrets: sealed,
  };
  writeFileSync(path.join(dir, draftFileName(id)), JSON.stringify(file), { mode: 0o600 });
  return id;
}
