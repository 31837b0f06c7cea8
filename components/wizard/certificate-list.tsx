'use client';

import { useEffect, useState } from 'react';
import { get, useFormState, useWatch } from 'react-hook-form';

import { type CertificateReport, describeCertificates } from '@/app/wizard/actions';
import { useLocale, useT } from '@/components/ui/i18n-context';

import { decodeMessage, sameMessage } from './field-messages';

/**
 * The certificates of a PEM field, described by the server's X.509 parser (the parser stays on the
 * server): subject, issuer, validity, CA or not, with expired and not-yet-valid ones flagged.
 */
export function CertificateList({ name }: { name: string }) {
  const t = useT();
  const locale = useLocale();
  const text = (useWatch({ name }) as string | undefined) ?? '';
  const [report, setReport] = useState<CertificateReport | null>(null);
  // The field shows its own error under the input; the list leaves that one out (no message twice).
  const { errors } = useFormState({ name });
  const fieldError = decodeMessage((get(errors, name) as { message?: string } | undefined)?.message);

  useEffect(() => {
    if (text.trim() === '') return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      try {
        const result = await describeCertificates(text);
        if (!cancelled) setReport(result.ok ? result.data : null);
      } catch {
        if (!cancelled) setReport(null);
      }
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text]);

  // An emptied field shows nothing at once; a changed one keeps the last report until the new one arrives.
  const shown = text.trim() === '' ? null : report;
  const findings = (shown?.findings ?? []).filter(
    (f) => !sameMessage(fieldError, { key: f.key, params: f.params }),
  );
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: 'UTC',
      dateStyle: 'medium',
      timeStyle: 'short',
    }) + ' UTC';

  return (
    <div aria-live="polite" data-testid={`certificates-${name}`}>
      {shown && shown.certificates.length > 0 ? (
        <>
          <p>{t('ui.certs.count', { count: shown.certificates.length })}</p>
          <ul className="cert-list">
            {shown.certificates.map((c) => (
              <li key={`${c.block}-${c.fingerprint256}`}>
                <dl>
                  <dt>{t('ui.certs.block')}</dt>
                  <dd>{t('ui.certs.position', { block: c.block, line: c.line })}</dd>
                  <dt>{t('ui.certs.subject')}</dt>
                  <dd>{c.subject}</dd>
                  <dt>{t('ui.certs.issuer')}</dt>
                  <dd>{c.issuer}</dd>
                  <dt>{t('ui.certs.validFrom')}</dt>
                  <dd>
                    {date(c.notBefore)}
                    {c.notYetValid ? <span className="cert-flag"> {t('ui.certs.notYetValid')}</span> : null}
                  </dd>
                  <dt>{t('ui.certs.expires')}</dt>
                  <dd>
                    {date(c.notAfter)}
                    {c.expired ? <span className="cert-flag"> {t('ui.certs.expired')}</span> : null}
                  </dd>
                  <dt>{t('ui.certs.isCa')}</dt>
                  <dd>{c.isCA ? t('ui.certs.yes') : t('ui.certs.no')}</dd>
                  <dt>{t('ui.certs.fingerprint')}</dt>
                  <dd>
                    <code>{c.fingerprint256}</code>
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {findings.length > 0 ? (
        <ul className="error-list">
          {findings.map((f, i) => (
            <li key={i} className={f.severity === 'error' ? 'field-error' : undefined}>
              {t(f.key, f.params)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
