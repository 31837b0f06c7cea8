'use client';

import { useT } from '@/components/ui/i18n-context';

/**
 * Shown when this tab's save was refused because another tab or window saved the draft first:
 * which fields differ (by their labels, never their values) and the user's choice.
 */
export function ConflictNotice({
  fields,
  onKeepMine,
  onTakeTheirs,
}: {
  fields: string[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useT();
  const label = (path: string) => {
    const key = `ui.field.${path}`;
    const text = t(key);
    return text === key ? path : `${text} (${path})`;
  };
  const list = fields.length > 0 ? fields.map(label).join(', ') : t('ui.security.conflict.none');
  return (
    <div
      role="alertdialog"
      aria-labelledby="draft-conflict-title"
      aria-describedby="draft-conflict-body"
      className="notice notice-warn"
      data-testid="draft-conflict"
    >
      <p>
        <strong id="draft-conflict-title">{t('ui.security.conflict.title')}</strong>
      </p>
      <p id="draft-conflict-body">{t('ui.security.conflict.body', { fields: list })}</p>
      <p>
        <button type="button" className="button button-primary" onClick={onKeepMine} autoFocus>
          {t('ui.security.conflict.keepMine')}
        </button>{' '}
        <button type="button" className="button" onClick={onTakeTheirs}>
          {t('ui.security.conflict.takeTheirs')}
        </button>
      </p>
    </div>
  );
}
