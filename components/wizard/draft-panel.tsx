'use client';

import { useT } from '@/components/ui/i18n-context';

import { useWizard } from './wizard-context';

/** The draft's state under the stepper: the "keep secrets on this machine" opt-in and the save status. */
export function DraftPanel() {
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
      <p id="keep-secrets-help">{t(keepSecrets ? 'ui.draft.keepSecretsOn' : 'ui.draft.keepSecretsOff')}</p>
      <p role="status" aria-live="polite" data-testid="save-status">
        {status}
      </p>
    </div>
  );
}
