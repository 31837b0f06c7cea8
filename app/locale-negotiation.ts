/** The cookie that holds the locale the user picked. */
export const LOCALE_COOKIE = 'locale';

/**
 * Japanese when the browser prefers Japanese to English (by Accept-Language order and q-values),
 * English otherwise. Languages other than these two are skipped.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): 'en' | 'ja' {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        lang: tag.trim().toLowerCase().split('-')[0] ?? '',
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((l) => l.weight > 0 && (l.lang === 'en' || l.lang === 'ja'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang === 'ja' ? 'ja' : 'en';
}
