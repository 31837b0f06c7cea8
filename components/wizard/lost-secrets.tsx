'use client';

import { useT } from '@/components/ui/i18n-context';

import { FieldLinks } from './field-links';

/**
 * On every step while secrets the user had entered are gone from the server (it restarted, or
 * they expired): which ones, each a link to its field. The configuration is not valid until each
 * is typed again (or, where the form offers one, the alternative is chosen). Values are never shown.
 */
export function LostSecrets({ paths }: { paths: readonly string[] }) {
  const t = useT();
  if (paths.length === 0) return null;
  return (
    <div className="notice notice-warn" role="alert" data-testid="lost-secrets">
      <p>{t('ui.security.secretsLost', { count: paths.length })}</p>
      <FieldLinks paths={paths} />
      <p>{t('ui.security.secretsLost.keep')}</p>
    </div>
  );
}
