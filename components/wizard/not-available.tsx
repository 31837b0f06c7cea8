'use client';

import { useT } from '@/components/ui/i18n-context';

/** The page of a step whose feature has not landed yet: says so plainly, shows no fake results. */
export function NotAvailable({ what }: { what: string }) {
  const t = useT();
  return (
    <div className="notice notice-warn" role="note" data-testid="not-available">
      <p>
        <strong>{t('ui.notAvailable.title')}</strong>
      </p>
      <p>{t(what)}</p>
    </div>
  );
}
