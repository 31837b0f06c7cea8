/**
 * Terminology: one glossary per language, used by the message modules (`${JA_TERMS.bypass}`)
 * and enforced on every catalogue text by `glossary.test.ts` (the forbidden variants below).
 * Pure and browser-safe; imports nothing from the catalogues, so the message modules may import it.
 *
 * Japanese follows the vendor's Japanese guide: クラスター (never クラスタ), オペレーター and
 * チャート outside commands and product names, 件 for counts, 詳細 for evidence, full-width
 * brackets and question marks around Japanese text.
 */

export interface Glossary {
  /** The Kubernetes cluster. */
  readonly cluster: string;
  /** The action of going on past a failed strict check, with a recorded reason (a button, a heading). */
  readonly bypass: string;
  /** The state of a check that was bypassed (a badge, "… at {at}"). */
  readonly bypassed: string;
  /** What a check observed (its evidence). */
  readonly evidence: string;
  /** Following the platform's start after apply. */
  readonly follow: string;
  /** The Helm operator of W&B. */
  readonly operator: string;
  /** A Helm chart. */
  readonly chart: string;
}

export const EN_TERMS: Glossary = {
  cluster: 'cluster',
  bypass: 'Ignore this check and continue (reason recorded)',
  bypassed: 'ignored and continued',
  evidence: 'Details',
  follow: 'Follow the start',
  operator: 'operator',
  chart: 'chart',
};

export const JA_TERMS: Glossary = {
  cluster: 'クラスター',
  bypass: 'このチェックを無視して続行する（理由を記録）',
  bypassed: '無視して続行',
  evidence: '詳細',
  follow: '起動状況を確認',
  operator: 'オペレーター',
  chart: 'チャート',
};

/** A variant a catalogue text must not contain, and what to write instead. */
export interface Forbidden {
  readonly pattern: RegExp;
  readonly use: string;
}

const JP = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー。、」]';

/** Variants that Japanese texts must not contain. */
export const JA_FORBIDDEN: readonly Forbidden[] = [
  { pattern: /クラスタ(?!ー)/u, use: JA_TERMS.cluster },
  { pattern: /迂回|バイパス/u, use: JA_TERMS.bypass },
  { pattern: /スキップ(?:して|され|を記録|もされ|してください)/u, use: JA_TERMS.bypass },
  { pattern: /根拠/u, use: JA_TERMS.evidence },
  { pattern: /準備状況/u, use: '起動状況' },
  { pattern: /ID \{user\}/u, use: 'ユーザー {user}' },
  { pattern: /(?:\}|\d) 個/u, use: '{count} 件' },
  { pattern: /(?<!W&B |Kubernetes )Operator/u, use: JA_TERMS.operator },
  { pattern: /(?<![-\w.{])chart(?![-\w.}])/u, use: JA_TERMS.chart },
  { pattern: new RegExp(`${JP} ?\\(|\\) ?${JP}`, 'u'), use: '（…）' },
  { pattern: new RegExp(`${JP}[?!]`, 'u'), use: '？ ！' },
];

/** Variants that English texts must not contain. */
export const EN_FORBIDDEN: readonly Forbidden[] = [
  { pattern: /\(s\)/u, use: 'a phrasing without a plural: "Problems ({count})"' },
  { pattern: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, use: 'English' },
];

/** `text` in brackets as the language writes them after a label: ` (required)`, `（必須）`. */
export function bracketed(locale: 'en' | 'ja', text: string): string {
  return locale === 'ja' ? `（${text}）` : ` (${text})`;
}
