import 'server-only';

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

import type { Message } from '@/lib/errors';

/**
 * Why the Mirror step's source folder cannot be read, as a message that names the field and the
 * fix; null when it is a readable folder. Checked on the server: the folder is on the wizard's
 * machine, which the browser cannot see.
 */
export async function sourceFolderProblem(path: string): Promise<Message | null> {
  if (path.trim() === '') return { key: 'mirrorStep.source.empty', params: {} };
  if (!path.startsWith('/')) return { key: 'config.mirror.source.absolute', params: {} };
  const s = await stat(path).catch((e: NodeJS.ErrnoException) => e);
  if (s instanceof Error)
    return s.code === 'EACCES'
      ? { key: 'mirrorStep.source.unreadable', params: { path } }
      : { key: 'mirrorStep.source.missing', params: { path } };
  if (!s.isDirectory()) return { key: 'mirrorStep.source.notFolder', params: { path } };
  const readable = await access(path, constants.R_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
  return readable ? null : { key: 'mirrorStep.source.unreadable', params: { path } };
}
