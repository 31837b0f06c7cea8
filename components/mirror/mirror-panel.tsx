'use client';

import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';

import type { ActionResult } from '@/app/action-result';
import {
  cancelMirror,
  latestMirrorRun,
  planMirror,
  pollMirrorRun,
  startMirror,
} from '@/app/wizard/mirror/actions';
import { type Translate, useT } from '@/components/ui/i18n-context';
import {
  type ActionError,
  newPanelQueryClient,
  unwrapAction,
  useServerRun,
} from '@/components/ui/use-server-run';
import { Fieldset } from '@/components/ui/field';
import { decodeMessage, encodeMessage } from '@/components/wizard/field-messages';
import { CheckboxField, ChoiceField, fieldId, TextField } from '@/components/wizard/fields';
import { RegistryLogin, RegistryTls } from '@/components/wizard/registry-connection';
import { neighbours, stepHref } from '@/components/wizard/steps';
import { useWizard } from '@/components/wizard/wizard-context';
import { defaultMirror, defaultMirrorRegistry } from '@/lib/config/mirror';
import { getPath } from '@/lib/draft/secret-fields';
import type { MirrorRunView } from '@/lib/mirror/runs';
import type {
  MirrorChartsReportView,
  MirrorPlanRow,
  MirrorPlanView,
  MirrorReportView,
  ProgressView,
} from '@/lib/mirror/view';
import type { PublishCommands } from '@/lib/registry/chart-publish';
import { formatBytes } from '@/lib/registry/mirror-progress';

const POLL_MS = 700;
const SOURCE = 'mirror.source';
const FROM = 'mirror.from';
const SOURCE_REGISTRY = 'mirror.registry';
const PLATFORMS = 'mirror.platforms';

const active = (r: MirrorRunView) => r.state === 'planning' || r.state === 'pushing';

/**
 * The Mirror step: a source (a folder on this machine, or another registry), its plan against the
 * registry, and a run followed on the server.
 */
export function MirrorPanel() {
  const [client] = useState(newPanelQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Mirror />
    </QueryClientProvider>
  );
}

