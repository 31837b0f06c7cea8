'use client';

import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { readPlatformChart, readUploadedPlatformChart } from '@/app/wizard/charts/actions';
import { useT } from '@/components/ui/i18n-context';
import type { ChartReading } from '@/lib/config';

import { useWizard } from './wizard-context';

/**
 * Reads the operator-wandb chart the step points at (server side: `helm pull`, read, render) and
 * keeps what it found in `charts.platform.reading`, which the generator takes. Without a reading
 * for the chosen version, a warning says that the image list may be incomplete.
 */
export function ChartReadingPanel() {
  const t = useT();
  const { setValue } = useFormContext();
  const { flush } = useWizard();
  const version = (useWatch({ name: 'charts.platform.version' }) as string | undefined) ?? '';
  const reading = useWatch({ name: 'charts.platform.reading' }) as ChartReading | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const current = reading && reading.version === version ? reading : undefined;

  async function read(upload?: File) {
    setBusy(true);
    setError('');
    try {
      await flush();
      let outcome;
      if (upload) {
        const form = new FormData();
        form.set('chart', upload);
        outcome = await readUploadedPlatformChart(form);
      } else {
        outcome = await readPlatformChart();
      }
      if (!outcome.ok) {
        setError(t(outcome.error.key, outcome.error.params));
        return;
      }
      setValue('charts.platform.reading', outcome.data, { shouldDirty: true });
      if (outcome.data.version !== version) {
        setValue('charts.platform.version', outcome.data.version, {
          shouldDirty: true,
          shouldValidate: true,
        });
      }
    } catch {
      setError(t('ui.error.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="chart-reading" data-testid="chart-reading">
      <button type="button" className="button" disabled={busy} onClick={() => read()}>
        {busy ? t('ui.charts.read.running') : t('ui.charts.read.run')}
      </button>
      <label className="chart-upload">
        {t('ui.charts.upload.label')}{' '}
        <input
          type="file"
          accept=".tgz,application/gzip,application/x-gzip,application/x-compressed-tar"
          disabled={busy}
          data-testid="chart-upload"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void read(file);
          }}
        />
      </label>
      <div role="status" aria-live="polite">
        {error ? <p className="field-error">{error}</p> : null}
        {current ? (
          <p>
            {t('ui.charts.read.done', {
              version: current.version,
              keys: current.keys.filter((key) => key.enabled).length,
              started: current.rendered ? current.rendered.started.length : '-',
              digest: current.digest.slice(0, 19),
            })}
            {current.rendered && current.rendered.testHooks.length > 0
              ? ` ${t('ui.charts.read.testHooks', { hooks: current.rendered.testHooks.join(', ') })}`
              : ''}
          </p>
        ) : (
          <p className="field-warning">{t('ui.charts.read.notRead', { version: version || '?' })}</p>
        )}
      </div>
    </div>
  );
}
