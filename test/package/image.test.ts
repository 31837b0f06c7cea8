import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The OCI image scripts/package-image writes (after `npm run package`): a valid image layout whose
 * blobs match their digests, whose layers unpack into a filesystem holding the archive's files, and
 * whose entrypoint's Node.js runs there (chroot, only loopback) on the base's C runtime alone.
 */
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
const layout = path.resolve('dist', `wandb-airgap-wizard-${version}-oci-${arch}`);
const canChroot = spawnSync('unshare', ['-n', 'chroot', '/', 'true']).status === 0;

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}
const blobPath = (d: Descriptor) => path.join(layout, 'blobs', ...d.digest.split(':'));
const json = <T>(d: Descriptor) => JSON.parse(readFileSync(blobPath(d), 'utf8')) as T;

let rootfs = '';
let config: { config: { Entrypoint: string[]; User: string }; rootfs: { diff_ids: string[] } };

beforeAll(() => {
  if (!existsSync(layout)) throw new Error(`${layout} is missing: run npm run package first`);
  rootfs = mkdtempSync(path.join(tmpdir(), 'wizard-image-'));
});

afterAll(() => {
  if (rootfs) rmSync(rootfs, { recursive: true, force: true });
});

describe('the OCI image', () => {
  it('is an image layout whose blobs match their digests and sizes, unpacked layer by layer', () => {
    expect(JSON.parse(readFileSync(path.join(layout, 'oci-layout'), 'utf8'))).toEqual({
      imageLayoutVersion: '1.0.0',
    });
    const index = JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8')) as {
      manifests: Descriptor[];
    };
    expect(index.manifests).toHaveLength(1);
    const manifest = json<{ config: Descriptor; layers: Descriptor[] }>(index.manifests[0]!);
    config = json(manifest.config);
    for (const d of [index.manifests[0]!, manifest.config, ...manifest.layers]) {
      const bytes = readFileSync(blobPath(d));
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(d.digest);
      expect(bytes.length).toBe(d.size);
    }
    expect(config.rootfs.diff_ids).toHaveLength(manifest.layers.length);
    for (const l of manifest.layers) execFileSync('tar', ['-xzf', blobPath(l), '-C', rootfs]);
    expect(config.config.User).toBe('65532:65532');
  });

  it('holds the archive’s files, checked against its SHA256SUMS', () => {
    const app = path.join(rootfs, 'opt/wandb-airgap-wizard');
    expect(execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: app, encoding: 'utf8' })).toBe(
      '',
    );
    expect(existsSync(path.join(rootfs, 'bin/sh'))).toBe(false);
  });

  it.skipIf(!canChroot)('runs its entrypoint’s Node.js 24 on the base’s C runtime alone', () => {
    mkdirSync(path.join(rootfs, 'proc'), { recursive: true });
    const [node] = config.config.Entrypoint;
    const out = execFileSync(
      'unshare',
      ['-n', 'chroot', '--userspec=65532:65532', rootfs, node!, '-p', 'process.version'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toMatch(/^v24\./);
  });
});
