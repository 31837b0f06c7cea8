'use client';

import { useT } from '@/components/ui/i18n-context';

import { useWizard } from './wizard-context';

/**
 * The draft's state under the stepper: the "keep secrets on this machine" opt-in, how long secrets
 * kept in memory only last, what the server said about the draft, and the save status.
 */
export function DraftPanel({
  notices,
  secretsIdleMinutes,
}: {
  notices: { key: string; params: Record<string, string | number> }[];
  secretsIdleMinutes: number;
}) {
  const t = useT();
  const { keepSecrets, setKeepSecrets, saveState } = useWizard();
  const status =
    saveState === 'saving'
      ? t('ui.draft.saving')
      : saveState === 'saved'
        ? t('ui.draft.saved')
        : saveState === 'error'
          ? t('ui.draft.saveFailed')
          : '';
  return (
    <div className="save-status">
      <div className="check">
        <input
          id="keep-secrets"
          type="checkbox"
          checked={keepSecrets}
          aria-describedby="keep-secrets-help"
          onChange={(event) => setKeepSecrets(event.target.checked)}
        />
        <label htmlFor="keep-secrets">{t('ui.draft.keepSecrets')}</label>
      </div>
      <p id="keep-secrets-help">
        {t(keepSecrets ? 'ui.draft.keepSecretsOn' : 'ui.draft.keepSecretsOff')}
        {!keepSecrets && <> {t('ui.security.secretsIdle', { minutes: secretsIdleMinutes })}</>}
      </p>
      {notices.map((n) => (
        <p key={n.key} className="notice notice-warn" role="alert" data-testid="draft-notice">
          {t(n.key, n.params)}
        </p>
      ))}
      <p role="status" aria-live="polite" data-testid="save-status">
        {status}
      </p>
    </div>
  );
}
