import { currentLocale, serverTranslator } from '../locale';

/** Shown while a step renders on the server (the review step generates every file). */
export default async function Loading() {
  const t = serverTranslator(await currentLocale());
  return (
    <p role="status" aria-live="polite" className="lead">
      {t('ui.loading')}
    </p>
  );
}
