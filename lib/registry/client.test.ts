import { describe, expect, it } from 'vitest';

import { MANIFEST_MEDIA_TYPES, nextPageUrl } from './client';

const base = new URL('https://reg.example:5000');

describe('nextPageUrl', () => {
  it('follows a relative next link (distribution tag pagination)', () => {
    expect(nextPageUrl('</v2/a/b/tags/list?n=2&last=x>; rel="next"', base)?.href).toBe(
      'https://reg.example:5000/v2/a/b/tags/list?n=2&last=x',
    );
  });
  it('finds next among several links and relation lists', () => {
    expect(nextPageUrl('<https://o/prev>; rel="prev", </v2/t?last=y>; rel="next"', base)?.href).toBe(
      'https://reg.example:5000/v2/t?last=y',
    );
    expect(nextPageUrl('</p?a=1,2>; rel="last next"', base)?.href).toBe('https://reg.example:5000/p?a=1,2');
    expect(nextPageUrl('</x>; rel=next', base)?.href).toBe('https://reg.example:5000/x');
  });
  it('returns nothing without a next relation', () => {
    expect(nextPageUrl(undefined, base)).toBeUndefined();
    expect(nextPageUrl('</x>; rel="prev"', base)).toBeUndefined();
    expect(nextPageUrl('</x>; rel="nextish"', base)).toBeUndefined();
    expect(nextPageUrl('garbage', base)).toBeUndefined();
  });
});

describe('MANIFEST_MEDIA_TYPES', () => {
  it('accepts Docker and OCI manifests and indexes', () => {
    expect([...MANIFEST_MEDIA_TYPES].sort()).toEqual([
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
    ]);
  });
});
