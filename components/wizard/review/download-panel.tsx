'use client';

import { useEffect, useState } from 'react';

import { useT } from '@/components/ui/i18n-context';

/**
 * The archive download and the opt-in to include secrets. Including secrets rewrites every
 * download link on the page to `?secrets=include`; a warning says what that means.
 */
export function DownloadPanel() {
  const t = useT();
  const [include, setInclude] = useState(false);

  useEffect(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-download]')) {
      const url = new URL(link.href);
      if (include) url.searchParams.set('secrets', 'include');
      else url.searchParams.delete('secrets');
      link.href = url.pathname + url.search;
    }
  }, [include]);

  return (
    <section className="fieldset" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('ui.review.downloads')}</h2>
      <div className="check">
        <input
          id="include-secrets"
          type="checkbox"
          checked={include}
          aria-describedby="include-secrets-warning"
          onChange={(event) => setInclude(event.target.checked)}
        />
        <label htmlFor="include-secrets">{t('ui.review.includeSecrets')}</label>
      </div>
      <p
        id="include-secrets-warning"
        className={include ? 'notice notice-error' : 'field-help'}
        aria-live="polite"
      >
        {include ? t('ui.review.includeSecretsWarning') : t('ui.review.placeholdersNote')}
      </p>
      <a className="button button-primary" href="/download/archive" download data-download="archive">
        {t('ui.review.archive')}
      </a>
    </section>
  );
}
