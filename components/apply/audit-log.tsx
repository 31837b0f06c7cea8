'use client';

import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { readAuditLog } from '@/app/wizard/apply/actions';
import { useT } from '@/components/ui/i18n-context';
import { isMessageKey } from '@/lib/i18n';
import { newPanelQueryClient, unwrapAction } from '@/components/ui/use-server-run';
import type { AuditEntry } from '@/lib/apply/audit';

/** The audit log on the apply step: the newest entries, refreshed while the step is open, and a download. */
export function AuditLog() {
  const [client] = useState(newPanelQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Entries />
    </QueryClientProvider>
  );
}

function Entries() {
  const t = useT();
  const { data } = useQuery({
    queryKey: ['audit-log'],
    queryFn: () => unwrapAction(readAuditLog()),
    refetchInterval: 5_000,
  });
  const event = (e: AuditEntry) =>
    e.event === 'bypass'
      ? t('apply.security.audit.event.bypass', { check: e.check ?? '' })
      : t(`apply.security.audit.event.${e.event}`);
  // The outcome in the user's language; the error stays its code (an identifier to quote to support).
  const outcome = (r: string | undefined) => {
    const key = `apply.security.audit.outcome.${r ?? ''}`;
    return r && isMessageKey(key) ? t(key) : (r ?? '');
  };
  const result = (e: AuditEntry) => (
    <>
      {e.phase === 'started' ? '…' : outcome(e.result)}
      {e.error ? (
        <>
          {' · '}
          <code>{e.error}</code>
        </>
      ) : null}
      {e.reason ? ` · “${e.reason}”` : ''}
    </>
  );
  return (
    <section className="fieldset" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title">{t('apply.security.audit.title')}</h2>
      <p>{t('apply.security.audit.lead')}</p>
      <p>
        <a className="button" href="/api/audit" download>
          {t('apply.security.audit.download')}
        </a>
      </p>
      {data && data.length === 0 && <p>{t('apply.security.audit.empty')}</p>}
      {data && data.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('apply.security.audit.when')}</th>
                <th scope="col">{t('apply.security.audit.event')}</th>
                <th scope="col">{t('apply.security.audit.session')}</th>
                <th scope="col">{t('apply.security.audit.target')}</th>
                <th scope="col">{t('apply.security.audit.config')}</th>
                <th scope="col">{t('apply.security.audit.result')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{event(e)}</td>
                  <td>{e.session}</td>
                  <td>
                    {e.target ? `${e.target.cluster} · ${e.target.crNamespace}/${e.target.crName}` : ''}
                  </td>
                  <td>
                    <code>{e.configHash?.slice(0, 12) ?? ''}</code>
                  </td>
                  <td>{result(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
