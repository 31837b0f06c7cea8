import { setLocale } from '@/app/actions';

/**
 * The language switch in the header: a plain form, so it works before any script has loaded.
 * Each button names its language in that language.
 */
export function LocaleSwitcher({ current, label }: { current: string; label: string }) {
  const options = [
    { value: 'en', name: 'English' },
    { value: 'ja', name: '日本語' },
  ];
  return (
    <form action={setLocale} className="locale-switcher" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="submit"
          name="locale"
          value={o.value}
          lang={o.value}
          className="button button-small"
          aria-current={o.value === current ? 'true' : undefined}
        >
          {o.name}
        </button>
      ))}
    </form>
  );
}
