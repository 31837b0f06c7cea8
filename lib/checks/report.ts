import 'server-only';

import { redactDeep } from '@/lib/errors';
import { isMessageKey, type Locale, translate } from '@/lib/i18n';
import { bracketed } from '@/lib/i18n/glossary';

import type { CheckRun } from './runs';
import type { CheckStatus } from './types';

type Msg = { key: string; params: Record<string, string | number> };

const t = (locale: Locale, m: Msg | undefined): string =>
  m ? (isMessageKey(m.key) ? translate(locale, m.key, m.params) : m.key) : '';
const label = (locale: Locale, key: string): string => (isMessageKey(key) ? translate(locale, key) : key);

const STATUS_KEYS: Record<CheckStatus, string> = {
  pass: 'checks.status.pass',
  warn: 'checks.status.warn',
  fail: 'checks.status.fail',
  error: 'checks.status.error',
  skipped: 'checks.status.skipped',
};

/** The run as a JSON document for a support ticket (results are already redacted by the runner). */
export function runToJson(run: CheckRun, secrets: readonly string[] = []): string {
  return `${JSON.stringify(redactDeep({ format: 'wandb-airgap-wizard/checks-report/v1', ...run }, secrets), null, 2)}\n`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const fence = (text: string): string => text.replace(/```/g, "'''");

/** The run as a Markdown report: a summary table, then each check with its message, remedy, bypass and evidence. */
export function runToMarkdown(run: CheckRun, locale: Locale, secrets: readonly string[] = []): string {
  const clean = redactDeep(run, secrets);
  const lines: string[] = [
    `# ${label(locale, 'checks.report.title')}`,
    '',
    `- ${label(locale, 'checks.report.run')}: \`${clean.id}\``,
    `- ${label(locale, 'checks.report.started')}: ${clean.startedAt}`,
    `- ${label(locale, 'checks.report.finished')}: ${clean.finishedAt ?? '-'}`,
    `- ${label(locale, 'checks.report.cleared')}: ${label(locale, clean.cleared ? 'checks.report.yes' : 'checks.report.no')}`,
    '',
    `| ${label(locale, 'checks.report.check')} | ${label(locale, 'checks.report.status')} | ${label(locale, 'checks.report.duration')} | ${label(locale, 'checks.report.message')} |`,
    '| --- | --- | ---: | --- |',
  ];
  for (const c of clean.checks) {
    const status = c.result
      ? label(locale, STATUS_KEYS[c.result.status])
      : label(locale, 'checks.status.running');
    const strict = c.strict ? bracketed(locale, label(locale, 'checks.strict')) : '';
    const duration = c.result ? `${(c.result.durationMs / 1000).toFixed(1)} s` : '-';
    lines.push(
      `| ${cell(label(locale, c.titleKey))}${strict} | ${status} | ${duration} | ${cell(t(locale, c.result?.message))} |`,
    );
  }
  for (const c of clean.checks) {
    lines.push('', `## ${label(locale, c.titleKey)} (\`${c.id}\`)`, '');
    if (!c.result) {
      lines.push(label(locale, 'checks.status.running'));
      continue;
    }
    lines.push(`**${label(locale, STATUS_KEYS[c.result.status])}** — ${t(locale, c.result.message)}`);
    if (c.result.remedy) lines.push('', `${label(locale, 'checks.remedy')}: ${t(locale, c.result.remedy)}`);
    const bypass = clean.bypasses.find((b) => b.checkId === c.id);
    if (bypass) lines.push('', `> ${label(locale, 'checks.report.bypassed')} ${bypass.at}: ${bypass.reason}`);
    lines.push('', `${c.result.startedAt} → ${c.result.finishedAt} (${c.result.durationMs} ms)`);
    if (c.result.evidence.length > 0) {
      lines.push('', '```text');
      for (const e of c.result.evidence) {
        lines.push(fence(`[${e.label}]${e.request ? ` ${e.request}` : ''}`));
        if (e.response) lines.push(fence(`  → ${e.response}`));
      }
      lines.push('```');
    }
  }
  return `${lines.join('\n')}\n`;
}
