import { describe, expect, it } from 'vitest';

import { decodeMessage, encodeMessage, sameMessage } from './field-messages';

describe('sameMessage', () => {
  const field = decodeMessage(
    encodeMessage({ key: 'config.certificates.unparseable', params: { line: 7, block: 2 } }),
  );

  it('matches a finding with the same key and parameters in another order', () => {
    expect(sameMessage(field, { key: 'config.certificates.unparseable', params: { block: 2, line: 7 } })).toBe(
      true,
    );
  });

  it('keeps a finding of another block or key apart', () => {
    expect(sameMessage(field, { key: 'config.certificates.unparseable', params: { block: 3, line: 7 } })).toBe(
      false,
    );
    expect(sameMessage(field, { key: 'config.certificates.expired', params: { block: 2, line: 7 } })).toBe(false);
    expect(sameMessage(field, { key: 'config.certificates.unparseable', params: { block: 2 } })).toBe(false);
    expect(sameMessage(null, null)).toBe(false);
  });
});
