import { describe, expect, it } from 'vitest';

import { type ChartsProgress, type PlannedChart, runCharts } from './chart-publish';

const planned = (name: string, version: string, destination: PlannedChart['destination']): PlannedChart => ({
  path: `/bundle/charts/${name}-${version}.tgz`,
  chart: { path: `/bundle/charts/${name}-${version}.tgz`, name, version, metadata: {} },
  digest: 'sha256:0',
  size: 1,
  destination,
  state: { kind: 'manual' },
});

describe('runCharts progress', () => {
  it('names each chart before it starts, then says all are done', async () => {
    const seen: ChartsProgress[] = [];
    const outcomes = await runCharts(
      {
        charts: [
          planned('operator', '1.4.8', { kind: 'local', path: '/charts/operator-1.4.8.tgz' }),
          planned('operator-wandb', '0.43.8', { kind: 'extra' }),
        ],
        unreadable: [],
      },
      { onProgress: (p) => seen.push(p) },
    );
    expect(outcomes.map((o) => o.result)).toEqual(['manual', 'manual']);
    expect(seen).toEqual([
      { done: 0, total: 2, current: 'operator 1.4.8' },
      { done: 1, total: 2, current: 'operator-wandb 0.43.8' },
      { done: 2, total: 2 },
    ]);
  });
});
