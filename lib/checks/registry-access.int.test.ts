/**
 * Integration: how the image check asks the real auth registry of scripts/test-env
 * (`eval "$(scripts/test-env env)"`): several tags of one repository by one tag list, the tags the
 * list lacks by manifest, so that a missing image still carries the registry's own answer.
 */
import { describe, expect, it } from 'vitest';

import { resolveConfigImages } from '@/lib/config';

import { LIST_TAGS_FROM, registryClientOptions, verifyImages } from './registry-access';
import { testEnvConfig } from './test-env-config';

describe('verifyImages', () => {
  const config = testEnvConfig('0.43.8');
  const opts = () => registryClientOptions(config, 10_000);
  const present = () => {
    const image = resolveConfigImages(config).find((i) => i.needed)?.targetRef;
    if (!image) throw new Error('the test configuration needs no image');
    return image;
  };
  const repositoryOf = (image: string) => image.slice(0, image.lastIndexOf(':'));

  it(`reads one tag list for ${LIST_TAGS_FROM} or more tags of a repository and asks the missing one by manifest`, async () => {
    const image = present();
    const missing = `${repositoryOf(image)}:0.0.0-not-mirrored`;
    const images = [...Array.from({ length: LIST_TAGS_FROM - 1 }, () => image), missing];
    const results = await verifyImages(images, opts(), new AbortController().signal);
    const listed = results.slice(0, -1).map((r) => r.result);
    for (const r of listed) expect(r).toMatchObject({ kind: 'present', method: 'tags/list' });
    // The list's own request is shown once, with the first image.
    expect(listed[0]?.exchanges.some((e) => e.request.includes('/tags/list'))).toBe(true);
    const last = results.at(-1)?.result;
    expect(last).toMatchObject({ kind: 'missing', status: 404 });
    expect(last?.exchanges.some((e) => e.request.includes('/manifests/0.0.0-not-mirrored'))).toBe(true);
  });

  it(`asks fewer than ${LIST_TAGS_FROM} tags of a repository by manifest, with their digests`, async () => {
    const results = await verifyImages([present()], opts(), new AbortController().signal);
    expect(results[0]?.result).toMatchObject({ kind: 'present', method: 'HEAD' });
    expect(results[0]?.result).toHaveProperty('digest', expect.stringMatching(/^sha256:/));
  });

  it('falls back to manifests when the tag list is refused (wrong password: each image says so)', async () => {
    const image = present();
    const bad = { ...opts(), password: 'wrong-password-123' };
    const results = await verifyImages(
      Array.from({ length: LIST_TAGS_FROM }, () => image),
      bad,
      new AbortController().signal,
    );
    for (const r of results) expect(r.result.kind).toBe('unauthorized');
  });
});
