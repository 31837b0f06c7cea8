'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { inspectDraftCluster } from '@/app/wizard/platform/actions';
import { describedBy, Field, Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import type { ClusterInspection } from '@/lib/checks/cluster-inspect';

import { ChoiceField, SecretField, TextField, useFieldError } from './fields';
import { fieldId } from './field-id';
import { useWizard } from './wizard-context';

type Translate = ReturnType<typeof useT>;

/**
 * The Platform step's cluster connection: which kubeconfig (this machine's, a file on it, or an
 * uploaded one, held like a password), which context (a list from the kubeconfig), and what the
 * cluster says when asked: its server and version, who the credentials are, and which of the
 * permissions the install needs are missing. `onInspected` passes the answer up (the namespace
 * fields suggest the cluster's namespaces, the StorageClass field its StorageClasses).
 */
export function ClusterConnection({ onInspected }: { onInspected?: (r: ClusterInspection | null) => void }) {
  const t = useT();
  const { flush } = useWizard();
  const source = useWatch({ name: 'target.kubeconfig.source' }) as string;
  const [result, setResult] = useState<ClusterInspection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const inspect = useCallback(async () => {
    const call = ++latest.current;
    setBusy(true);
    setFailure(null);
    try {
      // The server reads the saved draft (an uploaded kubeconfig is only there): save first.
      await flush();
      const answer = await inspectDraftCluster();
      if (call !== latest.current) return;
      if (answer.ok) {
        setResult(answer.data);
        onInspected?.(answer.data);
      } else {
        setResult(null);
        onInspected?.(null);
        setFailure(t(answer.error.key, answer.error.params));
      }
    } catch {
      if (call === latest.current) setFailure(t('ui.error.unreachable'));
    } finally {
      if (call === latest.current) setBusy(false);
    }
  }, [flush, onInspected, t]);

  // Once on arrival: what the wizard reaches now (reads only, and only the cluster the user named).
  const first = useRef(inspect);
  useEffect(() => {
    const timer = window.setTimeout(() => void first.current(), 0);
    return () => window.clearTimeout(timer);
  }, []);

  return (
    <Fieldset legend={t('ui.cluster.legend')} hint={t('ui.cluster.hint')}>
      <ChoiceField
        name="target.kubeconfig.source"
        legend="ui.field.target.kubeconfig.source"
        options={[
          { value: 'server', label: 'ui.cluster.source.server', help: 'ui.cluster.source.server.help' },
          { value: 'path', label: 'ui.cluster.source.path', help: 'ui.cluster.source.path.help' },
          { value: 'upload', label: 'ui.cluster.source.upload', help: 'ui.cluster.source.upload.help' },
        ]}
      />
      {source === 'path' ? (
        <TextField
          name="target.kubeconfig.path"
          label="ui.field.target.kubeconfig.path"
          help="ui.help.target.kubeconfig.path"
          example="/home/ops/.kube/config"
          required
        />
      ) : null}
      {source === 'upload' ? (
        <SecretField
          name="target.kubeconfig.content"
          label="ui.field.target.kubeconfig.content"
          help="ui.help.target.kubeconfig.content"
          example="apiVersion: v1\nkind: Config\nclusters: …"
          multiline
          upload={{ accept: '.yaml,.yml,.conf,.config,text/plain,*' }}
          required
        />
      ) : null}
      <ContextField inspection={result} />
      <p className="review-actions">
        <button type="button" className="button" onClick={() => void inspect()} disabled={busy}>
          {busy ? t('ui.cluster.testing') : t('ui.cluster.test')}
        </button>
      </p>
      <div role="status" aria-live="polite" data-testid="cluster-status">
        {failure ? (
          <p className="notice notice-error">{failure}</p>
        ) : result ? (
          <InspectionView result={result} t={t} />
        ) : busy ? null : (
          <p className="field-help">{t('ui.cluster.notTested')}</p>
        )}
      </div>
    </Fieldset>
  );
}

/** The context: a list of the kubeconfig's contexts once they are known, free text before. */
function ContextField({ inspection }: { inspection: ClusterInspection | null }) {
  const t = useT();
  const { register } = useFormContext();
  const name = 'target.kubeContext';
  const current = (useWatch({ name }) as string) ?? '';
  const id = fieldId(name);
  const error = useFieldError(name);
  const contexts = inspection?.contexts ?? [];
  if (contexts.length === 0)
    return (
      <TextField
        name={name}
        label="ui.field.target.kubeContext"
        help="ui.help.target.kubeContext"
        example="prod-cluster"
      />
    );
  const aria = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, true, Boolean(error)),
  } as const;
  return (
    <Field
      id={id}
      label={t('ui.field.target.kubeContext')}
      help={t('ui.help.target.kubeContext')}
      error={error}
    >
      <select id={id} {...aria} {...register(name)}>
        <option value="">
          {inspection?.currentContext
            ? t('ui.cluster.context.current', { name: inspection.currentContext })
            : t('ui.cluster.context.currentNone')}
        </option>
        {contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {t('ui.cluster.context.option', { name: c.name, server: c.server || c.cluster })}
          </option>
        ))}
        {current && !contexts.some((c) => c.name === current) ? (
          <option value={current}>{t('ui.cluster.context.unknown', { name: current })}</option>
        ) : null}
      </select>
    </Field>
  );
}

