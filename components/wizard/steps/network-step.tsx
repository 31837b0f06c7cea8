'use client';

import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { type IngressClassList, listIngressClasses, listTlsSecrets } from '@/app/wizard/actions';
import { describedBy, Field, Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';

import { CertificateList } from '../certificate-list';
import {
  CheckboxField,
  fieldId,
  KeyValueListField,
  SecretField,
  TextAreaField,
  TextField,
  useFieldError,
} from '../fields';

/** Network: the ingress (class, annotations, TLS) and the custom CA certificates. */
export function NetworkStep() {
  const t = useT();
  const tlsEnabled = useWatch({ name: 'ingress.tls.enabled' }) as boolean;
  const tlsSecrets = useTlsSecrets(tlsEnabled);
  return (
    <>
      <Fieldset legend={t('ui.ingress.legend')}>
        <IngressClassField />
      </Fieldset>
      <KeyValueListField
        name="ingress.annotations"
        legend="ui.field.ingress.annotations"
        help="ui.help.ingress.annotations"
        keyLabel="ui.field.ingress.annotations.key"
        valueLabel="ui.field.ingress.annotations.value"
        addLabel="ui.field.ingress.annotations.add"
        removeLabel="ui.field.ingress.annotations.remove"
        keyExample="nginx.ingress.kubernetes.io/proxy-body-size"
        valueExample="64m"
      />
      <Fieldset legend={t('ui.ingress.tls.legend')}>
        <CheckboxField
          name="ingress.tls.enabled"
          label="ui.field.ingress.tls.enabled"
          help="ui.help.ingress.tls.enabled"
        />
        {tlsEnabled ? (
          <>
            <TextField
              name="ingress.tls.secretName"
              label="ui.field.ingress.tls.secretName"
              help="ui.help.ingress.tls.secretName"
              example="wandb-tls"
              suggestions={tlsSecrets}
              required
            />
            <TextAreaField
              name="ingress.tls.certificate"
              example="-----BEGIN CERTIFICATE-----…"
              label="ui.field.ingress.tls.certificate"
              help="ui.help.ingress.tls.certificate"
              upload={{ label: 'ui.field.uploadPem', accept: '.pem,.crt,.cer,text/plain' }}
              after={<CertificateList name="ingress.tls.certificate" />}
            />
            <SecretField
              name="ingress.tls.privateKey"
              example="-----BEGIN PRIVATE KEY-----…"
              label="ui.field.ingress.tls.privateKey"
              help="ui.help.ingress.tls.privateKey"
              multiline
            />
          </>
        ) : null}
      </Fieldset>
      <Fieldset legend={t('ui.certificates.legend')}>
        <TextAreaField
          name="certificates.bundle"
          example="-----BEGIN CERTIFICATE-----…"
          label="ui.field.certificates.bundle"
          help="ui.help.certificates.bundle"
          upload={{ label: 'ui.field.uploadPem', accept: '.pem,.crt,.cer,text/plain' }}
          after={<CertificateList name="certificates.bundle" />}
        />
      </Fieldset>
    </>
  );
}

/** The TLS Secrets of the resource's namespace on the cluster, to suggest as the Secret name. */
function useTlsSecrets(enabled: boolean): string[] {
  const context = (useWatch({ name: 'target.kubeContext' }) as string) ?? '';
  const namespace = (useWatch({ name: 'target.crNamespace' }) as string) ?? '';
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    listTlsSecrets({ context, namespace })
      .then((r) => {
        if (!cancelled) setNames(r.ok ? r.data : []);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [enabled, context, namespace]);
  return names;
}

/**
 * The ingress class: a select of the cluster's IngressClasses when the server reaches a cluster,
 * free text otherwise.
 */
function IngressClassField() {
  const t = useT();
  const { register } = useFormContext();
  const context = (useWatch({ name: 'target.kubeContext' }) as string) ?? '';
  const current = (useWatch({ name: 'ingress.class' }) as string) ?? '';
  const [cluster, setCluster] = useState<IngressClassList | null>(null);
  const name = 'ingress.class';
  const id = fieldId(name);
  const error = useFieldError(name);

  useEffect(() => {
    let cancelled = false;
    listIngressClasses(context)
      .then((result) => {
        if (!cancelled) setCluster(result.ok ? result.data : null);
      })
      .catch(() => {
        if (!cancelled) setCluster(null);
      });
    return () => {
      cancelled = true;
    };
  }, [context]);

  const classes = cluster?.connected ? cluster.classes : [];
  const help = cluster?.connected
    ? t('ui.help.ingress.classFromCluster', { count: classes.length })
    : cluster?.problem
      ? `${t('ui.help.ingress.class')} ${t('ui.help.ingress.classUnreachable', { reason: t(cluster.problem.key, cluster.problem.params) })}`
      : t('ui.help.ingress.class');
  const aria = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, true, Boolean(error)),
  } as const;
  return (
    <Field id={id} label={t('ui.field.ingress.class')} help={help} example="nginx" error={error}>
      {classes.length > 0 ? (
        <select id={id} {...aria} {...register(name)}>
          <option value="">{t('ui.ingress.class.none')}</option>
          {classes.map((c) => (
            <option key={c.name} value={c.name}>
              {c.isDefault ? t('ui.ingress.class.default', { name: c.name }) : c.name}
            </option>
          ))}
          {current && !classes.some((c) => c.name === current) ? (
            <option value={current}>{current}</option>
          ) : null}
        </select>
      ) : (
        <input id={id} type="text" autoComplete="off" spellCheck={false} {...aria} {...register(name)} />
      )}
    </Field>
  );
}
