import { type Locale, translate } from '@/lib/i18n';
import type { serverEn } from '@/lib/i18n/messages/server.en';

/** A page or message the gate answers with. */
export interface GatePage {
  key: keyof typeof serverEn;
  params?: Record<string, string | number>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The gate's answer: a small self-contained HTML page for a browser's navigation, else one line
 * of text. In the browser's language (English or Japanese).
 */
export function renderPage(
  page: GatePage,
  locale: Locale,
  html: boolean,
): { body: string; contentType: string } {
  const text = translate(locale, page.key, page.params ?? {});
  if (!html) return { body: `${text}\n`, contentType: 'text/plain; charset=utf-8' };
  const title = translate(locale, 'server.title');
  const body = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.3rem}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>
`;
  return { body, contentType: 'text/html; charset=utf-8' };
}
