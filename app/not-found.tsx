import Link from 'next/link';

import { currentLocale, serverTranslator } from './locale';

export default async function NotFound() {
  const t = serverTranslator(await currentLocale());
  return (
    <div className="wizard-main page">
      <h1>{t('ui.notFound.title')}</h1>
      <p>{t('ui.notFound.text')}</p>
      <p>
        <Link href="/wizard/start">{t('ui.notFound.back')}</Link>
      </p>
    </div>
  );
}
