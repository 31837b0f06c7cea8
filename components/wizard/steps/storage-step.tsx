'use client';

import { useFormContext, useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import type { BucketProvider } from '@/lib/config';

import { CheckboxField, ChoiceField, SecretField, TextField } from '../fields';
import { useWizard } from '../wizard-context';

/** The object store: the provider, then the fields that provider needs. */
export function StorageStep() {
  const t = useT();
  const { setValue } = useFormContext();
  const { forgetSecret, forgetSecretsUnder, variants } = useWizard();
  const provider = useWatch({ name: 'bucket.provider' }) as BucketProvider;
  const credentials = useWatch({ name: 'bucket.credentials' }) as unknown;
  return (
    <>
      <ChoiceField
        name="bucket.provider"
        legend="ui.field.bucket.provider"
        help="ui.help.bucket.provider"
        options={[
          { value: 's3', label: 'ui.bucket.provider.s3' },
          { value: 'gcs', label: 'ui.bucket.provider.gcs' },
          { value: 'azure', label: 'ui.bucket.provider.azure' },
        ]}
        onChoose={(value) => {
          setValue('bucket', variants.bucket[value as BucketProvider], {
            shouldDirty: true,
            shouldValidate: false,
          });
          forgetSecretsUnder('bucket');
        }}
      />
      <Fieldset legend={t('ui.bucket.legend')}>
        {provider === 's3' ? (
          <>
            <TextField
              name="bucket.name"
              label="ui.field.bucket.s3.name"
              help="ui.help.bucket.s3.name"
              example="s3.yourdomain.com:9000"
              required
            />
            <TextField
              name="bucket.path"
              label="ui.field.bucket.s3.path"
              help="ui.help.bucket.s3.path"
              example="bucket_name"
            />
            <CheckboxField
              name="bucket.plainHttp"
              label="ui.field.bucket.plainHttp"
              help="ui.help.bucket.plainHttp"
            />
            <TextField
              name="bucket.region"
              label="ui.field.bucket.region"
              help="ui.help.bucket.region"
              example="us-east-1"
            />
            <ChoiceField
              name="bucket.credentials"
              legend="ui.field.bucket.credentials"
              options={[
                { value: 'keys', label: 'ui.bucket.credentials.keys', help: 'ui.bucket.credentials.keysHelp' },
                { value: 'role', label: 'ui.bucket.credentials.role', help: 'ui.bucket.credentials.roleHelp' },
              ]}
              onChoose={(value) => {
                if (value !== 'role') return;
                for (const key of ['bucket.accessKey', 'bucket.secretKey']) {
                  setValue(key, '', { shouldDirty: true });
                  forgetSecret(key);
                }
              }}
            />
            {credentials === 'keys' ? (
              <>
                <SecretField
                  name="bucket.accessKey"
                  example="xxxxxxxx"
                  label="ui.field.bucket.accessKey"
                  help="ui.help.bucket.accessKey"
                  required
                />
                <SecretField
                  name="bucket.secretKey"
                  example="xxxxxxxx"
                  label="ui.field.bucket.secretKey"
                  help="ui.help.bucket.secretKey"
                  required
                />
              </>
            ) : null}
            <TextField
              name="bucket.kmsKey"
              label="ui.field.bucket.kmsKey"
              help="ui.help.bucket.kmsKey"
              example="arn:aws:kms:us-east-1:111122223333:key/…"
            />
          </>
        ) : null}
        {provider === 'gcs' ? (
          <>
            <TextField
              name="bucket.name"
              label="ui.field.bucket.gcs.name"
              help="ui.help.bucket.gcs.name"
              example="wandb-files"
              required
            />
            <TextField
              name="bucket.path"
              label="ui.field.bucket.gcs.path"
              help="ui.help.bucket.gcs.path"
              example="prod"
            />
          </>
        ) : null}
        {provider === 'azure' ? (
          <>
            <TextField
              name="bucket.name"
              label="ui.field.bucket.azure.name"
              help="ui.help.bucket.azure.name"
              example="wandbstorage"
              required
            />
            <TextField
              name="bucket.path"
              label="ui.field.bucket.azure.path"
              help="ui.help.bucket.azure.path"
              example="wandb"
            />
            <SecretField
              name="bucket.accessKey"
              example="xxxxxxxx"
              label="ui.field.bucket.azure.accessKey"
              help="ui.help.bucket.azure.accessKey"
            />
          </>
        ) : null}
      </Fieldset>
    </>
  );
}
