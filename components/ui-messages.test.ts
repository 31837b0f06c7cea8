import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CATALOGUES } from '@/lib/i18n';
import { uiEn } from '@/lib/i18n/messages/ui.en';
import { uiJa } from '@/lib/i18n/messages/ui.ja';

/**
 * The screens' messages (`ui.` keys) beyond what `lib/i18n/i18n.test.ts` checks for every
 * catalogue (missing and unused keys): both languages use the same parameters, and every
 * `config.`/`errors.`/`generate.` key the screens name literally exists. Keys appear as string
 * literals (`t('ui.nav.next')`, `titleKey: 'ui.step.start.title'`); the only computed ones are
 * data (a message returned by the server).
 */
const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'node_modules' && name !== 'testdata') out.push(...sources(file));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !/\/messages\//.test(file)) {
      out.push(file);
    }
  }
  return out;
}

describe('ui messages', () => {
  it('has the same keys in English and Japanese, none empty', () => {
    expect(Object.keys(uiJa).sort()).toEqual(Object.keys(uiEn).sort());
    for (const [key, value] of [...Object.entries(uiEn), ...Object.entries(uiJa)])
      expect(value.trim(), key).not.toBe('');
  });

  it('uses the same parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(uiEn) as (keyof typeof uiEn)[])
      expect(params(uiJa[key]), key).toEqual(params(uiEn[key]));
  });

  it("names the checks' and the apply's texts only in the two panels, whose steps bring them", () => {
    // Every page gets the shared namespaces; `app/locale.ts` adds `checks.` and `apply.` on their
    // own steps only. A client component elsewhere that named one would show the bare key.
    const elsewhere = ['app', 'components']
      .flatMap((d) => sources(path.join(ROOT, d)))
      .filter((f) => !/components\/(checks|apply)\//.test(f))
      .filter((f) => readFileSync(f, 'utf8').includes("'use client'"))
      .filter((f) => /['`](checks|apply)\.[a-z]/.test(readFileSync(f, 'utf8')));
    expect(elsewhere).toEqual([]);
  });

  it('finds every other message key the screens name in the shared catalogue', () => {
    const screens = ['app', 'components']
      .flatMap((d) => sources(path.join(ROOT, d)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const named = [...screens.matchAll(/\bt\(\s*'((?:config|errors|generate)\.[A-Za-z0-9_.-]+)'/g)].map(
      (m) => m[1] as string,
    );
    expect(named.filter((key) => !(key in CATALOGUES.en) || !(key in CATALOGUES.ja))).toEqual([]);
  });
});
