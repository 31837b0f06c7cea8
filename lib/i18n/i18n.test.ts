import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { CATALOGUES, isMessageKey, translate } from './index';

/**
 * The catalogues are complete and every key is used.
 *
 * Usage scan (app/, components/, lib/; tests and the catalogues themselves excluded), with the
 * TypeScript parser so that comments and escapes cannot fool it:
 * - a string literal equal to a key uses it;
 * - a template literal uses every key its fixed parts match (`generate.secretField.${field}` uses
 *   all `generate.secretField.*`) — the convention for dynamic keys: build them with a template
 *   whose fixed parts name the family, never by `+` or from data alone;
 * - a comment `i18n-keys: prefix.*` in a source file marks a family used where neither applies.
 * A literal that looks like a key of a known namespace but is in no catalogue is a missing key
 * (file names such as `config.json` excepted).
 */

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['app', 'components', 'lib', 'server'];
const CATALOGUE_FILES = /lib\/i18n\/messages\/|lib\/errors\/messages\.ts$/;
const KEY_SHAPE = /^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9-]+)+$/;
/** File names look like keys (`config.json`); they are never keys. */
const FILE_NAME =
  /\.(?:json|ya?ml|[cm]?[jt]sx?|crt|pem|key|txt|md|sh|tgz|tar|gz|lock|log|b64|conf|ini|toml)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && entry.name !== 'testdata')
        out.push(...sourceFiles(path));
    } else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(path);
    }
  }
  return out;
}

interface Usage {
  readonly literals: Map<string, string>;
  readonly patterns: Array<{ regex: RegExp; where: string }>;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function scan(): Usage {
  const literals = new Map<string, string>();
  const patterns: Usage['patterns'] = [];
  for (const dir of SCANNED) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const where = relative(ROOT, file);
      if (CATALOGUE_FILES.test(where)) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/i18n-keys:\s*([\w.-]+)\.\*/g)) {
        patterns.push({ regex: new RegExp(`^${escapeRegex(match[1] ?? '')}\\.`), where });
      }
      const source = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        false,
        file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
          if (KEY_SHAPE.test(node.text) && !literals.has(node.text)) literals.set(node.text, where);
        } else if (ts.isTemplateExpression(node)) {
          const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
          if (/^[a-z][a-zA-Z0-9]*\./.test(parts[0] ?? '')) {
            patterns.push({ regex: new RegExp(`^${parts.map(escapeRegex).join('[^]+')}$`), where });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { literals, patterns };
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe('catalogues', () => {
  it('Japanese has exactly the English keys', () => {
    expect(Object.keys(CATALOGUES.ja).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it('every text is non-empty and both languages use the same parameters', () => {
    for (const [key, en] of Object.entries(CATALOGUES.en)) {
      const ja = CATALOGUES.ja[key as keyof typeof CATALOGUES.ja];
      expect(en.trim(), key).not.toBe('');
      expect(ja.trim(), key).not.toBe('');
      expect(placeholders(ja), key).toEqual(placeholders(en));
    }
  });
});

describe('translate', () => {
  it('fills parameters and leaves missing ones visible', () => {
    expect(translate('en', 'config.tooLong', { maximum: 63 })).toBe('Enter at most 63 characters.');
    expect(translate('ja', 'config.tooLong', { maximum: 63 })).toBe('63 文字以内で入力してください。');
    expect(translate('en', 'config.tooLong')).toBe('Enter at most {maximum} characters.');
    expect(
      translate('en', 'config.certificates.notCertificate', { block: 2, line: 31, label: 'PRIVATE KEY' }),
    ).toBe('Block 2 (line 31) is a PRIVATE KEY, not a certificate.');
  });

  it('knows its keys', () => {
    expect(isMessageKey('config.required')).toBe(true);
    expect(isMessageKey('config.nope')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

describe('key usage', () => {
  const usage = scan();
  const keys = Object.keys(CATALOGUES.en);
  const namespaces = new Set(keys.map((key) => key.split('.')[0]));

  it('every key is used somewhere in app/, components/, lib/ or server/', () => {
    const unused = keys.filter(
      (key) => !usage.literals.has(key) && !usage.patterns.some((pattern) => pattern.regex.test(key)),
    );
    expect(unused).toEqual([]);
  });

  it('every key-shaped literal of a known namespace is in the catalogues', () => {
    const missing = [...usage.literals]
      .filter(
        ([literal]) =>
          namespaces.has(literal.split('.')[0]) && !isMessageKey(literal) && !FILE_NAME.test(literal),
      )
      .map(([literal, where]) => `${literal} (${where})`);
    expect(missing).toEqual([]);
  });
});
