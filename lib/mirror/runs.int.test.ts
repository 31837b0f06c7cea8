/**
 * The Mirror step's server side against the real test registry with TLS and basic auth: the plan
 * of a fixture bundle, a run followed to its report (the registry check then passes), a second
 * run that pushes nothing, a cancel, and the refusals (a folder that is not there, a wrong
 * password) — none of which shows the password.
 */
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { registryImagesCheck } from '@/lib/checks/registry-images';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import { defaultMirror, type InstallConfig } from '@/lib/config';

import { configBundleImages, writeMirrorBundle } from '../../test/fixtures/mirror-bundle';
import {
  cancelMirrorRun,
  getLatestMirrorRun,
  getMirrorRun,
  mirrorRunDone,
  type MirrorRunView,
  planMirrorSource,
  startMirrorRun,
} from './runs';

const loaded = !!process.env.REGISTRY_AUTH;
const run = Date.now().toString(36);

function configFor(prefix: string, source: string): InstallConfig {
  const base = testEnvConfig('0.43.8');
  return {
    ...base,
    registry: { ...base.registry, host: `${process.env.REGISTRY_AUTH}/${prefix}` },
    mirror: { ...defaultMirror, source },
  };
}

const signal = () => AbortSignal.timeout(120_000);

describe.skipIf(!loaded)('mirror runs against the test registry (TLS + basic auth)', () => {
  let bundle = '';
  let password = '';

  beforeAll(async () => {
    const base = testEnvConfig('0.43.8');
    password = base.registry.password;
    bundle = await writeMirrorBundle(
      join(process.cwd(), '.test-env', 'mirror-step-fixture'),
      configBundleImages(base),
      [join(process.cwd(), 'test/fixtures/charts/operator')],
    );
  });

  it('plans, pushes with progress, then the registry check passes and a second run pushes nothing', async () => {
    const config = configFor(`ms-${run}-full`, bundle);
    const planned = await planMirrorSource(config, signal());
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const images = planned.plan.images;
    expect(images.length).toBeGreaterThan(3);
    expect(images.every((i) => i.status === 'missing' && i.willPush)).toBe(true);
    expect(images.find((i) => i.ref.startsWith('wandb/controller:'))?.platforms).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(planned.plan.notInSource).toEqual([]);
    // The chart goes to the configuration's (static) chart repository, which has another package
    // of that version: the upload API is tried, and the plan gives the commands to publish it.
    expect(planned.plan.charts).toMatchObject([
      {
        file: 'operator-1.3.3.tgz',
        name: 'operator',
        version: '1.3.3',
        destination: process.env.CHARTS_HTTPS_URL,
      },
    ]);

    const owner = `owner-${run}-a`;
    const started = startMirrorRun(owner, config);
    expect(started.state).toBe('planning');
    const first = (await mirrorRunDone(owner, started.id)) as MirrorRunView;
    expect(first.state).toBe('succeeded');
    expect(first.report?.pushed).toBe(images.length);
    expect(first.report?.failed).toBe(0);
    expect(first.progress?.bytes).toBe(first.progress?.totalBytes);
    expect(first.progress?.images.every((i) => i.state === 'done')).toBe(true);
    expect(JSON.stringify(first)).not.toContain(password);
    expect(getLatestMirrorRun(owner)?.id).toBe(started.id);
    expect(getMirrorRun('someone-else', started.id)).toBeUndefined();

    const check = await registryImagesCheck.run(
      { config },
      { signal: signal(), deadline: Date.now() + 20_000, timeoutMs: 20_000 },
    );
    expect(check.status).toBe('pass');

    const again = (await mirrorRunDone(owner, startMirrorRun(owner, config).id)) as MirrorRunView;
    expect(again.state).toBe('succeeded');
    expect(again.report).toMatchObject({ pushed: 0, failed: 0, skipped: images.length, uploadedBytes: 0 });
  });

  it('cancels a run: it ends cancelled, and a new run finishes the work', async () => {
    const config = configFor(`ms-${run}-cancel`, bundle);
    const owner = `owner-${run}-b`;
    const started = startMirrorRun(owner, config);
    for (let i = 0; i < 600 && getMirrorRun(owner, started.id)?.state === 'planning'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    cancelMirrorRun(owner, started.id);
    const cancelled = (await mirrorRunDone(owner, started.id)) as MirrorRunView;
    expect(cancelled.state).toBe('cancelled');
    const resumed = (await mirrorRunDone(owner, startMirrorRun(owner, config).id)) as MirrorRunView;
    expect(resumed.state).toBe('succeeded');
    expect((resumed.report?.pushed ?? 0) + (resumed.report?.skipped ?? 0)).toBe(
      resumed.report?.outcomes.length,
    );
  });

  it('linux/amd64 only: a cancelled run resumes to the narrowed index, then a run pushes nothing', async () => {
    const base = configFor(`ms-${run}-amd64`, bundle);
    const config = { ...base, mirror: { ...base.mirror, platforms: ['linux/amd64'] } };
    const owner = `owner-${run}-c`;
    const started = startMirrorRun(owner, config);
    for (let i = 0; i < 600 && getMirrorRun(owner, started.id)?.state === 'planning'; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const controller = getMirrorRun(owner, started.id)?.plan?.images.find((i) =>
      i.ref.startsWith('wandb/controller:'),
    );
    expect(controller?.pushPlatforms).toEqual(['linux/amd64']);
    cancelMirrorRun(owner, started.id);
    expect(((await mirrorRunDone(owner, started.id)) as MirrorRunView).state).toBe('cancelled');
    const resumed = (await mirrorRunDone(owner, startMirrorRun(owner, config).id)) as MirrorRunView;
    expect(resumed.state).toBe('succeeded');
    const total = resumed.report?.outcomes.length ?? 0;
    const again = (await mirrorRunDone(owner, startMirrorRun(owner, config).id)) as MirrorRunView;
    expect(again.report).toMatchObject({ pushed: 0, failed: 0, skipped: total, uploadedBytes: 0 });
    expect(again.plan?.images.every((i) => i.status === 'present')).toBe(true);
  });

  it('names the source field when the folder is not there', async () => {
    const r = await planMirrorSource(configFor(`ms-${run}-x`, '/nonexistent/bundle'), signal());
    expect(r).toEqual({
      ok: false,
      refusal: {
        error: { key: 'mirrorStep.source.missing', params: { path: '/nonexistent/bundle' } },
        field: 'mirror.source',
      },
    });
  });

  it('says the registry refused the login, without the password', async () => {
    const config = configFor(`ms-${run}-auth`, bundle);
    const wrong = `${password}-wrong`;
    const r = await planMirrorSource(
      { ...config, registry: { ...config.registry, password: wrong } },
      signal(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.error.key).toBe('errors.registry.unauthorized');
    expect(JSON.stringify(r)).not.toContain(wrong);
  });
});
