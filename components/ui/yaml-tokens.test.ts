import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { tokenizeYaml, type YamlToken } from './yaml-tokens';

const kinds = (line: YamlToken[]) =>
  line.filter((t) => t.text.trim()).map((t) => `${t.kind}:${t.text.trim()}`);

describe('tokenizeYaml', () => {
  it('marks keys, scalars and comments', () => {
    const lines = tokenizeYaml(
      'image:\n  repository: registry.example.com/controller # the operator\n  tag: "1.16.1"\nairgapped: true\nport: 3306\nx: null',
    );
    expect(kinds(lines[0]!)).toEqual(['key:image', 'punct::']);
    expect(kinds(lines[1]!)).toEqual([
      'key:repository',
      'punct::',
      'string:registry.example.com/controller',
      'comment:# the operator',
    ]);
    expect(kinds(lines[2]!)).toEqual(['key:tag', 'punct::', 'string:"1.16.1"']);
    expect(kinds(lines[3]!)).toEqual(['key:airgapped', 'punct::', 'bool:true']);
    expect(kinds(lines[4]!)).toEqual(['key:port', 'punct::', 'number:3306']);
    expect(kinds(lines[5]!)).toEqual(['key:x', 'punct::', 'null:null']);
  });

  it('handles sequences, URLs with colons and block scalars', () => {
    const lines = tokenizeYaml(
      'customCACerts:\n  - |\n    -----BEGIN CERTIFICATE-----\n    MIIB: x\nhost: https://w.example.com:8443\n- a: b',
    );
    expect(kinds(lines[1]!)).toEqual(['punct:-', 'punct:|']);
    expect(kinds(lines[2]!)).toEqual(['string:-----BEGIN CERTIFICATE-----']);
    expect(kinds(lines[3]!)).toEqual(['string:MIIB: x']);
    expect(kinds(lines[4]!)).toEqual(['key:host', 'punct::', 'string:https://w.example.com:8443']);
    expect(kinds(lines[5]!)).toEqual(['punct:-', 'key:a', 'punct::', 'string:b']);
  });

  it('keeps a # inside quotes and a URL fragment as part of the value', () => {
    const lines = tokenizeYaml("a: 'x # y'\nb: http://h/#frag");
    expect(kinds(lines[0]!)).toEqual(['key:a', 'punct::', "string:'x # y'"]);
    expect(kinds(lines[1]!)).toEqual(['key:b', 'punct::', 'string:http://h/#frag']);
  });

  it('keeps the spaces after a key without a value', () => {
    expect(tokenizeYaml('a: ')[0]).toEqual([
      { kind: 'key', text: 'a' },
      { kind: 'punct', text: ':' },
      { kind: 'plain', text: ' ' },
    ]);
  });

  it('never loses or adds a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', ':', '-', '#', '"', "'", '|', '\n', '1', 'x', '>') }),
        (s) => {
          const joined = tokenizeYaml(s)
            .map((line) => line.map((t) => t.text).join(''))
            .join('\n');
          expect(joined).toBe(s);
        },
      ),
    );
  });
});

describe('highlightYaml', () => {
  it('escapes every character of the text and keeps it whole', async () => {
    const { highlightYaml } = await import('./yaml-code');
    const text = 'a: "<script>alert(1)</script>" # & \'x\'\nb: <b>\n';
    const html = highlightYaml(text);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    const decoded = html
      .replace(/<span class="y-[a-z]+">|<\/span>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(text);
  });
});
