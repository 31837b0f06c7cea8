/**
 * Integration: the rendered-images check (issue 5, check 9) with the vendor's real charts (issue 10)
 * and the fixture charts 0.18.0 and 0.43.8 of scripts/test-env, rendered by real Helm 3 and 4 from
 * the HTTPS and OCI repositories, every image asked of the real registry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import yaml from 'js-yaml';

import { describe, expect, it } from 'vitest';

import { type InstallConfig, PROCEDURE_EXAMPLE } from '@/lib/config';
import { buildManifests } from '@/lib/generate';

import { rerunPrerequisiteCheck } from './index';
import { testEnvConfig } from './test-env-config';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\``);
  return v;
};

const run = (config: InstallConfig, helm = 'HELM3', renderValues?: { platform?: Record<string, unknown> }) =>
  rerunPrerequisiteCheck(
    { config, env: { PATH: '/nonexistent', HELM: env(helm) }, ...(renderValues ? { renderValues } : {}) },
    'rendered-images',
  );

const vendorWhy =
  process.env.CHARTS_VENDOR === '1' ? '' : process.env.CHARTS_VENDOR_WHY || 'CHARTS_VENDOR is not 1';

describe.skipIf(vendorWhy !== '')(`rendered images, the vendor's real charts ${vendorWhy}`, () => {
  it.each(['0.18.0', '0.43.8'])(
    "operator-wandb %s with the wizard's values passes: every image internal and present",
    async (version) => {
      const r = await run(testEnvConfig(version, { charts: 'vendor' }));
      expect(r.status, JSON.stringify(r)).toBe('pass');
      expect(Number(r.message.params.count)).toBeGreaterThanOrEqual(7);
      // every Deployment of the real chart is seen (the strict parser dropped app, console, weave, parquet)
      const seen = JSON.stringify(r.evidence);
      for (const use of ['Deployment/wandb-app', 'Deployment/wandb-console', 'DaemonSet/'])
        expect(seen).toContain(use);
      expect(seen).not.toContain('UNREADABLE');
    },
  );

  it('0.43.8 names its helm.sh/hook: test Pod, which an install never starts, and still passes', async () => {
    const r = await run(testEnvConfig('0.43.8', { charts: 'vendor' }));
    expect(r.message.key).toBe('checks.renderedImages.passWithTests');
    expect(String(r.message.params.tests)).toMatch(/^Pod\//);
    expect(JSON.stringify(r.evidence)).toContain('us-docker.pkg.dev/wandb-production/public/python:3.12');
  });

  it("the procedure's literal example at 0.18.0 is flagged for every public image it leaves", async () => {
    const testdata = path.join(__dirname, '../generate/testdata/procedure-source');
    const cr = yaml.load(readFileSync(path.join(testdata, 'wandb.yaml'), 'utf8')) as {
      spec: { values: Record<string, unknown> };
    };
    const operator = yaml.load(readFileSync(path.join(testdata, 'values.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const source = testEnvConfig('0.18.0', { charts: 'vendor' }).charts.platform.source;
    const r = await rerunPrerequisiteCheck(
      {
        config: {
          ...PROCEDURE_EXAMPLE,
          charts: { operator: { source, version: '1.3.3' }, platform: { source, version: '0.18.0' } },
        },
        env: { PATH: '/nonexistent', HELM: env('HELM3') },
        renderValues: { operator, platform: cr.spec.values },
      },
      'rendered-images',
    );
    expect(r.message.key).toBe('checks.renderedImages.foreign');
    const flagged = String(r.message.params.images);
    for (const image of [
      'wandb/local:latest → weave.image, parquet.image',
      'otel/opentelemetry-collector-contrib:0.97.0',
      'quay.io/prometheus/prometheus:v2.47.0',
      'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
      'docker.io/bitnami/redis:7.2.4-debian-12-r9',
    ])
      expect(flagged).toContain(image);
    // app and console are on the procedure's registry: seen, and not flagged
    expect(flagged).not.toContain('registry.yourdomain.com');
    expect(JSON.stringify(r.evidence)).toContain('registry.yourdomain.com/local:0.59.2');
    expect(Number(r.message.params.total)).toBe(8);
  });
});

describe('rendered images', () => {
  it.each([
    ['0.18.0', 'HELM3'],
    ['0.43.8', 'HELM3'],
    ['0.43.8', 'HELM4'],
  ])(
    'operator-wandb %s with the generated values renders only internal, present images (%s)',
    async (version, helm) => {
      const r = await run(testEnvConfig(version), helm);
      expect(r.status, JSON.stringify(r)).toBe('pass');
      expect(Number(r.message.params.count)).toBeGreaterThanOrEqual(7);
      expect(JSON.stringify(r)).not.toContain(env('CHARTS_PASSWORD'));
      expect(JSON.stringify(r)).not.toContain(env('REGISTRY_PASSWORD'));
    },
  );

  // Helm 3 speaks plain HTTP to an OCI registry on a loopback address, so TLS on 127.0.0.1 needs Helm 4.
  it('renders from the OCI registry too (Helm 4)', async () => {
    const c = testEnvConfig('0.43.8');
    const oci = {
      kind: 'oci' as const,
      url: env('CHARTS_OCI_URL'),
      username: '',
      password: '',
      caBundle: readFileSync(env('TEST_CA_FILE'), 'utf8'),
      plainHttp: false,
      insecureSkipVerify: false,
    };
    const r = await run(
      {
        ...c,
        charts: { operator: { source: oci, version: '1.3.3' }, platform: { source: oci, version: '0.43.8' } },
      },
      'HELM4',
    );
    expect(r.status, JSON.stringify(r)).toBe('pass');
  });

  it("the procedure's example (weave and parquet left unset) fails, naming weave.image and parquet.image", async () => {
    const config = testEnvConfig('0.18.0');
    const cr = buildManifests(config, { includeSecrets: false }).wandbCr as {
      spec: { values: Record<string, Record<string, unknown>> };
    };
    const values = structuredClone(cr.spec.values);
    delete values.weave?.image;
    delete values.parquet?.image;
    const r = await run(config, 'HELM3', { platform: values });
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.renderedImages.foreign');
    expect(String(r.message.params.images)).toContain('wandb/local:latest → weave.image, parquet.image');
    expect(r.remedy).toEqual({
      key: 'checks.renderedImages.foreign.remedy',
      params: { keys: 'weave.image, parquet.image' },
    });
  });

  it('an internal image that is not mirrored is named as missing', async () => {
    const c = testEnvConfig('0.43.8');
    const r = await run({
      ...c,
      images: { ...c.images, console: { repository: '', tag: '0.0.0-not-mirrored' } },
    });
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.renderedImages.missing');
    expect(String(r.message.params.images)).toContain(
      'mirror/wandb/console:0.0.0-not-mirrored (missing (404))',
    );
  });

  it("a missing chart version fails the render with helm's reason", async () => {
    const c = testEnvConfig('0.18.0');
    const r = await run({
      ...c,
      charts: { ...c.charts, operator: { ...c.charts.operator, version: '9.9.9' } },
    });
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.renderedImages.renderFailed');
  });
});
