'use client';

import { useFormContext, useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import type { MysqlMode } from '@/lib/config';

import { ChoiceField, NumberField, SecretField, TextField } from '../fields';
import { useWizard } from '../wizard-context';

/** MySQL: installed in the cluster by the chart, or an external server. */
export function DatabaseStep() {
  const t = useT();
  const { setValue } = useFormContext();
  const { forgetSecretsUnder, variants } = useWizard();
  const mode = useWatch({ name: 'mysql.mode' }) as MysqlMode;
  return (
    <>
      <ChoiceField
        name="mysql.mode"
        legend="ui.field.mysql.mode"
        help="ui.help.mysql.mode"
        options={[
          { value: 'external', label: 'ui.mysql.mode.external', help: 'ui.mysql.mode.externalHelp' },
          { value: 'in-cluster', label: 'ui.mysql.mode.inCluster', help: 'ui.mysql.mode.inClusterHelp' },
        ]}
        onChoose={(value) => {
          setValue('mysql', variants.mysql[value as MysqlMode], { shouldDirty: true, shouldValidate: false });
          forgetSecretsUnder('mysql');
        }}
      />
      <Fieldset legend={t('ui.mysql.legend')}>
        {mode === 'external' ? (
          <>
            <TextField
              name="mysql.host"
              label="ui.field.mysql.host"
              help="ui.help.mysql.host"
              example="mysql.home.lab"
              required
            />
            <NumberField
              name="mysql.port"
              label="ui.field.mysql.port"
              help="ui.help.mysql.port"
              example="3306"
              required
            />
          </>
        ) : null}
        <TextField
          name="mysql.database"
          label="ui.field.mysql.database"
          help="ui.help.mysql.database"
          example="wandb"
          required
        />
        <TextField
          name="mysql.user"
          label="ui.field.mysql.user"
          help="ui.help.mysql.user"
          example="wandb"
          required
        />
        <SecretField
          name="mysql.password"
          example="password"
          label="ui.field.mysql.password"
          help={mode === 'external' ? 'ui.help.mysql.password' : 'ui.help.mysql.passwordInCluster'}
          required={mode === 'external'}
        />
      </Fieldset>
    </>
  );
}
