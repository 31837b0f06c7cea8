'use client';

import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';

import { useT } from '@/components/ui/i18n-context';

import type { StepId } from './steps';

function StepLoading() {
  const t = useT();
  return (
    <p role="status" aria-live="polite" className="lead">
      {t('ui.loading')}
    </p>
  );
}

const load = (importer: () => Promise<ComponentType>) =>
  dynamic(importer, { loading: () => <StepLoading /> });

const StartPage = dynamic(() => import('./steps/start-step').then((m) => m.StartStep), {
  loading: () => <StepLoading />,
});

/**
 * The client component of each step, each in its own chunk: a page loads the code of its own step
 * only (all steps share one route). The review's files are rendered on the server (see the page).
 */
const CLIENT_STEP_PAGES = {
  start: StartPage,
  prerequisites: load(() => import('@/components/checks/checks-panel').then((m) => m.ChecksPanel)),
  registry: load(() => import('./steps/registry-step').then((m) => m.RegistryStep)),
  charts: load(() => import('./steps/charts-step').then((m) => m.ChartsStep)),
  platform: load(() => import('./steps/platform-step').then((m) => m.PlatformStep)),
  storage: load(() => import('./steps/storage-step').then((m) => m.StorageStep)),
  database: load(() => import('./steps/database-step').then((m) => m.DatabaseStep)),
  network: load(() => import('./steps/network-step').then((m) => m.NetworkStep)),
  apply: load(() => import('@/components/apply/apply-panel').then((m) => m.ApplyPanel)),
} satisfies Record<Exclude<StepId, 'review'>, unknown>;

export type ClientStepId = keyof typeof CLIENT_STEP_PAGES;

/** The client page of a step; `start` takes whether a draft exists and the defaults to start over with. */
export function ClientStepPage({
  id,
  start,
}: {
  id: ClientStepId;
  start?: { hasDraft: boolean; defaults: Record<string, unknown> };
}) {
  if (id === 'start')
    return <StartPage hasDraft={start?.hasDraft ?? false} defaults={start?.defaults ?? {}} />;
  const Page = CLIENT_STEP_PAGES[id];
  return <Page />;
}
