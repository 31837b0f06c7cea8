import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readChartArchive } from './chart-archive';

// Archives made with the system tar, the way `helm package` lays them out: <name>/Chart.yaml first.
describe('readChartArchive', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chart-archive-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function archive(name: string, files: Record<string, string>, tarArgs: string[] = []): string {
    const src = join(dir, `src-${name}`);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(src, path, '..'), { recursive: true });
      writeFileSync(join(src, path), content);
    }
    const out = join(dir, `${name}.tgz`);
    execFileSync('tar', [
      '-czf',
      out,
      ...tarArgs,
      '-C',
      src,
      ...Object.keys(files)
        .map((p) => p.split('/')[0] as string)
        .filter((v, i, a) => a.indexOf(v) === i),
    ]);
    return out;
  }

  it('reads name, version and appVersion of the top-level Chart.yaml', async () => {
    const f = archive('operator', {
      'operator/Chart.yaml': 'apiVersion: v2\nname: operator\nversion: 1.3.3\nappVersion: "1.0.0"\n',
      'operator/charts/sub/Chart.yaml': 'name: sub\nversion: 9.9.9\n',
      'operator/values.yaml': 'a: 1\n',
    });
    expect(await readChartArchive(f)).toEqual({
      kind: 'ok',
      chartYamlPath: 'operator/Chart.yaml',
      chart: { apiVersion: 'v2', name: 'operator', version: '1.3.3', appVersion: '1.0.0' },
    });
  });

  it('follows long (PAX/GNU) names', async () => {
    const long = `chart-${'x'.repeat(120)}`;
    const f = archive('long', { [`${long}/Chart.yaml`]: `name: ${long}\nversion: 0.1.0\n` }, [
      '--format=pax',
    ]);
    expect(await readChartArchive(f)).toMatchObject({ kind: 'ok', chart: { name: long, version: '0.1.0' } });
    const g = archive('gnu', { [`${long}/Chart.yaml`]: `name: ${long}\nversion: 0.2.0\n` }, ['--format=gnu']);
    expect(await readChartArchive(g)).toMatchObject({ kind: 'ok', chart: { version: '0.2.0' } });
  });

  it('says why an archive is not a chart', async () => {
    const noChart = archive('nochart', { 'x/values.yaml': 'a: 1\n' });
    expect(await readChartArchive(noChart)).toEqual({
      kind: 'invalid',
      reason: 'no <chart>/Chart.yaml inside',
    });
    const noVersion = archive('noversion', { 'y/Chart.yaml': 'name: y\n' });
    expect(await readChartArchive(noVersion)).toEqual({
      kind: 'invalid',
      reason: 'y/Chart.yaml has no name or version',
    });
    const plain = join(dir, 'plain.tgz');
    writeFileSync(plain, 'not gzip');
    expect((await readChartArchive(plain)).kind).toBe('invalid');
  });

  it('a missing file is thrown (mapped to errors.file.notFound by toUserError)', async () => {
    await expect(readChartArchive(join(dir, 'missing.tgz'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
