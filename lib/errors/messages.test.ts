import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { errorMessages } from './messages';

const ROOT = join(__dirname, '..', '..');
// The modules whose message keys this catalogue collects.
const OWNED = ['lib/errors', 'lib/checks/runner.ts', 'lib/helm', 'lib/registry', 'lib/kube'];

function sources(path: string): string[] {
  const abs = join(ROOT, path);
  if (!statSync(abs, { throwIfNoEntry: false })) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs).flatMap((f) => sources(join(path, f)));
}

const params = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('errorMessages', () => {
  it('has the same keys in English and Japanese', () => {
    expect(Object.keys(errorMessages.ja).sort()).toEqual(Object.keys(errorMessages.en).sort());
  });

  it('uses the same parameters in both languages', () => {
    for (const [key, en] of Object.entries(errorMessages.en)) {
      expect(params(errorMessages.ja[key as keyof typeof errorMessages.ja]), key).toEqual(params(en));
    }
  });

  it('contains every errors.* key used in the code it serves', () => {
    const files = OWNED.flatMap(sources).filter(
      (f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.endsWith('messages.ts'),
    );
    const used = new Set(
      files.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/'(errors\.[a-zA-Z]+(?:\.[a-zA-Z]+)*)'/g)].map(
          (m) => m[1] ?? '',
        ),
      ),
    );
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => !(k in errorMessages.en));
    expect(missing).toEqual([]);
  });
});
