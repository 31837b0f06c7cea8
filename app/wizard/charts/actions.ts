'use server';

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { helmChartSource } from '@/lib/apply/plan';
import { fetchAndReadChart } from '@/lib/charts/fetch-chart';
import { chartsSchema, type ChartReading, withDefaults, type InstallConfig } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';
import { toUserError } from '@/lib/errors';
import { findHelm } from '@/lib/helm';

import { type ActionResult, fail, ok } from '../../action-result';

const PLATFORM_CHART = 'operator-wandb';
/** Below the server actions' body limit (next.config.ts); operator-wandb 0.43.8 is 0.5 MB. */
const MAX_UPLOAD_BYTES = 7 * 1024 * 1024;

/** The saved draft of this session, with the defaults; undefined without a session. */
async function sessionDraft(): Promise<Partial<InstallConfig> | undefined> {
  const id = await currentDraftId();
  if (!id) return undefined;
  const { values } = await draftStore().resolve(id);
  return withDefaults(values ?? {}) as Partial<InstallConfig>;
}

/**
 * Reads the chart `chart` names with the first helm found, renders it as the draft's release, and
 * checks that it is operator-wandb. Helm's failures come back as the user's error.
 */
async function readPlatform(
  draft: Partial<InstallConfig>,
  chart: Omit<Parameters<typeof fetchAndReadChart>[0], 'helm' | 'release' | 'namespace' | 'timeoutMs'>,
): Promise<ActionResult<ChartReading>> {
  const helm = await findHelm({ timeoutMs: 10_000 });
  if (helm.kind !== 'found') return fail('ui.charts.read.noHelm');
  try {
    const result = await fetchAndReadChart({
      helm: helm.helm,
      ...chart,
      release: draft.target?.crName ?? 'wandb',
      namespace: draft.target?.crNamespace ?? 'default',
      timeoutMs: 120_000,
    });
    if (!result.ok) return fail('ui.charts.read.notAChart', { reason: result.reason });
    if (result.reading.name !== PLATFORM_CHART)
      return fail('ui.charts.read.wrongChart', { name: result.reading.name, expected: PLATFORM_CHART });
    return ok(result.reading);
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/**
 * Reads the `operator-wandb` chart the saved draft points at (its repository with `helm pull`, or
 * the local archive), renders it with its defaults, and returns what it found: the image keys and
 * the images a default install starts. The browser puts it into `charts.platform.reading`.
 */
export async function readPlatformChart(): Promise<ActionResult<ChartReading>> {
  const draft = await sessionDraft();
  if (!draft) return fail('ui.error.badRequest');
  const platform = chartsSchema.shape.platform.safeParse(draft.charts?.platform);
  if (!platform.success) return fail('ui.charts.read.incomplete');
  const { version, source } = platform.data;
  const { source: chart, ...access } = helmChartSource(source, PLATFORM_CHART, version);
  return readPlatform(draft, { chart, ...access });
}

/**
 * Reads an `operator-wandb` archive the user uploads (the `.tgz` of the vendor's bundle, for a site
 * the wizard's machine cannot reach): saved to a private temporary folder only while it is read and
 * rendered, then removed. Returns the reading as `readPlatformChart` does.
 */
export async function readUploadedPlatformChart(form: FormData): Promise<ActionResult<ChartReading>> {
  const draft = await sessionDraft();
  if (!draft || !(form instanceof FormData)) return fail('ui.error.badRequest');
  const file = form.get('chart');
  if (!(file instanceof File) || file.size === 0) return fail('ui.charts.upload.empty');
  if (file.size > MAX_UPLOAD_BYTES) return fail('ui.charts.upload.tooLarge', { max: '7 MB' });
  const dir = await mkdtemp(join(tmpdir(), 'wandb-upload-'));
  try {
    const path = join(dir, 'chart.tgz');
    await writeFile(path, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
    return await readPlatform(draft, { chart: { kind: 'file', path } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
