import type { ReactNode } from 'react';

import { NotAvailable } from './not-available';
import { ChartsStep } from './steps/charts-step';
import { DatabaseStep } from './steps/database-step';
import { NetworkStep } from './steps/network-step';
import { PlatformStep } from './steps/platform-step';
import { RegistryStep } from './steps/registry-step';
import { StorageStep } from './steps/storage-step';
import type { StepId } from './steps';

/** What the step page renders for each client-side step (start and review need the server; see the page). */
export const CLIENT_STEP_PAGES: Record<Exclude<StepId, 'start' | 'review'>, () => ReactNode> = {
  prerequisites: () => <NotAvailable what="ui.notAvailable.prerequisites" />,
  registry: () => <RegistryStep />,
  charts: () => <ChartsStep />,
  platform: () => <PlatformStep />,
  storage: () => <StorageStep />,
  database: () => <DatabaseStep />,
  network: () => <NetworkStep />,
  apply: () => <NotAvailable what="ui.notAvailable.apply" />,
};
