import type { ReactNode } from 'react';

import { validateForm } from '@/components/wizard/form-validation';
import { errorsByStep } from '@/components/wizard/steps';
import { WizardForm } from '@/components/wizard/wizard-form';
import { defaultInstallConfig, emptyBucket, emptyChartSource, emptyMysql, withDefaults } from '@/lib/config';
import { currentDraftId, draftStore, SECRET_FIELD_PATHS } from '@/lib/draft';
import { secretsIdleMinutes } from '@/lib/draft/store';

import { clientMessages, currentLocale } from '../locale';

/**
 * The wizard's layout: one form for every step, filled from the stored draft. Secrets never come
 * back from the server: the form gets which of them are set, and shows "stored".
 */
export default async function WizardLayout({ children }: { children: ReactNode }) {
  const locale = await currentLocale();
  const id = await currentDraftId();
  const draft = id ? await draftStore().load(id) : null;
  const values = withDefaults(draft?.values ?? {}, defaultInstallConfig) as Record<string, unknown>;
  const markers = draft?.secrets ?? Object.fromEntries(SECRET_FIELD_PATHS.map((p) => [p, false]));
  return (
    <WizardForm
      initialValues={values}
      initialMarkers={markers}
      initialKeepSecrets={draft?.keepSecrets ?? false}
      initialVisited={draft?.visited ?? []}
      initialErrorCounts={errorsByStep(Object.keys(validateForm(values, markers)))}
      initialRev={draft?.rev ?? 0}
      notices={draft?.notices ?? []}
      lostSecrets={draft?.lostSecrets ?? []}
      secretsIdleMinutes={draft?.secretsIdleMinutes ?? secretsIdleMinutes()}
      variants={{
        bucket: { s3: emptyBucket('s3'), gcs: emptyBucket('gcs'), azure: emptyBucket('azure') },
        mysql: { external: emptyMysql('external'), 'in-cluster': emptyMysql('in-cluster') },
        chartSource: {
          repo: emptyChartSource('repo'),
          oci: emptyChartSource('oci'),
          local: emptyChartSource('local'),
        },
      }}
      locale={locale}
      messages={clientMessages(locale)}
    >
      {children}
    </WizardForm>
  );
}