function Mirror() {
  const t = useT();
  const { flush, goTo, forgetSecretsUnder } = useWizard();
  const { setError, setValue, trigger } = useFormContext();
  const registry = useWatch({ name: 'registry.host' }) as string | undefined;
  const from = (useWatch({ name: FROM }) as 'folder' | 'registry' | undefined) ?? 'folder';
  const {
    run,
    setRun,
    error: runError,
    loadingLatest,
  } = useServerRun<MirrorRunView>({
    name: 'mirror-run',
    latest: latestMirrorRun,
    poll: pollMirrorRun,
    active,
    intervalMs: POLL_MS,
  });
  /** Saves the draft (the server reads the folder from it), then calls the action. */
  const withDraft = async <T,>(action: () => Promise<ActionResult<T>>): Promise<T> => {
    await flush();
    const r = await action();
    const fieldErrors = Object.entries((!r.ok && r.fieldErrors) || {}).filter(([path]) =>
      path.startsWith('mirror.'),
    );
    fieldErrors.forEach(([path, message], i) =>
      setError(path, { type: 'server', message: encodeMessage(message) }, { shouldFocus: i === 0 }),
    );
    return unwrapAction(Promise.resolve(r));
  };
  /** Resets a part of the step that is hidden or left, so that its invalid values block nothing. */
  const reset = (path: 'mirror' | typeof SOURCE_REGISTRY) => {
    setValue(path, path === 'mirror' ? defaultMirror : defaultMirrorRegistry, {
      shouldDirty: true,
      shouldValidate: true,
    });
    forgetSecretsUnder(SOURCE_REGISTRY);
  };
  /** Skipping keeps a valid source in the draft; an invalid one would block the checks, so it goes. */
  const skip = async (nextId: string) => {
    if (!(await trigger('mirror'))) reset('mirror');
    await goTo(stepHref(nextId));
  };
  /** The source left keeps what it holds when valid, and is cleared otherwise (hidden, it would block). */
  const choose = async (value: string) => {
    setValue(FROM, value, { shouldDirty: true, shouldValidate: true });
    if (value === 'folder' && !(await trigger(SOURCE_REGISTRY))) reset(SOURCE_REGISTRY);
    if (value === 'registry' && !(await trigger(SOURCE)))
      setValue(SOURCE, '', { shouldDirty: true, shouldValidate: true });
  };
  const plan = useMutation({ mutationFn: () => withDraft(planMirror) });
  const start = useMutation({ mutationFn: () => withDraft(startMirror), onSuccess: setRun });
  const cancel = useMutation({
    mutationFn: (id: string) => unwrapAction(cancelMirror(id)),
    onSuccess: setRun,
  });

  const data = run.data;
  const running = !!data && active(data);
  const error = (plan.error ?? start.error ?? cancel.error ?? runError) as ActionError | null;
  // A plan asked for after the run's start wins; otherwise the run's own plan while it runs (its
  // report replaces it afterwards: the plan's "will be pushed" is then out of date).
  const shownPlan =
    plan.data && (!data || plan.submittedAt > Date.parse(data.startedAt))
      ? plan.data
      : data && !data.report
        ? data.plan
        : undefined;
  const next = neighbours('mirror').next;
  // The platforms the latest plan found, kept for the choice after a run's report replaced the plan.
  const found = shownPlan?.platforms ?? plan.data?.platforms ?? data?.plan?.platforms;

  return (
    <section data-testid="mirror-panel">
      <p className="notice">{t('mirrorStep.ui.optional')}</p>
      {next && (
        <p>
          <button type="button" className="button" onClick={() => void skip(next.id)}>
            {t('mirrorStep.ui.skip')}
          </button>
        </p>
      )}
      <Fieldset legend={t('ui.step.mirror.title')}>
        <ChoiceField
          name={FROM}
          legend="ui.field.mirror.from"
          options={[
            { value: 'folder', label: 'ui.field.mirror.from.folder' },
            { value: 'registry', label: 'ui.field.mirror.from.registry' },
          ]}
          onChoose={(value) => void choose(value)}
        />
        {from === 'folder' ? (
          <TextField
            name={SOURCE}
            label="ui.field.mirror.source"
            help="ui.help.mirror.source"
            example="/media/usb/bundle"
          />
        ) : (
          <SourceRegistry />
        )}
        <Platforms found={found} planned={shownPlan?.chosenPlatforms} />
        <p>{registry ? t('mirrorStep.ui.registry', { registry }) : t('mirrorStep.ui.noRegistry')}</p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => plan.mutate()}
            disabled={plan.isPending || running}
          >
            {t('mirrorStep.ui.plan')}
          </button>{' '}
          <button
            type="button"
            className="button button-primary"
            onClick={() => start.mutate()}
            disabled={start.isPending || running}
          >
            {t(data ? 'mirrorStep.ui.startAgain' : 'mirrorStep.ui.start')}
          </button>{' '}
          {data && running && (
            <button
              type="button"
              className="button"
              onClick={() => cancel.mutate(data.id)}
              disabled={cancel.isPending}
            >
              {t('mirrorStep.ui.cancel')}
            </button>
          )}
        </p>
      </Fieldset>
      <div aria-live="polite">
        {error && (
          <p className="notice notice-error" role="alert">
            {t(error.message, error.params)}
          </p>
        )}
        {plan.isPending && <p>{t('mirrorStep.ui.planning')}</p>}
        {!shownPlan && !data && !plan.isPending && !loadingLatest && (
          <p>{t(from === 'registry' ? 'mirrorStep.ui.noPlan.registry' : 'mirrorStep.ui.noPlan')}</p>
        )}
        {data && <RunStatus run={data} t={t} />}
      </div>
      {data?.progress && running && <Progress progress={data.progress} t={t} />}
      {data?.charts && running && data.charts.total > 0 && (
        <p data-testid="mirror-charts-progress">
          <progress
            max={data.charts.total}
            value={data.charts.done}
            aria-label={t('mirrorStep.ui.charts.progress')}
          />{' '}
          {data.charts.current
            ? t('mirrorStep.ui.charts.pushing', {
                done: data.charts.done,
                total: data.charts.total,
                chart: data.charts.current,
              })
            : t('mirrorStep.ui.charts.done', { done: data.charts.done, total: data.charts.total })}
        </p>
      )}
      {data?.report && <Report report={data.report} registry={data.plan?.registry ?? ''} t={t} />}
      {shownPlan && <Plan plan={shownPlan} t={t} />}
    </section>
  );
}

