import 'server-only';

import { basename } from 'node:path';

import type { Message } from '@/lib/errors';
import { registryFailureMessage } from '@/lib/registry';
import {
  type ChartDestination,
  type ChartFailure,
  chartMuseumApi,
  type ChartOutcome,
  type ChartPlan,
  type PlannedChart,
  publishCommands,
  type PublishCommands,
} from '@/lib/registry/chart-publish';

import { pushFailureMessage } from './view';

/**
 * What the Mirror step shows of a chart of the source: `missing` (will be pushed), `present` (the
 * destination holds this very package), `outdated` (another package under the version), `manual`
 * (the wizard does not publish it: the configuration installs it from a file, or the Charts step
 * has no valid repository), `extra` (not a chart the configuration installs), `error` (the
 * destination did not answer), `unreadable` (not a chart archive).
 */
export type MirrorChartStatus = 'missing' | 'present' | 'outdated' | 'manual' | 'extra' | 'error' | 'unreadable';

/** One chart of the source as the plan lists it. */
export interface MirrorPlanChart {
  file: string;
  name?: string;
  version?: string;
  /** Where it goes: `oci://host/path/name:tag`, the HTTP repository, or the configured file. */
  destination?: string;
  status: MirrorChartStatus;
  willPush: boolean;
  /** How it goes, or why not. */
  note?: Message;
}

/** A chart's result in a run's report. */
export interface MirrorChartOutcomeView {
  file: string;
  name: string;
  version: string;
  destination?: string;
  result: ChartOutcome['result'];
  /** Why it failed, or why the wizard did not publish it. */
  note?: Message;
}

/** The charts part of a run's report. */
export interface MirrorChartsReportView {
  outcomes: MirrorChartOutcomeView[];
  pushed: number;
  present: number;
  failed: number;
  manual: number;
  /** The commands that publish what the wizard could not. */
  publish: PublishCommands[];
}

/** The destination as text: `oci://…:tag`, the repository URL or the file; none for the others. Pure. */
export function destinationText(d: ChartDestination): string | undefined {
  switch (d.kind) {
    case 'oci':
      return `oci://${d.reference}`;
    case 'repo':
      return d.url;
    case 'local':
      return d.path;
    default:
      return undefined;
  }
}

/** Why the wizard does not publish a chart itself. Pure. */
function manualNote(d: ChartDestination, name: string): Message | undefined {
  if (d.kind === 'local') return { key: 'mirrorStep.chart.local', params: { path: d.path } };
  if (d.kind === 'unconfigured') return { key: 'mirrorStep.chart.unconfigured', params: { chart: name } };
  if (d.kind === 'extra') return { key: 'mirrorStep.chart.extra', params: { chart: name } };
  return undefined;
}

/** The status of one planned chart (see {@link MirrorChartStatus}). Pure. */
export function chartStatus(p: Pick<PlannedChart, 'destination' | 'state'>): MirrorChartStatus {
  if (p.destination.kind === 'extra') return 'extra';
  switch (p.state.kind) {
    case 'manual':
      return 'manual';
    case 'same':
      return 'present';
    case 'different':
      return 'outdated';
    case 'error':
      return 'error';
    case 'absent':
      return 'missing';
  }
}

function planNote(p: PlannedChart): Message | undefined {
  const d = p.destination;
  const manual = manualNote(d, p.chart.name);
  if (manual) return manual;
  const target = destinationText(d) ?? p.chart.name;
  if (p.state.kind === 'error') return registryFailureMessage(p.state.failure, target);
  if (p.state.kind === 'same') return undefined;
  if (d.kind === 'repo') {
    const api = chartMuseumApi(d.url);
    if (p.state.kind === 'different') return { key: 'mirrorStep.chart.outdated.repo', params: { api } };
    return d.api === 'chartmuseum'
      ? { key: 'mirrorStep.chart.api', params: { api } }
      : { key: 'mirrorStep.chart.tryApi', params: { api } };
  }
  return p.state.kind === 'different' ? { key: 'mirrorStep.chart.outdated.oci', params: {} } : undefined;
}

/**
 * The commands that publish charts by hand, one set per destination (HTTP repository or file),
 * for the charts `needsHand` selects. Pure.
 */
