'use server';

import { helmChartSource } from '@/lib/apply/plan';
import { fetchAndReadChart } from '@/lib/charts/fetch-chart';
import { chartsSchema, type ChartReading, withDefaults, type InstallConfig } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';
import { toUserError } from '@/lib/errors';
import { findHelm } from '@/lib/helm';

import { type ActionResult, fail, ok } from '../../action-result';

/**
 * Reads the `operator-wandb` chart the saved draft points at (its repository with `helm pull`, or
 * the local archive), renders it with its defaults, and returns what it found: the image keys and
 * the images a default install starts. The browser puts it into `charts.platform.reading`.
 */
export async function readPlatformChart(): Promise<ActionResult<ChartReading>> {
  const id = await currentDraftId();
  if (!id) return fail('ui.error.badRequest');
  const { values } = await draftStore().resolve(id);
  const draft = withDefaults(values ?? {}) as Partial<InstallConfig>;
  const platform = chartsSchema.shape.platform.safeParse(draft.charts?.platform);
  if (!platform.success) return fail('ui.charts.read.incomplete');
  const helm = await findHelm({ timeoutMs: 10_000 });
  if (helm.kind !== 'found') return fail('ui.charts.read.noHelm');
  const { version, source } = platform.data;
  const { source: chart, ...access } = helmChartSource(source, 'operator-wandb', version);
  try {
    const result = await fetchAndReadChart({
      helm: helm.helm,
      chart,
      ...access,
      release: draft.target?.crName ?? 'wandb',
      namespace: draft.target?.crNamespace ?? 'default',
      timeoutMs: 120_000,
    });
    if (!result.ok) return fail('ui.charts.read.notAChart', { reason: result.reason });
    return ok(result.reading);
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}
