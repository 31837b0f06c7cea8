'use client';

import { QueryClientProvider, useMutation } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';

import { type Translate, useLocale, useT } from '@/components/ui/i18n-context';
import {
  type ActionError,
  newPanelQueryClient,
  unwrapAction,
  useServerRun,
} from '@/components/ui/use-server-run';
import type { CheckRun, RunCheck } from '@/lib/checks/runs';
import { bracketed } from '@/lib/i18n/glossary';
import {
  bypassCheck,
  latestChecksRun,
  pollChecksRun,
  rerunOneCheck,
  startChecksRun,
} from '@/app/wizard/prerequisites/actions';
import { ActionErrorNotice } from '@/components/wizard/action-error-notice';

type Status = NonNullable<RunCheck['result']>['status'];
type Msg = { key: string; params: Record<string, string | number> };

const ICONS: Record<Status | 'running', string> = {
  pass: '✔',
  warn: '⚠',
  fail: '✖',
  error: '⛔',
  skipped: '⤼',
  running: '…',
};
const STATUS_KEYS: Record<Status | 'running', string> = {
  pass: 'checks.status.pass',
  warn: 'checks.status.warn',
  fail: 'checks.status.fail',
  error: 'checks.status.error',
  skipped: 'checks.status.skipped',
  running: 'checks.status.running',
};
const POLL_MS = 700;
/** Read by screen readers, not shown (the bars carry the same text visually). */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const statusOf = (c: RunCheck): Status | 'running' =>
  c.state === 'running' || !c.result ? 'running' : c.result.status;
const tm = (t: Translate, m: Msg | undefined) => (m ? t(m.key, m.params) : '');

/** The prerequisites step: runs the checks on the server and shows each as it finishes. */
export function ChecksPanel() {
  const [client] = useState(newPanelQueryClient);
  return (
    <QueryClientProvider client={client}>
      <Checks />
    </QueryClientProvider>
  );
}

