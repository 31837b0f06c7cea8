'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';

import { readPlatformChart, readUploadedPlatformChart } from '@/app/wizard/charts/actions';
import { useT } from '@/components/ui/i18n-context';
import type { ChartReading } from '@/lib/config';

import { useWizard } from './wizard-context';

/**
 * Reads the operator-wandb chart the step points at (server side: `helm pull`, read, render) and
 * keeps what it found in `charts.platform.reading`, which the generator takes. Without a reading
 * for the chosen version, a warning says that the image list may be incomplete.
 *
 * It reads by itself too: when the version (or the source) changes to one without a reading and
 * the source is filled in, a second after the typing stops, once per version and source. A failed
 * read of its own says nothing new (the warning stays, the button gives the reason).
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
  const source = useWatch({ name: 'charts.platform.source' }) as
    { kind?: string; url?: string; path?: string } | undefined;
  const sourceKey = `${source?.kind}|${source?.url ?? source?.path ?? ''}`;
  const tried = useRef(new Set<string>());
  const busyRef = useRef(false);
  // The latest read wins: a read of the user's own replaces one the panel started.
  const latest = useRef(0);

  useEffect(() => {
    const filled = (source?.url ?? source?.path ?? '').trim() !== '';
    const key = `${version}|${sourceKey}`;
    if (current || !filled || !/^\d+\.\d+\.\d+$/.test(version.trim()) || tried.current.has(key)) return;
    const timer = window.setTimeout(() => {
      if (busyRef.current) return;
      tried.current.add(key);
      void read(undefined, true);
    }, 1_000);
    return () => window.clearTimeout(timer);
    // read is recreated on each render; the inputs that matter are listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, sourceKey, current]);

  async function read(upload?: File, auto = false) {
    const call = ++latest.current;
    busyRef.current = true;
    // A read of its own leaves the button and the upload usable.
    if (!auto) setBusy(true);
    if (!auto) setError('');
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
      if (call !== latest.current) return;
      if (!outcome.ok) {
        if (!auto) setError(t(outcome.error.key, outcome.error.params));
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
      if (!auto && call === latest.current) setError(t('ui.error.unreachable'));
    } finally {
      if (call === latest.current) {
        busyRef.current = false;
        setBusy(false);
      }
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
