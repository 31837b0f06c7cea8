import { describe, expect, it } from 'vitest';

import { negotiateLocale } from './locale-negotiation';

describe('negotiateLocale', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['ja', 'ja'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['fr-FR,ja;q=0.5', 'ja'],
    ['fr-FR,de;q=0.5', 'en'],
    ['en;q=0.4,ja;q=0.6', 'ja'],
    ['ja;q=0,en', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
