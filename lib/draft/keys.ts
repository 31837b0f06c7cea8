import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The wizard's key: 32 random bytes in a file readable by its owner only (0600), outside the data
 * folder (`WIZARD_KEY_FILE`, else `secrets.key` in `WIZARD_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/wandb-airgap-wizard` or `~/.config/wandb-airgap-wizard`), made at first use.
 * Two keys are derived from it (HKDF-SHA256): one encrypts the secrets a user keeps on disk
 * (AES-256-GCM), one keys the configuration hashes of check runs and the audit log (HMAC-SHA256),
 * so that a hash cannot be tested against guessed secrets without the key file.
 * Not `server-only`: the seeding tool of the tests and the benchmark writes drafts with it.
 */
export function keyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WIZARD_KEY_FILE) return path.resolve(env.WIZARD_KEY_FILE);
  const dir =
    env.WIZARD_CONFIG_DIR ||
    path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'wandb-airgap-wizard');
  return path.resolve(dir, 'secrets.key');
}

/**
 * A key file that cannot be used (message key and parameters). Plain (this module is imported by
 * tools outside the server): the server's modules turn it into a MessageError (see
 * {@link withKeyErrors} in lib/draft/store.ts).
 */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number>,
  ) {
    super(key);
  }
}

const MASTER_BYTES = 32;
let cached: { file: string; master: Buffer } | undefined;

async function readKey(file: string): Promise<Buffer | null> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if ((info.mode & 0o077) !== 0) throw new KeyFileError('errors.security.keyPermissions', { path: file });
  const text = (await readFile(file, 'utf8')).trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== MASTER_BYTES) throw new KeyFileError('errors.security.keyInvalid', { path: file });
  return key;
}

/** The master key, made (0600, in a 0700 folder) when there is none yet. */
async function masterKey(): Promise<Buffer> {
  const file = keyFilePath();
  if (cached?.file === file) return cached.master;
  let key = await readKey(file);
  if (!key) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const fresh = randomBytes(MASTER_BYTES);
    try {
      // The key lives outside the build: no tracing.
      const handle = await open(/*turbopackIgnore: true*/ file, 'wx', 0o600);
      try {
        await handle.writeFile(`${fresh.toString('base64')}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      key = fresh;
    } catch (e) {
      // Another process made it first: use that one.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      key = await readKey(file);
      if (!key) throw e;
    }
  }
  cached = { file, master: key };
  return key;
}

async function derived(label: string): Promise<Buffer> {
  return Buffer.from(hkdfSync('sha256', await masterKey(), Buffer.alloc(0), label, 32));
}

/** Secrets encrypted for one draft: AES-256-GCM, a fresh 96-bit nonce per write, the draft id as associated data. */
export interface SealedSecrets {
  alg: 'AES-256-GCM';
  nonce: string;
  data: string;
  tag: string;
}

export async function sealSecrets(draftId: string, secrets: Record<string, string>): Promise<SealedSecrets> {
  const key = await derived('wandb-airgap-wizard draft secrets v1');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`draft:${draftId}`));
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return {
    alg: 'AES-256-GCM',
    nonce: nonce.toString('base64'),
    data: data.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The secrets back, or null when this key cannot open them (another machine's key, a changed file). */
export async function openSecrets(
  draftId: string,
  sealed: SealedSecrets,
): Promise<Record<string, string> | null> {
  const key = await derived('wandb-airgap-wizard draft secrets v1');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.nonce, 'base64'));
    decipher.setAAD(Buffer.from(`draft:${draftId}`));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    const parsed = JSON.parse(text.toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** A keyed hash (HMAC-SHA256, base64url) for configuration hashes: stable on this machine, useless elsewhere. */
export async function keyedHasher(): Promise<(text: string) => string> {
  const key = await derived('wandb-airgap-wizard configuration hash v1');
  return (text) => createHmac('sha256', key).update(text).digest('base64url');
}