function RunStatus({ run, t }: { run: MirrorRunView; t: Translate }) {
  return (
    <div data-testid="mirror-run" data-state={run.state}>
      <p className={run.state === 'failed' ? 'notice notice-error' : 'notice'}>
        {t(`mirrorStep.ui.state.${run.state}`)}
      </p>
      {run.error && (
        <p className="notice notice-error" role="alert">
          {t(run.error.key, run.error.params)}
        </p>
      )}
    </div>
  );
}

function eta(t: Translate, seconds: number | undefined): string {
  return seconds === undefined
    ? t('mirrorStep.ui.eta.unknown')
    : t('mirrorStep.ui.eta', { seconds: Math.ceil(seconds) });
}

function Progress({ progress, t }: { progress: ProgressView; t: Translate }) {
  return (
    <div data-testid="mirror-progress">
      <p>
        <progress
          max={progress.totalBytes || 1}
          value={progress.bytes}
          aria-label={t('mirrorStep.ui.col.progress')}
        />{' '}
        {t('mirrorStep.ui.total', {
          bytes: formatBytes(progress.bytes),
          totalBytes: formatBytes(progress.totalBytes),
          rate: formatBytes(progress.rate),
          eta: eta(t, progress.etaSeconds),
        })}
      </p>
      <table className="mirror-table">
        <thead>
          <tr>
            <th scope="col">{t('mirrorStep.ui.col.target')}</th>
            <th scope="col">{t('mirrorStep.ui.col.status')}</th>
            <th scope="col">{t('mirrorStep.ui.col.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.images.map((i) => (
            <tr key={i.id} data-image={i.id} data-state={i.state}>
              <td>{i.id}</td>
              <td>{t(`mirrorStep.image.${i.state}`)}</td>
              <td>
                {t('mirrorStep.ui.image', {
                  bytes: formatBytes(i.bytes),
                  totalBytes: formatBytes(i.totalBytes),
                  rate: formatBytes(i.rate),
                  eta: i.state === 'running' ? eta(t, i.etaSeconds) : '—',
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Report({ report, registry, t }: { report: MirrorReportView; registry: string; t: Translate }) {
  return (
    <div data-testid="mirror-report">
      <h2>{t('mirrorStep.ui.report')}</h2>
      <p className={report.failed > 0 ? 'notice notice-error' : 'notice'} data-testid="mirror-summary">
        {report.pushed === 0 && report.failed === 0 && !report.cancelled
          ? t('mirrorStep.ui.report.nothing', { skipped: report.skipped, registry })
          : t('mirrorStep.ui.report.summary', {
              pushed: report.pushed,
              skipped: report.skipped,
              failed: report.failed,
              bytes: formatBytes(report.uploadedBytes),
              seconds: (report.elapsedMs / 1000).toFixed(1),
            })}
      </p>
      <table className="mirror-table">
        <thead>
          <tr>
            <th scope="col">{t('mirrorStep.ui.col.image')}</th>
            <th scope="col">{t('mirrorStep.ui.col.target')}</th>
            <th scope="col">{t('mirrorStep.ui.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {report.outcomes.map((o) => (
            <tr key={o.target} data-image={o.target} data-result={o.result}>
              <td>{o.ref}</td>
              <td>{o.target}</td>
              <td>
                {t(`mirrorStep.result.${o.result}`)}
                {o.failure ? `: ${t(o.failure.key, o.failure.params)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.charts && report.charts.outcomes.length > 0 && <ChartsReport charts={report.charts} t={t} />}
    </div>
  );
}

function ChartsReport({ charts, t }: { charts: MirrorChartsReportView; t: Translate }) {
  return (
    <>
      <h2>{t('mirrorStep.ui.charts')}</h2>
      <p className={charts.failed > 0 ? 'notice notice-error' : 'notice'} data-testid="mirror-charts-summary">
        {t('mirrorStep.ui.report.charts', {
          pushed: charts.pushed,
          present: charts.present,
          failed: charts.failed,
          manual: charts.manual,
        })}
      </p>
      <table className="mirror-table" data-testid="mirror-charts-report">
        <thead>
          <tr>
            <th scope="col">{t('mirrorStep.ui.col.chart')}</th>
            <th scope="col">{t('mirrorStep.ui.col.destination')}</th>
            <th scope="col">{t('mirrorStep.ui.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {charts.outcomes.map((o) => (
            <tr key={o.file} data-chart={o.file} data-result={o.result}>
              <td>{t('mirrorStep.ui.chart', { name: o.name, version: o.version, file: o.file })}</td>
              <td>{o.destination ?? '—'}</td>
              <td>
                {t(`mirrorStep.chartResult.${o.result}`)}
                {o.note ? `: ${t(o.note.key, o.note.params)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Publish publish={charts.publish} t={t} />
    </>
  );
}

/** The commands that publish charts by hand, one block per repository or file. */
function Publish({ publish, t }: { publish: PublishCommands[]; t: Translate }) {
  if (publish.length === 0) return null;
  return (
    <div data-testid="mirror-charts-publish">
      {publish.map((p) => (
        <div key={`${p.kind} ${p.where}`} data-kind={p.kind}>
          <p>{t(`mirrorStep.publish.${p.kind}`, { where: p.where, dir: p.folder ?? '' })}</p>
          <pre className="code" tabIndex={0} aria-label={t('mirrorStep.ui.commands', { where: p.where })}>
            <code>{p.lines.join('\n')}</code>
          </pre>
        </div>
      ))}
    </div>
  );
}

/** An image's platforms in the plan: all of them, those pushed and those left out, or a warning. */
function platformsCell(i: MirrorPlanRow, t: Translate): string {
  if (i.otherPlatform) return t('mirrorStep.ui.platforms.other', { platforms: i.platforms.join(', ') });
  if (i.status === 'no-platform' || i.pushPlatforms.length === i.platforms.length)
    return i.platforms.join(', ');
  return t('mirrorStep.ui.platforms.dropped', {
    pushed: i.pushPlatforms.join(', '),
    dropped: i.platforms.filter((p) => !i.pushPlatforms.includes(p)).join(', '),
  });
}

/** The first error of a list field (`mirror.platforms.1`), translated. */
function useListError(name: string): string | undefined {
  const t = useT();
  const { errors } = useFormState({ name });
  const node = getPath(errors, name);
  const entries = Array.isArray(node) ? node : node ? [node] : [];
  for (const entry of entries) {
    const decoded = decodeMessage((entry as { message?: string } | undefined)?.message);
    if (decoded) return t(decoded.key, decoded.params);
  }
  return undefined;
}

/**
 * The platforms to push: every platform (nothing chosen, the default), or those checked among the
 * platforms the plan found across the source's images (and those the draft holds already).
 */
function Platforms({
  found,
  planned,
}: {
  found: readonly string[] | undefined;
  planned?: readonly string[];
}) {
  const t = useT();
  const { setValue } = useFormContext();
  const chosen = (useWatch({ name: PLATFORMS }) as string[] | undefined) ?? [];
  const [picking, setPicking] = useState(false);
  const some = picking || chosen.length > 0;
  const options = [...new Set([...(found ?? []), ...chosen])].sort();
  const id = fieldId(PLATFORMS);
  const error = useListError(PLATFORMS);
  const set = (next: readonly string[]) =>
    setValue(PLATFORMS, [...next].sort(), { shouldDirty: true, shouldValidate: true });
  const stale = !!planned && [...planned].sort().join(',') !== [...chosen].sort().join(',');
  return (
    <fieldset className="fieldset" aria-describedby={`${id}-help`} data-testid="mirror-platforms">
      <legend>{t('ui.field.mirror.platforms')}</legend>
      <p id={`${id}-help`} className="fieldset-hint">
        {t('ui.help.mirror.platforms')}
      </p>
      <div className="radio-group">
        <div className="check">
          <input
            id={`${id}-all`}
            type="radio"
            name={id}
            checked={!some}
            onChange={() => {
              setPicking(false);
              set([]);
            }}
          />
          <label htmlFor={`${id}-all`}>{t('ui.field.mirror.platforms.all')}</label>
        </div>
        <div className="check">
          <input id={`${id}-some`} type="radio" name={id} checked={some} onChange={() => setPicking(true)} />
          <label htmlFor={`${id}-some`}>{t('ui.field.mirror.platforms.some')}</label>
        </div>
      </div>
      {some && options.length === 0 && <p className="field-help">{t('mirrorStep.ui.platforms.noPlan')}</p>}
      {some && options.length > 0 && (
        <div className="radio-group" id={id}>
          {options.map((platform) => {
            const optionId = `${id}-${platform.replace(/[^a-z0-9]/g, '-')}`;
            return (
              <div key={platform} className="check">
                <input
                  id={optionId}
                  type="checkbox"
                  value={platform}
                  checked={chosen.includes(platform)}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) =>
                    set(e.target.checked ? [...chosen, platform] : chosen.filter((p) => p !== platform))
                  }
                />
                <label htmlFor={optionId}>{platform}</label>
              </div>
            );
          })}
        </div>
      )}
      {some && options.length > 0 && chosen.length === 0 && (
        <p className="field-help">{t('mirrorStep.ui.platforms.noneChecked')}</p>
      )}
      {stale && <p className="field-help">{t('mirrorStep.ui.platforms.replan')}</p>}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function Plan({ plan, t }: { plan: MirrorPlanView; t: Translate }) {
  const fromRegistry = plan.kind === 'registry';
  return (
    <div data-testid="mirror-plan" data-kind={plan.kind}>
      <p>
        {t('mirrorStep.ui.plan.summary', {
          toPush: plan.toPush,
          total: plan.images.length,
          present: plan.images.length - plan.toPush,
          bytes: formatBytes(plan.bytesToPush),
          registry: plan.registry,
        })}
      </p>
      <p data-testid="mirror-plan-platforms">
        {plan.chosenPlatforms.length > 0
          ? t('mirrorStep.ui.plan.platforms.some', { platforms: plan.chosenPlatforms.join(', ') })
          : t('mirrorStep.ui.plan.platforms.all')}
      </p>
      <table className="mirror-table">
        <caption>
          {t('mirrorStep.ui.plan.caption', {
            source:
              plan.kind === 'registry' && plan.source === 'public'
                ? t('mirrorStep.ui.publicRegistries')
                : plan.source,
            kind: t(`mirrorStep.ui.kind.${plan.kind}`),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('mirrorStep.ui.col.image')}</th>
            <th scope="col">{t('mirrorStep.ui.col.target')}</th>
            <th scope="col">{t('mirrorStep.ui.col.size')}</th>
            <th scope="col">{t('mirrorStep.ui.col.platforms')}</th>
            <th scope="col">{t('mirrorStep.ui.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.images.map((i) => (
            <tr key={i.target} data-image={i.ref} data-status={i.status}>
              <td>{i.ref}</td>
              <td>{i.target}</td>
              <td>{formatBytes(i.size)}</td>
              <td data-push-platforms={i.pushPlatforms.join(',')}>{platformsCell(i, t)}</td>
              <td>
                {t(`mirrorStep.status.${i.status}`, {
                  tag: i.configuredTag ?? '',
                  detail: i.error ? t(i.error.key, i.error.params) : '',
                  platforms: i.platforms.join(', '),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.notInSource.length > 0 && (
        <>
          <h2>{t(fromRegistry ? 'mirrorStep.ui.notInSource.registry' : 'mirrorStep.ui.notInSource')}</h2>
          <ul data-testid="mirror-not-in-source">
            {plan.notInSource.map((u) => (
              <li key={u.target} data-present={u.present}>
                {u.source} → {u.target}:{' '}
                {t(u.present ? 'mirrorStep.ui.notInSource.present' : 'mirrorStep.ui.notInSource.missing')}
              </li>
            ))}
          </ul>
        </>
      )}
      {fromRegistry && (
        <p className="notice" data-testid="mirror-no-charts">
          {t('mirrorStep.ui.registryNoCharts')}
        </p>
      )}
      {plan.charts.length > 0 && (
        <>
          <h2>{t('mirrorStep.ui.charts')}</h2>
          <table className="mirror-table" data-testid="mirror-charts">
            <thead>
              <tr>
                <th scope="col">{t('mirrorStep.ui.col.chart')}</th>
                <th scope="col">{t('mirrorStep.ui.col.destination')}</th>
                <th scope="col">{t('mirrorStep.ui.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.charts.map((c) => (
                <tr key={c.file} data-chart={c.file} data-status={c.status}>
                  <td>
                    {c.name
                      ? t('mirrorStep.ui.chart', { name: c.name, version: c.version ?? '', file: c.file })
                      : c.file}
                  </td>
                  <td>{c.destination ?? '—'}</td>
                  <td>
                    {t(`mirrorStep.chartStatus.${c.status}`)}
                    {c.note ? `: ${t(c.note.key, c.note.params)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Publish publish={plan.chartsPublish} t={t} />
        </>
      )}
      {plan.problems.length > 0 && (
        <>
          <h2>{t(fromRegistry ? 'mirrorStep.ui.problems.registry' : 'mirrorStep.ui.problems')}</h2>
          <ul data-testid="mirror-problems">
            {plan.problems.map((p) => (
              <li key={p.what}>
                {p.what}: {p.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The source registry: its address (images under it host-stripped, as on the internal registry),
 * or the images' own public registries; login and TLS with the Registry step's components.
 */
function SourceRegistry() {
  const t = useT();
  const { getValues, setValue } = useFormContext();
  const { forgetSecretsUnder } = useWizard();
  const isPublic = useWatch({ name: 'mirror.registry.public' }) as boolean;
  // The public registries take no address, login or TLS option: what was typed for one goes.
  useEffect(() => {
    if (!isPublic) return;
    const current = getValues(SOURCE_REGISTRY) as typeof defaultMirrorRegistry;
    for (const [key, value] of Object.entries(defaultMirrorRegistry))
      if (key !== 'public' && current[key as keyof typeof current] !== value)
        setValue(`${SOURCE_REGISTRY}.${key}`, value, { shouldDirty: true, shouldValidate: true });
    forgetSecretsUnder(SOURCE_REGISTRY);
  }, [isPublic, getValues, setValue, forgetSecretsUnder]);
  return (
    <>
      <Fieldset legend={t('ui.mirror.registry.legend')}>
        <CheckboxField
          name="mirror.registry.public"
          label="ui.field.mirror.registry.public"
          help="ui.help.mirror.registry.public"
        />
        {!isPublic && (
          <TextField
            name="mirror.registry.host"
            label="ui.field.mirror.registry.host"
            help="ui.help.mirror.registry.host"
            example="registry.example.com/wandb-bundle"
            required
          />
        )}
      </Fieldset>
      {!isPublic && (
        <>
          <RegistryLogin
            base={SOURCE_REGISTRY}
            legend="ui.registry.login.legend"
            toggle="ui.mirror.registry.login.toggle"
          />
          <RegistryTls base={SOURCE_REGISTRY} />
        </>
      )}
    </>
  );
}
