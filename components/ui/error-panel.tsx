'use client';

import { useEffect, useRef } from 'react';

import { useT } from './i18n-context';

/**
 * What an error boundary shows: a short apology, the error's digest (to find it in the server log,
 * which has no secrets either) and a retry button. Never the error's message or stack.
 */
export function ErrorPanel({
  digest,
  reset,
  titleKey,
}: {
  digest?: string;
  reset: () => void;
  titleKey: string;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice-error" role="alert">
      <h1 ref={heading} tabIndex={-1}>
        {t(titleKey)}
      </h1>
      <p>{t('ui.boundary.text')}</p>
      {digest ? <p>{t('ui.boundary.digest', { digest })}</p> : null}
      <button type="button" className="button button-primary" onClick={() => reset()}>
        {t('ui.boundary.retry')}
      </button>
    </div>
  );
}