function Checks() {
  const t = useT();
  const [writeTest, setWriteTest] = useState(false);
  const [inClusterTest, setInClusterTest] = useState(false);
  const {
    runId,
    run,
    setRun,
    error: runError,
    loadingLatest,
  } = useServerRun<CheckRun>({
    name: 'checks-run',
    latest: latestChecksRun,
    poll: pollChecksRun,
    active: (r) => r.checks.some((c) => c.state !== 'done'),
    intervalMs: POLL_MS,
  });
  const start = useMutation({
    mutationFn: () => unwrapAction(startChecksRun({ bucketWriteTest: writeTest, inClusterTest })),
    onSuccess: setRun,
  });
  const rerun = useMutation({
    mutationFn: (id: string) => unwrapAction(rerunOneCheck(runId as string, id)),
    onSuccess: setRun,
  });

  const data = run.data;
  const error = (start.error ?? rerun.error ?? runError) as ActionError | null;
  const done = data?.checks.filter((c) => c.state === 'done').length ?? 0;
  const blocking =
    data?.checks.filter(
      (c) =>
        c.strict &&
        c.state === 'done' &&
        c.result &&
        (c.result.status === 'fail' || c.result.status === 'error' || c.result.status === 'skipped') &&
        !data.bypasses.some((b) => b.checkId === c.id),
    ).length ?? 0;

  return (
    <section className="fieldset" data-testid="checks-panel">
      <OptIn
        id="checks-write-test"
        checked={writeTest}
        onChange={setWriteTest}
        label={t('checks.ui.writeTest')}
      />
      <OptIn
        id="checks-in-cluster"
        checked={inClusterTest}
        onChange={setInClusterTest}
        label={t('checks.ui.inClusterTest')}
      />
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => start.mutate()}
          disabled={start.isPending}
        >
          {t(data ? 'checks.ui.startAgain' : 'checks.ui.start')}
        </button>{' '}
        {data && (
          <>
            <a className="button" href={`/api/checks/${data.id}/report?format=json`} download>
              {t('checks.ui.exportJson')}
            </a>{' '}
            <a className="button" href={`/api/checks/${data.id}/report?format=md`} download>
              {t('checks.ui.exportMarkdown')}
            </a>
          </>
        )}
      </p>
      <div aria-live="polite">
        {error && <ActionErrorNotice error={error} />}
        {!data && !loadingLatest && <p>{t('checks.ui.noRun')}</p>}
        {data && (
          <p className={data.cleared ? 'notice' : 'notice notice-warn'}>
            {t('checks.ui.progress', { done, total: data.checks.length })}{' '}
            {done === data.checks.length &&
              (data.cleared ? t('checks.ui.cleared') : t('checks.ui.blocked', { count: blocking }))}
          </p>
        )}
      </div>
      {data && <Timeline run={data} t={t} />}
      {data && (
        <ol className="checks-list">
          {data.checks.map((c) => (
            <CheckItem
              key={c.id}
              check={c}
              run={data}
              t={t}
              onRerun={() => rerun.mutate(c.id)}
              onRun={setRun}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function CheckItem({
  check,
  run,
  t,
  onRerun,
  onRun,
}: {
  check: RunCheck;
  run: CheckRun;
  t: Translate;
  onRerun: () => void;
  onRun: (r: CheckRun) => void;
}) {
  const locale = useLocale() === 'ja' ? 'ja' : 'en';
  const status = statusOf(check);
  const title = t(check.titleKey);
  const bypass = run.bypasses.find((b) => b.checkId === check.id);
  const r = check.result;
  return (
    <li className={`check-item check-${status}`} data-check={check.id} data-status={status}>
      <p>
        <span aria-hidden="true">{ICONS[status]}</span> <strong>{title}</strong>
        {check.strict && <span className="check-strict">{bracketed(locale, t('checks.strict'))}</span>} —{' '}
        <span>{t(STATUS_KEYS[status])}</span>
        {r && check.state === 'done' && (
          <span> · {t('checks.ui.duration', { seconds: (r.durationMs / 1000).toFixed(1) })}</span>
        )}{' '}
        <button
          type="button"
          className="button"
          onClick={onRerun}
          disabled={check.state === 'running'}
          aria-label={t('checks.ui.rerunLabel', { title })}
        >
          {t('checks.ui.rerun')}
        </button>
      </p>
      {r && check.state === 'done' && (
        <>
          <p>{tm(t, r.message)}</p>
          {r.remedy && (
            <p>
              <strong>{t('checks.remedy')}:</strong> {tm(t, r.remedy)}
            </p>
          )}
          <NodeResults evidence={r.evidence} t={t} />
          {bypass && (
            <p className="notice notice-warn">
              {t('checks.ui.bypassed', { at: bypass.at, reason: bypass.reason })}
            </p>
          )}
          {r.evidence.length > 0 && (
            <details>
              <summary>{t('checks.ui.evidence')}</summary>
              <pre className="evidence">
                {r.evidence
                  .map(
                    (e) =>
                      `[${e.label}]${e.request ? ` ${e.request}` : ''}${e.response ? `\n  → ${e.response}` : ''}`,
                  )
                  .join('\n')}
              </pre>
            </details>
          )}
          {check.strict &&
            !bypass &&
            (r.status === 'fail' || r.status === 'error' || r.status === 'skipped') && (
              <BypassForm run={run} check={check} t={t} onRun={onRun} />
            )}
        </>
      )}
    </li>
  );
}

/** A checkbox that asks for more than the default run (a bucket write, the in-cluster probes). */
function OptIn(props: { id: string; checked: boolean; onChange: (v: boolean) => void; label: string }) {
  return (
    <div className="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/** One node's result as the in-cluster check writes it in its evidence (JSON). */
interface NodeRow {
  pull: 'pulled' | 'failed' | 'pending';
  reason?: string;
  answers?: Array<{ what: string; host: string; address?: string; dns: boolean; tcp: boolean }>;
}

function parseNodeRow(text: string | undefined): NodeRow | undefined {
  try {
    const row = JSON.parse(text ?? '') as NodeRow;
    return typeof row.pull === 'string' ? row : undefined;
  } catch {
    return undefined;
  }
}

/** The in-cluster check's result per node (its evidence entries `node <name>`), as a table. */
function NodeResults({
  evidence,
  t,
}: {
  evidence: NonNullable<RunCheck['result']>['evidence'];
  t: Translate;
}) {
  const rows = evidence.flatMap((e) => {
    const row = e.label.startsWith('node ') ? parseNodeRow(e.response) : undefined;
    return row ? [{ node: e.label.slice(5), row }] : [];
  });
  if (rows.length === 0) return null;
  const network = (row: NodeRow): string => {
    if (!row.answers) return row.pull === 'pulled' ? t('checks.ui.inCluster.noAnswer') : '—';
    return row.answers
      .map((a) =>
        t(
          !a.dns
            ? 'checks.ui.inCluster.dnsFail'
            : a.tcp
              ? 'checks.ui.inCluster.tcpOk'
              : 'checks.ui.inCluster.tcpFail',
          { host: a.host, address: a.address ?? '' },
        ),
      )
      .join(' ');
  };
  return (
    <table className="node-results" data-testid="node-results">
      <thead>
        <tr>
          <th scope="col">{t('checks.ui.inCluster.node')}</th>
          <th scope="col">{t('checks.ui.inCluster.pull')}</th>
          <th scope="col">{t('checks.ui.inCluster.network')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ node, row }) => (
          <tr key={node} data-node={node} data-pull={row.pull}>
            <td>{node}</td>
            <td>
              {t(`checks.ui.inCluster.pull.${row.pull}`)}
              {row.reason ? ` (${row.reason})` : ''}
            </td>
            <td>{network(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BypassForm({
  run,
  check,
  t,
  onRun,
}: {
  run: CheckRun;
  check: RunCheck;
  t: Translate;
  onRun: (r: CheckRun) => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const bypass = useMutation({
    mutationFn: () => unwrapAction(bypassCheck(run.id, check.id, confirmed, reason)),
    onSuccess: onRun,
  });
  const err = bypass.error as (Error & { params?: Msg['params'] }) | null;
  const base = `bypass-${check.id}`;
  return (
    <details>
      <summary>{t('checks.ui.bypass.heading')}</summary>
      <div className="check">
        <input
          id={`${base}-confirm`}
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <label htmlFor={`${base}-confirm`}>{t('checks.ui.bypass.confirm')}</label>
      </div>
      <label htmlFor={`${base}-reason`}>{t('checks.ui.bypass.reason')}</label>
      <textarea
        id={`${base}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={1000}
      />
      <button
        type="button"
        className="button"
        disabled={!confirmed || reason.trim() === '' || bypass.isPending}
        onClick={() => bypass.mutate()}
      >
        {t('checks.ui.bypass.submit')}
      </button>
      {err && (
        <p className="notice notice-error" role="alert">
          {t(err.message, err.params)}
        </p>
      )}
    </details>
  );
}

/** One bar per check from its start to its end, relative to the run's start; each bar has its text. */
function Timeline({ run, t }: { run: CheckRun; t: Translate }) {
  const t0 = Date.parse(run.startedAt);
  const ends = run.checks.map((c) =>
    Math.max(
      c.result ? Date.parse(c.result.finishedAt) : t0,
      c.rerunStartedAt ? Date.parse(c.rerunStartedAt) + 1000 : t0,
    ),
  );
  const span = Math.max(1000, ...ends.map((e) => e - t0));
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  return (
    <figure className="checks-timeline">
      <figcaption>{t('checks.ui.timeline')}</figcaption>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {run.checks.map((c) => {
          const status = statusOf(c);
          const startedAt = c.state === 'running' ? c.rerunStartedAt : c.result?.startedAt;
          const start = startedAt ? Math.max(0, Date.parse(startedAt) - t0) : 0;
          const end = c.result && c.state === 'done' ? Date.parse(c.result.finishedAt) - t0 : span;
          const text =
            status === 'running'
              ? t('checks.ui.timelineRunning', { title: t(c.titleKey), start: sec(start) })
              : t('checks.ui.timelineBar', {
                  title: t(c.titleKey),
                  status: t(STATUS_KEYS[status]),
                  start: sec(start),
                  end: sec(end),
                });
          return (
            <li key={c.id} style={{ position: 'relative', height: '1.4em', margin: '2px 0' }}>
              <span style={VISUALLY_HIDDEN}>{text}</span>
              <span
                aria-hidden="true"
                title={text}
                className={`timeline-bar timeline-${status}`}
                style={{
                  position: 'absolute',
                  left: `${(start / span) * 100}%`,
                  width: `${Math.max(0.5, ((end - start) / span) * 100)}%`,
                  top: 0,
                  bottom: 0,
                  // Each at least 4.5:1 against the white text (WCAG AA).
                  background:
                    status === 'pass'
                      ? '#2e7d32'
                      : status === 'warn'
                        ? '#8a5300'
                        : status === 'running'
                          ? '#5f5f5f'
                          : status === 'skipped'
                            ? '#6b6b6b'
                            : '#c62828',
                  color: '#fff',
                  fontSize: '0.75em',
                  overflow: 'hidden',
                  whiteSpace: 'nowrap',
                }}
              >
                {ICONS[status]} {t(c.titleKey)}
              </span>
            </li>
          );
        })}
      </ul>
      {/* The scale: the run's start on the left, its last end on the right (the bars carry exact times). */}
      <p aria-hidden="true" style={{ display: 'flex', justifyContent: 'space-between', margin: 0 }}>
        <small>{t('checks.ui.duration', { seconds: sec(0) })}</small>
        <small>{t('checks.ui.duration', { seconds: sec(span) })}</small>
      </p>
    </figure>
  );
}
