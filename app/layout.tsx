import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { I18nProvider } from '@/components/ui/i18n-context';
import { LocaleSwitcher } from '@/components/ui/locale-switcher';

import './globals.css';
import { boundaryMessages, currentLocale, serverTranslator } from './locale';

export async function generateMetadata(): Promise<Metadata> {
  const t = serverTranslator(await currentLocale());
  return { title: t('ui.app.title'), description: t('ui.app.description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  const t = serverTranslator(locale);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('ui.app.skipToContent')}
        </a>
        <header className="site-header">
          <p className="site-title">{t('ui.app.title')}</p>
          <div className="site-actions">
            <LocaleSwitcher current={locale} label={t('ui.app.language')} />
            {/* Handled by the wizard's server (server/gate.ts): ends the session, keeps the draft. */}
            <form method="post" action="/signout">
              <button type="submit" className="button button-small">
                {t('ui.security.signOut')}
              </button>
            </form>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {/* The error boundaries below are client components: give them their few texts. */}
          <I18nProvider locale={locale} messages={boundaryMessages(locale)}>
            {children}
          </I18nProvider>
        </main>
      </body>
    </html>
  );
}
