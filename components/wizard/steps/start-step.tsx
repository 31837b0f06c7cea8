'use client';

import { useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';

import { importDraft, importFromCluster, type ImportReport, resetDraft } from '@/app/wizard/actions';
import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';

import { useWizard } from '../wizard-context';

type Mode = 'new' | 'import' | 'cluster';

/** The first step: start a new installation, import existing wandb.yaml and values.yaml, or read them from the cluster. */
export function StartStep({ hasDraft, defaults }: { hasDraft: boolean; defaults: Record<string, unknown> }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('new');
  const options: { value: Mode; label: string; help: string }[] = [
    { value: 'new', label: 'ui.start.mode.new', help: 'ui.start.mode.newHelp' },
    { value: 'import', label: 'ui.start.mode.import', help: 'ui.start.mode.importHelp' },
    { value: 'cluster', label: 'ui.start.mode.cluster', help: 'ui.start.mode.clusterHelp' },
  ];
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('ui.start.mode.legend')}</legend>
        <div className="radio-group">
          {options.map((o) => (
            <div key={o.value} className="check">
              <input
                id={`start-mode-${o.value}`}
                type="radio"
                name="start-mode"
                value={o.value}
                checked={mode === o.value}
                aria-describedby={`start-mode-${o.value}-help`}
                onChange={() => setMode(o.value)}
              />
              <label htmlFor={`start-mode-${o.value}`}>
                {t(o.label)}
                <span id={`start-mode-${o.value}-help`} className="field-help">
                  {' '}
                  — {t(o.help)}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {mode === 'new' ? <NewInstall hasDraft={hasDraft} defaults={defaults} /> : null}
      {mode === 'import' ? <ImportFiles /> : null}
      {mode === 'cluster' ? <ReadFromCluster /> : null}
    </>
  );
}

function NewInstall({ hasDraft, defaults }: { hasDraft: boolean; defaults: Record<string, unknown> }) {
  const t = useT();
  const { flush, replaceDraft } = useWizard();
  const [message, setMessage] = useState('');
  if (!hasDraft) return <p>{t('ui.start.new.fresh')}</p>;
  return (
    <div className="notice">
      <p>{t('ui.start.new.existing')}</p>
      <button
        type="button"
        className="button"
        onClick={async () => {
          if (!window.confirm(t('ui.start.new.confirmReset'))) return;
          // A save still pending would land after the reset and bring the old draft back.
          await flush();
          const result = await resetDraft();
          if (result.ok) {
            replaceDraft(defaults, {});
            setMessage(t('ui.start.new.resetDone'));
          } else {
            setMessage(t(result.error.key, result.error.params));
          }
        }}
      >
        {t('ui.start.new.reset')}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

function ImportFiles() {
  const t = useT();
  const { flush, replaceDraft } = useWizard();
  const [wandbYaml, setWandbYaml] = useState('');
  const [valuesYaml, setValuesYaml] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const wandbId = useId();
  const valuesId = useId();

  async function runImport() {
    setBusy(true);
    setError('');
    setReport(null);
    try {
      // Pending saves go first: landing after the import, they would overwrite it on the server.
      await flush();
      const result = await importDraft({ wandbYaml, valuesYaml });
      if (!result.ok) {
        setError(t(result.error.key, result.error.params));
        return;
      }
      replaceDraft(result.data.values, result.data.secrets, result.data.rev);
      setReport(result.data);
    } catch {
      setError(t('ui.error.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Fieldset legend={t('ui.start.import.legend')} hint={t('ui.start.import.hint')}>
      <YamlInput
        id={wandbId}
        label={t('ui.start.import.wandbYaml')}
        upload={t('ui.start.import.upload', { file: 'wandb.yaml' })}
        value={wandbYaml}
        onChange={setWandbYaml}
      />
      <YamlInput
        id={valuesId}
        label={t('ui.start.import.valuesYaml')}
        upload={t('ui.start.import.upload', { file: 'values.yaml' })}
        value={valuesYaml}
        onChange={setValuesYaml}
      />
      <button
        type="button"
        className="button button-primary"
        disabled={busy || (wandbYaml.trim() === '' && valuesYaml.trim() === '')}
        onClick={runImport}
      >
        {busy ? t('ui.start.import.running') : t('ui.start.import.run')}
      </button>
      <div role="status" aria-live="polite" data-testid="import-result">
        {error ? <p className="field-error">{error}</p> : null}
        {report ? <ImportSummary report={report} /> : null}
      </div>
    </Fieldset>
  );
}

function YamlInput({
  id,
  label,
  upload,
  value,
  onChange,
}: {
  id: string;
  label: string;
  upload: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        rows={10}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="review-actions">
        <label htmlFor={`${id}-file`}>{upload}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,text/yaml,text/plain"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (file) onChange(await file.text());
          }}
        />
      </span>
    </div>
  );
}

function ImportSummary({ report, resource }: { report: ImportReport; resource?: string }) {
  const t = useT();
  return (
    <div className="notice notice-ok">
      {resource ? <p>{t('ui.start.cluster.read', { resource })}</p> : null}
      <p>{t('ui.start.import.done', { count: report.fieldCount })}</p>
      {report.problems.map((p, i) => (
        <p key={i} className="field-error">
          {t(p.key, p.params)}
        </p>
      ))}
      {report.unknownKeys.length > 0 ? (
        <>
          <p>{t('ui.start.import.unknown', { count: report.unknownKeys.length })}</p>
          <ul>
            {report.unknownKeys.map((k) => (
              <li key={k}>
                <code>{k}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** Reads the WeightsAndBiases resource of a running installation through the server's kubeconfig. */
function ReadFromCluster() {
  const t = useT();
  const { getValues } = useFormContext();
  const { flush, replaceDraft } = useWizard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<(ImportReport & { resource: string }) | null>(null);

  async function read() {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      // Pending saves go first: landing after the import, they would overwrite it on the server.
      await flush();
      const outcome = await importFromCluster({
        context: (getValues('target.kubeContext') as string) ?? '',
        namespace: (getValues('target.crNamespace') as string) ?? '',
        name: (getValues('target.crName') as string) ?? '',
      });
      if (!outcome.ok) {
        setError(t(outcome.error.key, outcome.error.params));
        return;
      }
      replaceDraft(outcome.data.values, outcome.data.secrets, outcome.data.rev);
      setResult(outcome.data);
    } catch {
      setError(t('ui.error.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Fieldset legend={t('ui.start.cluster.legend')} hint={t('ui.start.cluster.hint')}>
      <button type="button" className="button button-primary" disabled={busy} onClick={read}>
        {busy ? t('ui.start.cluster.running') : t('ui.start.cluster.run')}
      </button>
      <div role="status" aria-live="polite" data-testid="cluster-result">
        {error ? <p className="field-error">{error}</p> : null}
        {result ? <ImportSummary report={result} resource={result.resource} /> : null}
      </div>
    </Fieldset>
  );
}
