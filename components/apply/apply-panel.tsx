'use client';

import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';

import {
  applyConfirmation,
  cancelApply,
  latestApplyRun,
  pollApplyRun,
  startApply,
} from '@/app/wizard/apply/actions';
import { type Translate, useT } from '@/components/ui/i18n-context';
import {
  type ActionError,
  newPanelQueryClient,
  unwrapAction,
  useServerRun,
} from '@/components/ui/use-server-run';
import type { PodProblem } from '@/lib/apply/pod-problems';
import type { ApplyRun, RunStep } from '@/lib/apply/runs';
import { ActionErrorNotice } from '@/components/wizard/action-error-notice';

const POLL_MS = 1_000;
/** The helm step's error for an operator release left pending by an interrupted helm run. */
const STUCK_RELEASE = 'errors.helm.stuckRelease';
const ICONS: Record<RunStep['state'], string> = { pending: '○', running: '…', done: '✔', failed: '✖' };

/** The apply step: dry run, apply with confirmation, live steps, readiness, cancel. */
export function ApplyPanel() {
  const [client] = useState(newPanelQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Apply />
    </QueryClientProvider>
  );
}

function Apply() {
  const t = useT();
  const form = useFormContext() as ReturnType<typeof useFormContext> | null;
  const host = String(form?.getValues('platform.host') ?? '');
  const [confirming, setConfirming] = useState(false);
  const {
    runId,
    run,
    setRun,
    error: runError,
  } = useServerRun<ApplyRun>({
    name: 'apply-run',
    latest: latestApplyRun,
    poll: pollApplyRun,
    active: (r) => r.status === 'running',
    intervalMs: POLL_MS,
  });
  const start = useMutation({
    mutationFn: (input: { dryRun: boolean; recoverStuckRelease?: boolean; followOnly?: boolean }) =>
      unwrapAction(startApply(input)),
    onSuccess: (r) => {
      setConfirming(false);
      setRun(r);
    },
  });
  // The confirmation lists the plan's writes, asked of the server when Apply is pressed.
  const confirmation = useMutation({
    mutationFn: () => unwrapAction(applyConfirmation()),
    onSuccess: () => setConfirming(true),
  });
  const cancel = useMutation({
    mutationFn: () => unwrapAction(cancelApply(runId as string)),
    onSuccess: setRun,
  });

  const data = run.data;
  const running = data?.status === 'running';
  // Everything is applied once the follow runs: stopping it leaves the install going on.
  const following = running && data.steps.some((s) => s.kind === 'follow' && s.state === 'running');
  const error = (start.error ?? confirmation.error ?? cancel.error ?? runError) as ActionError | null;

  return (
    <section className="fieldset" data-testid="apply-panel">
      <p>
        <button
          type="button"
          className="button"
          onClick={() => start.mutate({ dryRun: true })}
          disabled={start.isPending || running}
          aria-describedby="apply-hints"
        >
          {t('apply.ui.dryRun')}
        </button>{' '}
        <button
          type="button"
          className="button button-primary"
          onClick={() => confirmation.mutate()}
          disabled={start.isPending || running || confirming || confirmation.isPending}
        >
          {t('apply.ui.apply')}
        </button>{' '}
        <button
          type="button"
          className="button"
          onClick={() => start.mutate({ dryRun: false, followOnly: true })}
          disabled={start.isPending || running}
          aria-describedby="apply-hints"
        >
          {t('apply.ui.followOnly')}
        </button>{' '}
        {running && (
          <button
            type="button"
            className="button"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
          >
            {following ? t('apply.ui.stopFollowing') : t('apply.ui.cancel')}
          </button>
        )}
      </p>
      <dl id="apply-hints" className="apply-hints">
        <dt>{t('apply.ui.dryRun')}</dt>
        <dd>{t('apply.ui.dryRun.hint')}</dd>
        <dt>{t('apply.ui.apply')}</dt>
        <dd>{t('apply.ui.apply.hint')}</dd>
        <dt>{t('apply.ui.followOnly')}</dt>
        <dd>{t('apply.ui.followOnly.hint')}</dd>
      </dl>
      {!data && !start.isPending && !error && (
        <p role="status" data-testid="apply-status">
          {t('apply.ui.status.none')}
        </p>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="apply-confirm-title" className="notice notice-warn">
          <p>
            <strong id="apply-confirm-title">{t('apply.ui.confirm.title')}</strong>
          </p>
          {confirmation.data ? (
            <>
              <p>
                {t('apply.ui.confirm.lead', {
                  cluster: confirmation.data.cluster,
                  context: confirmation.data.context || '-',
                })}
              </p>
              <ul data-testid="apply-writes">
                {confirmation.data.writes.map((w) => (
                  <li key={w.id}>{t(`apply.ui.confirm.write.${w.kind}`, { target: w.target })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => start.mutate({ dryRun: false })}
              disabled={start.isPending}
              autoFocus
            >
              {t('apply.ui.confirm.yes')}
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('apply.ui.confirm.no')}
            </button>
          </p>
        </div>
      )}
      <div aria-live="polite">
        {error && <ActionErrorNotice error={error} />}
        {data && <RunStatus run={data} t={t} />}
      </div>
      {data && <Steps run={data} t={t} />}
      {data && !running && (
        <StuckRelease
          run={data}
          t={t}
          disabled={start.isPending}
          onRecover={() => start.mutate({ dryRun: false, recoverStuckRelease: true })}
        />
      )}
      {data?.readiness && <Readiness run={data} host={host} t={t} />}
      {data && data.logs.length > 0 && (
        <details>
          <summary>{t('apply.ui.logs')}</summary>
          <pre className="evidence">{data.logs.map((l) => `[${l.stepId}] ${l.line}`).join('\n')}</pre>
        </details>
      )}
    </section>
  );
}

function RunStatus({ run, t }: { run: ApplyRun; t: Translate }) {
  const status = t(`apply.ui.status.${run.status}`);
  const cls =
    run.status === 'failed'
      ? 'notice notice-error'
      : run.status === 'succeeded'
        ? 'notice notice-ok'
        : 'notice';
  return (
    <div className={cls} data-status={run.status}>
      <p>
        {run.dryRun
          ? t('apply.ui.status.dryRun', { status })
          : run.followOnly
            ? t('apply.ui.status.followOnly', { status })
            : status}
      </p>
      {run.helm && <p>{t('apply.ui.helm', { helm: run.helm })}</p>}
      {run.error && (
        <p role="alert">
          {t(run.error.key, run.error.params)}
          {run.error.detail && <code> {run.error.detail}</code>}
        </p>
      )}
    </div>
  );
}

function Steps({ run, t }: { run: ApplyRun; t: Translate }) {
  return (
    <>
      <h3>{t('apply.ui.steps')}</h3>
      <ol className="checks-list">
        {run.steps.map((s) => (
          <li key={s.id} className={`check-item apply-step-${s.state}`} data-step={s.id} data-state={s.state}>
            <p>
              <span aria-hidden="true">{ICONS[s.state]}</span>{' '}
              <strong>{t(`apply.step.kind.${s.kind}`)}</strong> <code>{s.target}</code> —{' '}
              <span>{t(`apply.step.state.${s.state}`)}</span>
              {s.change && <span> · {t(`apply.change.${run.dryRun ? 'dry.' : ''}${s.change}`)}</span>}
              {s.detail && <span> ({s.detail})</span>}
            </p>
            {s.error && (
              <p className="notice notice-error" role="alert">
                {t(s.error.key, s.error.params)}
                {s.error.detail && (
                  <>
                    <br />
                    <code>{s.error.detail}</code>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/**
 * When the helm step failed because an interrupted helm run left the operator release pending:
 * what a dry run means for the apply, and the recovery (after a confirmation) followed by a new apply.
 */
function StuckRelease({
  run,
  t,
  disabled,
  onRecover,
}: {
  run: ApplyRun;
  t: Translate;
  disabled: boolean;
  onRecover: () => void;
}) {
  const error = run.steps.find((s) => s.error?.key === STUCK_RELEASE)?.error;
  if (!error) return null;
  return (
    <div className="notice notice-warn" data-testid="apply-stuck-release">
      {run.dryRun && <p role="status">{t('apply.ui.stuck.dryRun')}</p>}
      <p id="apply-stuck-hint">{t('apply.ui.stuck.hint', error.params)}</p>
      <p>
        <button
          type="button"
          className="button button-primary"
          aria-describedby="apply-stuck-hint"
          disabled={disabled}
          onClick={() => {
            if (window.confirm(t('apply.ui.stuck.confirm', error.params))) onRecover();
          }}
        >
          {t('apply.ui.stuck.recover')}
        </button>
      </p>
    </div>
  );
}

function Readiness({ run, host, t }: { run: ApplyRun; host: string; t: Translate }) {
  const r = run.readiness;
  if (!r) return null;
  const crName =
    run.steps
      .find((s) => s.kind === 'follow')
      ?.target.split('/')
      .pop() ?? '';
  return (
    <>
      <h3>{t('apply.ui.readiness')}</h3>
      {r.ready && (
        <p className="notice notice-ok" data-testid="platform-ready">
          {t('apply.ui.platformReady')}{' '}
          {/^https?:\/\//.test(host) && (
            <a href={host} target="_blank" rel="noreferrer">
              {host}
            </a>
          )}
        </p>
      )}
      <p>
        {r.cr.found
          ? t('apply.ui.crPhase', { name: crName, phase: r.cr.phase ?? t('apply.ui.crPhase.none') })
          : t('apply.ui.crMissing')}
      </p>
      {r.cr.events.length > 0 && (
        <ul>
          {r.cr.events.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {r.operatorSilent && (
        <p className="notice notice-warn" data-testid="operator-silent">
          {t('apply.ui.operatorSilent', { ...r.operatorSilent })}
        </p>
      )}
      {r.problems.length > 0 && <PodProblems problems={r.problems} t={t} />}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('apply.ui.workload')}</th>
            <th scope="col">{t('apply.ui.ready')}</th>
          </tr>
        </thead>
        <tbody>
          {r.workloads.map((w) => (
            <tr key={`${w.kind}/${w.namespace}/${w.name}`} data-ready={w.found && w.ready >= w.total}>
              <td>
                {w.kind} <code>{`${w.namespace}/${w.name}`}</code>
              </td>
              <td>{w.found ? `${w.ready}/${w.total}` : t('apply.ui.notFound')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PodProblems({ problems, t }: { problems: PodProblem[]; t: Translate }) {
  return (
    <div className="notice notice-error" data-testid="pod-problems">
      <h4>{t('apply.ui.problems')}</h4>
      <ul>
        {problems.map((p) => {
          const pod = `${p.namespace}/${p.pod}`;
          const params = { pod, container: p.container ?? '', image: p.image ?? '', reason: p.reason };
          const text =
            p.reason === 'Unschedulable'
              ? t('apply.ui.problem.unschedulable', params)
              : p.imagePull
                ? t('apply.ui.problem.imagePull', params)
                : t('apply.ui.problem.container', params);
          return (
            <li key={`${pod}/${p.container ?? ''}`}>
              {text}
              {p.message && (
                <>
                  <br />
                  <code>{p.message}</code>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
