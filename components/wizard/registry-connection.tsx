'use client';

import { type ReactNode, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';

import { CertificateList } from './certificate-list';
import { CheckboxField, SecretField, TextAreaField, TextField } from './fields';
import { useWizard } from './wizard-context';

/**
 * The form paths of a registry's connection fields: the internal registry (Registry step) or the
 * Mirror step's source registry. Labels and help are the keys `ui.field.<base>.*` / `ui.help.<base>.*`.
 */
export type RegistryBase = 'registry' | 'mirror.registry';

/**
 * "The registry needs a user name and password", then the user name and the password (a secret
 * field: kept on the server, forgotten when the box is cleared); `children` adds fields of the
 * login (the Registry step's pull secret name).
 */
export function RegistryLogin({
  base,
  legend,
  toggle,
  children,
}: {
  base: RegistryBase;
  legend: string;
  toggle: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { setValue, getValues } = useFormContext();
  const { markers, forgetSecret } = useWizard();
  const password = `${base}.password` as const;
  const [needsLogin, setNeedsLogin] = useState(
    () => (getValues(`${base}.username`) as string) !== '' || Boolean(markers[password]),
  );
  const toggleId = `${base.replace('.', '-')}-needs-login`;
  return (
    <Fieldset legend={t(legend)}>
      <div className="check">
        <input
          id={toggleId}
          type="checkbox"
          checked={needsLogin}
          onChange={(event) => {
            setNeedsLogin(event.target.checked);
            if (!event.target.checked) {
              setValue(`${base}.username`, '', { shouldDirty: true, shouldValidate: true });
              setValue(password, '', { shouldDirty: true, shouldValidate: true });
              forgetSecret(password);
            }
          }}
        />
        <label htmlFor={toggleId}>{t(toggle)}</label>
      </div>
      {needsLogin ? (
        <>
          <TextField
            name={`${base}.username`}
            label={`ui.field.${base}.username`}
            help={`ui.help.${base}.username`}
            example="wandb-pull"
            required
          />
          <SecretField
            name={password}
            example="glpat-…"
            label={`ui.field.${base}.password`}
            help={`ui.help.${base}.password`}
            required
          />
          {children}
        </>
      ) : null}
    </Fieldset>
  );
}

/** Plain HTTP, or TLS with a CA bundle (its certificates listed) or an explicit, visible skip-verify. */
export function RegistryTls({ base }: { base: RegistryBase }) {
  const t = useT();
  const plainHttp = useWatch({ name: `${base}.plainHttp` }) as boolean;
  return (
    <Fieldset legend={t('ui.registry.tls.legend')}>
      <CheckboxField
        name={`${base}.plainHttp`}
        label={`ui.field.${base}.plainHttp`}
        help={`ui.help.${base}.plainHttp`}
      />
      {!plainHttp ? (
        <>
          <CheckboxField
            name={`${base}.insecureSkipVerify`}
            label={`ui.field.${base}.insecureSkipVerify`}
            help={`ui.help.${base}.insecureSkipVerify`}
          />
          <TextAreaField
            name={`${base}.caBundle`}
            example="-----BEGIN CERTIFICATE-----…"
            label={`ui.field.${base}.caBundle`}
            help={`ui.help.${base}.caBundle`}
            upload={{ label: 'ui.field.uploadPem', accept: '.pem,.crt,.cer,text/plain' }}
            after={<CertificateList name={`${base}.caBundle`} />}
          />
        </>
      ) : null}
    </Fieldset>
  );
}