/** What the cluster answered, line by line, worst first within each part. */
function InspectionView({ result, t }: { result: ClusterInspection; t: Translate }) {
  if (result.problem) {
    const reason = t(result.problem.key, result.problem.params);
    return (
      <p className={result.missing ? 'notice notice-warn' : 'notice notice-error'}>
        {result.missing ? reason : t('ui.cluster.failed', { reason })}
      </p>
    );
  }
  const version = result.version;
  const access = result.access;
  const blocking = access?.missing.filter((m) => m.purpose !== 'follow').length ?? 0;
  return (
    <div className={blocking > 0 || version?.verdict === 'fail' ? 'notice notice-error' : 'notice notice-ok'}>
      <p>
        {t('ui.cluster.connected', {
          server: result.server ?? '',
          version: version?.gitVersion ?? '?',
          context: result.context,
        })}
      </p>
      {version?.verdict === 'fail' ? <p>{t('ui.cluster.versionOld', { minimum: version.minimum })}</p> : null}
      {version?.verdict === 'warn' ? <p>{t('ui.cluster.versionNew', { newest: version.newest })}</p> : null}
      {result.identity ? (
        <p>
          {t('ui.cluster.identity', {
            user: result.identity.username,
            groups: result.identity.groups.join(', ') || '-',
          })}
        </p>
      ) : result.identityProblem ? (
        <p>
          {t('ui.cluster.identityUnknown', {
            reason: t(result.identityProblem.key, result.identityProblem.params),
          })}
        </p>
      ) : null}
      {access && access.missing.length === 0 ? (
        <p>{t('ui.cluster.accessAll', { total: access.total })}</p>
      ) : null}
      {access && access.missing.length > 0 ? (
        <>
          <p>{t('ui.cluster.accessMissing', { count: access.missing.length, total: access.total })}</p>
          <details open={access.missing.length <= 6} data-testid="cluster-missing">
            <summary>{t('ui.cluster.accessList', { count: access.missing.length })}</summary>
            <ul className="error-list">
              {access.missing.map((m) => (
                <li key={`${m.purpose} ${m.what}`}>
                  <code>{m.what}</code> ({t(`ui.cluster.purpose.${m.purpose}`)})
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
      {result.accessProblem ? (
        <p>
          {t('ui.cluster.accessUnknown', {
            reason: t(result.accessProblem.key, result.accessProblem.params),
          })}
        </p>
      ) : null}
      {result.namespaces ? <p>{t('ui.cluster.namespaces', { count: result.namespaces.length })}</p> : null}
      {result.storageClasses ? (
        <p>
          {t('ui.cluster.storageClasses', {
            count: result.storageClasses.length,
            default:
              result.storageClasses.find((c) => c.isDefault)?.name ??
              t('ui.cluster.storageClasses.noDefault'),
          })}
        </p>
      ) : null}
    </div>
  );
}
