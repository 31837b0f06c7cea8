'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import type { ChartSource } from '@/lib/config';
import { SUPPORTED_CHART_LINES } from '@/lib/config/chart-images';

import { CertificateList } from '../certificate-list';
import { ChartReadingPanel } from '../chart-reading-panel';
import { CheckboxField, ChoiceField, SecretField, TextAreaField, TextField } from '../fields';
import { useWizard } from '../wizard-context';

const KINDS = [
  { value: 'repo', label: 'ui.charts.kind.repo', help: 'ui.charts.kind.repoHelp' },
  { value: 'oci', label: 'ui.charts.kind.oci', help: 'ui.charts.kind.ociHelp' },
  { value: 'local', label: 'ui.charts.kind.local', help: 'ui.charts.kind.localHelp' },
] as const;

/** Where the `operator` and `operator-wandb` charts come from, and their versions. */
export function ChartsStep() {
  const t = useT();
  return (
    <>
      <ChartSection chart="operator" legend={t('ui.charts.operator.legend')} />
      <ChartSection chart="platform" legend={t('ui.charts.platform.legend')} />
    </>
  );
}

/**
 * The platform chart from the operator chart's repository: copies its settings (the operator and
 * operator-wandb charts usually sit side by side). A password held only by the server cannot be
 * copied in the browser; the note says to type it again.
 */
function SameAsOperator() {
  const t = useT();
  const { getValues, setValue } = useFormContext();
  const { forgetSecretsUnder, markers } = useWizard();
  const operatorKind = useWatch({ name: 'charts.operator.source.kind' }) as ChartSource['kind'];
  const [note, setNote] = useState<string | null>(null);
  if (operatorKind !== 'repo' && operatorKind !== 'oci') return null;
  return (
    <p className="review-actions">
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          const source = structuredClone(getValues('charts.operator.source')) as ChartSource;
          forgetSecretsUnder('charts.platform.source');
          setValue('charts.platform.source', source, { shouldDirty: true, shouldValidate: true });
          const heldOnServer =
            source.kind !== 'local' && source.password === '' && markers['charts.operator.source.password'];
          setNote(t(heldOnServer ? 'ui.charts.sameAsOperator.password' : 'ui.charts.sameAsOperator.done'));
        }}
      >
        {t('ui.charts.sameAsOperator')}
      </button>
      <span role="status">{note}</span>
    </p>
  );
}

function ChartSection({ chart, legend }: { chart: 'operator' | 'platform'; legend: string }) {
  const { setValue } = useFormContext();
  const { forgetSecretsUnder, variants } = useWizard();
  const base = `charts.${chart}`;
  const kind = useWatch({ name: `${base}.source.kind` }) as ChartSource['kind'];
  const url = (useWatch({ name: `${base}.source.url` }) as string | undefined) ?? '';
  const plainHttp = useWatch({ name: `${base}.source.plainHttp` }) as boolean | undefined;
  const https =
    kind === 'repo' ? url.startsWith('https:') || url === '' : kind === 'oci' ? !plainHttp : false;

  return (
    <Fieldset legend={legend}>
      {chart === 'platform' ? <SameAsOperator /> : null}
      <ChoiceField
        name={`${base}.source.kind`}
        legend="ui.field.charts.kind"
        help={chart === 'operator' ? 'ui.help.charts.operatorKind' : 'ui.help.charts.platformKind'}
        options={KINDS}
        onChoose={(value) => {
          setValue(`${base}.source`, variants.chartSource[value as ChartSource['kind']], {
            shouldDirty: true,
            shouldValidate: false,
          });
          forgetSecretsUnder(`${base}.source`);
        }}
      />
      {kind === 'repo' ? (
        <>
          <TextField
            name={`${base}.source.url`}
            label="ui.field.charts.url"
            help="ui.help.charts.url"
            example="https://charts.yourdomain.com"
            inputMode="url"
            required
          />
          <TextField
            name={`${base}.source.repoName`}
            label="ui.field.charts.repoName"
            help={chart === 'operator' ? 'ui.help.charts.repoName' : 'ui.help.charts.platformRepoName'}
            example="local-repo"
            required
          />
        </>
      ) : null}
      {kind === 'oci' ? (
        <>
          <TextField
            name={`${base}.source.url`}
            label="ui.field.charts.ociUrl"
            help="ui.help.charts.ociUrl"
            example="oci://registry.yourdomain.com/charts"
            required
          />
          <CheckboxField
            name={`${base}.source.plainHttp`}
            label="ui.field.charts.plainHttp"
            help="ui.help.charts.plainHttp"
          />
        </>
      ) : null}
      {kind === 'repo' || kind === 'oci' ? (
        <>
          <TextField
            name={`${base}.source.username`}
            example="charts-reader"
            label="ui.field.charts.username"
            help="ui.help.charts.username"
          />
          <SecretField
            name={`${base}.source.password`}
            example="chart-token-…"
            label="ui.field.charts.password"
            help="ui.help.charts.password"
          />
          {https ? (
            <>
              <CheckboxField
                name={`${base}.source.insecureSkipVerify`}
                label="ui.field.charts.insecureSkipVerify"
                help="ui.help.charts.insecureSkipVerify"
              />
              <TextAreaField
                name={`${base}.source.caBundle`}
                example="-----BEGIN CERTIFICATE-----…"
                label="ui.field.charts.caBundle"
                help="ui.help.charts.caBundle"
                upload={{ label: 'ui.field.uploadPem', accept: '.pem,.crt,.cer,text/plain' }}
                after={<CertificateList name={`${base}.source.caBundle`} />}
              />
            </>
          ) : null}
        </>
      ) : null}
      {kind === 'local' ? (
        <TextField
          name={`${base}.source.path`}
          label="ui.field.charts.path"
          help={chart === 'operator' ? 'ui.help.charts.operatorPath' : 'ui.help.charts.platformPath'}
          example={
            chart === 'operator'
              ? './bundle/charts/operator-1.3.3.tgz'
              : './bundle/charts/operator-wandb-0.18.0.tgz'
          }
          required
        />
      ) : null}
      <TextField
        name={`${base}.version`}
        label="ui.field.charts.version"
        help={chart === 'operator' ? 'ui.help.charts.operatorVersion' : 'ui.help.charts.platformVersion'}
        example={chart === 'operator' ? '1.3.3' : '0.18.0'}
        required={chart === 'platform'}
        placeholder={chart === 'platform' ? SUPPORTED_CHART_LINES : undefined}
      />
      {chart === 'platform' ? <ChartReadingPanel /> : null}
    </Fieldset>
  );
}
