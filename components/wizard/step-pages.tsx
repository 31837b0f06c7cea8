import type { ReactNode } from 'react';

import { ApplyPanel } from '@/components/apply/apply-panel';
import { ChecksPanel } from '@/components/checks/checks-panel';

import { ChartsStep } from './steps/charts-step';
import { DatabaseStep } from './steps/database-step';
import { NetworkStep } from './steps/network-step';
import { PlatformStep } from './steps/platform-step';
import { RegistryStep } from './steps/registry-step';
import { StorageStep } from './steps/storage-step';
import type { StepId } from './steps';

/** What the step page renders for each client-side step (start and review need the server; see the page). */
export const CLIENT_STEP_PAGES: Record<Exclude<StepId, 'start' | 'review'>, () => ReactNode> = {
  prerequisites: () => <ChecksPanel />,
  registry: () => <RegistryStep />,
  charts: () => <ChartsStep />,
  platform: () => <PlatformStep />,
  storage: () => <StorageStep />,
  database: () => <DatabaseStep />,
  network: () => <NetworkStep />,
  apply: () => <ApplyPanel />,
};
