import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sourceFolderProblem } from './source-folder';

describe('sourceFolderProblem', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mirror-source-'));
    await writeFile(join(dir, 'file.tar'), 'x');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a readable folder', async () => {
    expect(await sourceFolderProblem(dir)).toBeNull();
  });

  it('says an empty field must be filled or the step skipped', async () => {
    expect((await sourceFolderProblem(''))?.key).toBe('mirrorStep.source.empty');
  });

  it('refuses a relative path', async () => {
    expect((await sourceFolderProblem('bundle'))?.key).toBe('config.mirror.source.absolute');
  });

  it('names a folder that does not exist', async () => {
    expect(await sourceFolderProblem(join(dir, 'nope'))).toEqual({
      key: 'mirrorStep.source.missing',
      params: { path: join(dir, 'nope') },
    });
  });

  it('says a file is not a folder', async () => {
    expect((await sourceFolderProblem(join(dir, 'file.tar')))?.key).toBe('mirrorStep.source.notFolder');
  });

  it.skipIf(process.getuid?.() === 0)('says when the folder cannot be read', async () => {
    const closed = join(dir, 'closed');
    await mkdir(closed);
    await chmod(closed, 0o000);
    expect((await sourceFolderProblem(closed))?.key).toBe('mirrorStep.source.unreadable');
  });
});
