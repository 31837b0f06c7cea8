import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The suffix of temporary files: anything ending so in a folder of the wizard is cleaned at start. */
export const TEMP_SUFFIX = '.tmp';

/** Creates a folder readable by the owner only (and its parents). */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
    if ((e as NodeJS.ErrnoException).code !== 'EINVAL' && (e as NodeJS.ErrnoException).code !== 'EISDIR')
      throw e;
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old or the new
 * complete file: write a temporary file in the same folder (mode 0600), fsync it, rename it over
 * the file, fsync the folder. The temporary file is removed when anything fails.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Appends one line and fsyncs it (the audit log): a crash loses at most the line being written. */
export async function appendLineDurable(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${line.replace(/\n/g, ' ')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the temporary files a crash left in `dir` (not recursive); returns their names. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const temps = names.filter((n) => n.endsWith(TEMP_SUFFIX));
  await Promise.all(temps.map((n) => rm(path.join(dir, n), { force: true })));
  return temps;
}