function publishFor(
  plan: ChartPlan,
  needsHand: (p: PlannedChart) => boolean,
): PublishCommands[] {
  const byWhere = new Map<string, { destination: ChartDestination; files: string[]; p: PlannedChart }>();
  for (const p of plan.charts) {
    if (!needsHand(p)) continue;
    const d = p.destination;
    if (d.kind !== 'repo' && d.kind !== 'local') continue;
    const key = d.kind === 'repo' ? d.url : d.path;
    const entry = byWhere.get(key) ?? { destination: d, files: [], p };
    entry.files.push(p.path);
    byWhere.set(key, entry);
  }
  return [...byWhere.values()].flatMap(({ destination, files, p }) =>
    publishCommands(
      destination,
      files,
      p.endpoint?.kind === 'repo'
        ? { ...(p.endpoint.repo.username ? { username: p.endpoint.repo.username } : {}), ca: !!p.endpoint.repo.ca }
        : {},
    ),
  );
}

/** What a plan row and a report row of a chart share: the file, the chart, where it goes, a note. */
function chartRow(p: Pick<PlannedChart, 'path' | 'chart' | 'destination'>, note: Message | undefined) {
  const destination = destinationText(p.destination);
  return {
    file: basename(p.path),
    name: p.chart.name,
    version: p.chart.version,
    ...(destination ? { destination } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * The plan's chart rows and, for an HTTP repository whose upload API is not known to be there
 * and for a chart installed from a file, the commands that publish them by hand. Pure.
 */
export function chartPlanView(plan: ChartPlan): { charts: MirrorPlanChart[]; publish: PublishCommands[] } {
  const charts: MirrorPlanChart[] = [
    ...plan.charts.map((p): MirrorPlanChart => {
      const status = chartStatus(p);
      return { ...chartRow(p, planNote(p)), status, willPush: status === 'missing' || status === 'outdated' };
    }),
    ...plan.unreadable.map(
      (u): MirrorPlanChart => ({
        file: basename(u.path),
        status: 'unreadable',
        willPush: false,
        note: { key: 'mirrorStep.ui.chart.problem', params: { file: basename(u.path), detail: u.detail } },
      }),
    ),
  ];
  const publish = publishFor(
    plan,
    (p) =>
      p.destination.kind === 'local' ||
      (p.destination.kind === 'repo' && p.destination.api !== 'chartmuseum' && p.state.kind !== 'same'),
  );
  return { charts, publish };
}

/** The cause of a chart's failure as a message. Pure. */
export function chartFailureMessage(f: ChartFailure): Message {
  if (f.kind === 'conflict')
    return { key: 'mirrorStep.chart.conflict', params: { what: f.what, detail: f.detail } };
  return pushFailureMessage(f);
}

function outcomeNote(o: ChartOutcome): Message | undefined {
  if (o.result === 'failed') return chartFailureMessage(o.failure);
  if (o.result !== 'manual') return undefined;
  if (o.reason === 'no-upload-api' && o.destination.kind === 'repo')
    return { key: 'mirrorStep.chart.noApi', params: { url: o.destination.url, api: chartMuseumApi(o.destination.url) } };
  return manualNote(o.destination, o.chart.name);
}

/** The charts of a run's report, failures first, with the commands for what is left to do by hand. Pure. */
export function chartsReportView(plan: ChartPlan, outcomes: readonly ChartOutcome[]): MirrorChartsReportView {
  const order: Record<ChartOutcome['result'], number> = { failed: 0, manual: 1, pushed: 2, present: 3 };
  const views = [...outcomes]
    .sort((a, b) => order[a.result] - order[b.result] || a.path.localeCompare(b.path))
    .map((o): MirrorChartOutcomeView => ({ ...chartRow(o, outcomeNote(o)), result: o.result }));
  const byHand = new Set(
    outcomes
      .filter((o) => o.result === 'manual' && (o.reason === 'no-upload-api' || o.reason === 'local'))
      .map((o) => o.path),
  );
  const count = (r: ChartOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  return {
    outcomes: views,
    pushed: count('pushed'),
    present: count('present'),
    failed: count('failed'),
    manual: count('manual'),
    publish: publishFor(plan, (p) => byHand.has(p.path)),
  };
}
