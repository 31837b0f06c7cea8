'use client';

import { useState } from 'react';
import { useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import type { ClusterInspection } from '@/lib/checks/cluster-inspect';

import { ClusterConnection } from '../cluster-connection';
import { ChoiceField, KeyValueListField, SecretField, TextField } from '../fields';

/** The platform: its URL and license, extra environment, where it is installed and how secrets reach it. */
export function PlatformStep() {
  const t = useT();
  const delivery = useWatch({ name: 'secrets.delivery' }) as string;
  const [cluster, setCluster] = useState<ClusterInspection | null>(null);
  const namespaces = cluster?.namespaces;
  const storageClasses = cluster?.storageClasses?.map((c) =>
    c.isDefault
      ? { value: c.name, label: t('ui.field.platform.storageClass.default', { name: c.name }) }
      : c.name,
  );
  return (
    <>
      <Fieldset legend={t('ui.platform.legend')}>
        <TextField
          name="platform.host"
          label="ui.field.platform.host"
          help="ui.help.platform.host"
          example="https://wandb.yourdomain.com"
          inputMode="url"
          required
        />
        <SecretField
          name="platform.license"
          example="xxxxxxxx"
          label="ui.field.platform.license"
          help="ui.help.platform.license"
          required
        />
      </Fieldset>
      <KeyValueListField
        name="platform.extraEnv"
        legend="ui.field.platform.extraEnv"
        help="ui.help.platform.extraEnv"
        keyLabel="ui.field.platform.extraEnv.key"
        valueLabel="ui.field.platform.extraEnv.value"
        addLabel="ui.field.platform.extraEnv.add"
        removeLabel="ui.field.platform.extraEnv.remove"
        keyExample="ENABLE_REGISTRY_UI"
        valueExample="true"
      />
      <ClusterConnection onInspected={setCluster} />
      <Fieldset legend={t('ui.target.legend')} hint={t('ui.target.hint')}>
        <TextField
          name="target.operatorNamespace"
          label="ui.field.target.operatorNamespace"
          help="ui.help.target.operatorNamespace"
          example="wandb"
          suggestions={namespaces}
          required
        />
        <TextField
          name="target.crName"
          label="ui.field.target.crName"
          help="ui.help.target.crName"
          example="wandb"
          required
        />
        <TextField
          name="target.crNamespace"
          label="ui.field.target.crNamespace"
          help="ui.help.target.crNamespace"
          example="default"
          suggestions={namespaces}
          required
        />
        <TextField
          name="platform.storageClass"
          label="ui.field.platform.storageClass"
          help="ui.help.platform.storageClass"
          example="fast-ssd"
          suggestions={storageClasses}
        />
      </Fieldset>
      <ChoiceField
        name="secrets.delivery"
        legend="ui.field.secrets.delivery"
        help="ui.help.secrets.delivery"
        options={[
          {
            value: 'secretRef',
            label: 'ui.secrets.delivery.secretRef',
            help: 'ui.secrets.delivery.secretRefHelp',
          },
          { value: 'inline', label: 'ui.secrets.delivery.inline', help: 'ui.secrets.delivery.inlineHelp' },
        ]}
      />
      {delivery === 'secretRef' ? (
        <Fieldset legend={t('ui.secrets.names.legend')}>
          <TextField
            name="secrets.licenseSecretName"
            label="ui.field.secrets.licenseSecretName"
            help="ui.help.secrets.secretName"
            example="wandb-wizard-license"
            required
          />
          <TextField
            name="secrets.mysqlSecretName"
            label="ui.field.secrets.mysqlSecretName"
            help="ui.help.secrets.secretName"
            example="wandb-wizard-mysql"
            required
          />
          <TextField
            name="secrets.bucketSecretName"
            label="ui.field.secrets.bucketSecretName"
            help="ui.help.secrets.secretName"
            example="wandb-wizard-bucket"
            required
          />
        </Fieldset>
      ) : null}
    </>
  );
}
