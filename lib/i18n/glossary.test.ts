import { describe, expect, it } from 'vitest';

import { bracketed, EN_FORBIDDEN, EN_TERMS, JA_FORBIDDEN, JA_TERMS } from './glossary';
import { CATALOGUES } from './index';

/** Every catalogue text against its language's forbidden variants: the glossary's terms win. */
function offences(texts: Readonly<Record<string, string>>, forbidden: typeof JA_FORBIDDEN): string[] {
  const out: string[] = [];
  for (const [key, text] of Object.entries(texts)) {
    for (const { pattern, use } of forbidden) {
      const found = pattern.exec(text);
      if (found) out.push(`${key}: "${found[0]}" (use ${use})`);
    }
  }
  return out;
}

describe('glossary', () => {
  it('no Japanese text uses a forbidden variant', () => {
    expect(offences(CATALOGUES.ja, JA_FORBIDDEN)).toEqual([]);
  });

  it('no English text uses a forbidden variant', () => {
    expect(offences(CATALOGUES.en, EN_FORBIDDEN)).toEqual([]);
  });

  it('the variants are caught it is meant to catch', () => {
    const probe = {
      a: 'クラスタに適用',
      b: 'このチェックを迂回する',
      c: '根拠',
      d: '{count} 個の項目',
      e: 'ID {user} は',
      f: 'Operator のインストール',
      g: 'インストール前に chart を確認',
      h: '入力してください (例: x)。',
      i: '始めますか?',
      j: 'バイパス',
      k: '理由を添えてスキップしてください',
    };
    expect(offences(probe, JA_FORBIDDEN).map((line) => line.split(':')[0])).toEqual(Object.keys(probe));
    const fine = {
      a: 'クラスターに適用',
      b: 'W&B Operator v1.16.1',
      c: 'operator-wandb の {chart} と spec.chart.path',
      d: 'スキップしました。',
      e: 'host[:port] (registry.example.com)',
    };
    expect(offences(fine, JA_FORBIDDEN)).toEqual([]);
    expect(offences({ a: '{count} problem(s)', b: 'クラスター' }, EN_FORBIDDEN)).toHaveLength(2);
  });

  it('the bypass is one phrase in both languages, used by the check page', () => {
    expect(CATALOGUES.ja['checks.ui.bypass.heading']).toBe(JA_TERMS.bypass);
    expect(CATALOGUES.ja['checks.ui.bypass.heading']).toBe('このチェックを無視して続行する（理由を記録）');
    expect(CATALOGUES.ja['checks.ui.evidence']).toBe('詳細');
    expect(EN_TERMS.bypass).not.toBe('');
  });

  it('brackets a label as the language writes it', () => {
    expect(bracketed('ja', '必須')).toBe('（必須）');
    expect(bracketed('en', 'required')).toBe(' (required)');
  });
});
