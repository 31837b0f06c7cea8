'use client';

import { useT } from '@/components/ui/i18n-context';
import type { ActionError } from '@/components/ui/use-server-run';

import { FieldLinks } from './field-links';

/**
 * A failed action's message; when it refused an invalid configuration, every field to fix by its
 * label, each a link to the field on its step (never internal paths).
 */
export function ActionErrorNotice({ error }: { error: ActionError }) {
  const t = useT();
  const fields = error.fields ?? [];
  return (
    <div className="notice notice-error" role="alert" data-testid="action-error">
      <p>{t(error.message, error.params)}</p>
      {fields.length > 0 && <FieldLinks paths={fields} />}
    </div>
  );
}
