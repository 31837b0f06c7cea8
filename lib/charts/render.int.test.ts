/**
 * The chart reader and the generator against the vendor's real charts, rendered by the real Helm 3
 * and Helm 4 (HELM3/HELM4 from `scripts/test-env env`, else the test environment's cached binaries):
 * with the keys read from the chart, the generated values start no public image outside Helm test
 * hooks, and every image they start is in images.txt. A chart version the wizard has never seen
 * (built here from a real chart: a new version, one image key moved) works from the chart alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE, type InstallConfig } from '@/lib/config';
import { buildManifests, generateArtifacts, generationNotes } from '@/lib/generate';
import { HELMS, helmTemplate, NO_HELM } from '@/test/helm';
import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, vendorChart, vendorChartPath } from '@/test/vendor-charts';

import { fetchAndReadChart, renderedImages } from './fetch-chart';
import { readChart } from './read-chart';

const work = mkdtempSync(path.join(tmpdir(), 'chart-render-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Started {
  readonly images: string[];
  readonly testHooks: string[];
}

function render(helm: string, chart: string, values: unknown): Started {
  const { started, testHooks } = renderedImages(helmTemplate(helm, chart, values, work));
  // As written (not normalised): the internal references the pods would pull.
  return { images: started.map((image) => image.replace(/^docker\.io\/(library\/)?/, '')), testHooks };
}

function withChart(config: InstallConfig, archive: Uint8Array): InstallConfig {
  const result = readChart(archive);
  if (!result.ok) throw new Error(result.reason);
  return {
    ...config,
    charts: {
      ...config.charts,
      platform: { ...config.charts.platform, version: result.reading.version, reading: result.reading },
    },
  };
}

const PREFIXED: InstallConfig = {
  ...PROCEDURE_EXAMPLE,
  registry: {
    ...PROCEDURE_EXAMPLE.registry,
    host: 'registry.example.com:5000/mirror',
    username: 'puller',
    password: 'pull-password',
  },
  images: Object.fromEntries(
    Object.keys(PROCEDURE_EXAMPLE.images).map((id) => [id, { repository: '', tag: '' }]),
  ) as InstallConfig['images'],
};

const CASES: [string, InstallConfig, string][] = [
  ["the procedure's example", PROCEDURE_EXAMPLE, 'registry.yourdomain.com/'],
  ['a prefixed registry with credentials', PREFIXED, 'registry.example.com:5000/mirror/'],
];

/** The targets (second column) of images.txt. */
function listed(config: InstallConfig): Set<string> {
  const text = generateArtifacts(config, { includeSecrets: false })['images.txt'];
  return new Set(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split(' ')[1] ?? ''),
  );
}

function expectInternalAndListed(started: Started, config: InstallConfig, prefix: string): void {
  expect(started.images.length).toBeGreaterThan(3);
  expect(started.images.filter((image) => !image.startsWith(prefix))).toEqual([]);
  const list = listed(config);
  expect(started.images.filter((image) => !list.has(image))).toEqual([]);
}

const skipWhy = !HAVE_VENDOR_CHARTS
  ? `(skipped: ${NO_VENDOR_CHARTS})`
  : NO_HELM
    ? `(skipped: ${NO_HELM})`
    : '';

describe.skipIf(skipWhy !== '')(`generated values rendered with the vendor's charts ${skipWhy}`, () => {
  for (const [helmName, helm] of HELMS) {
    for (const version of ['0.18.0', '0.30.0', '0.43.8']) {
      for (const [name, base, prefix] of CASES) {
        it(`${helmName}, operator-wandb ${version}, ${name}: no public image starts, every started one is listed`, () => {
          const config = withChart(base, vendorChart('operator-wandb', version));
          const values = (
            buildManifests(config, { includeSecrets: false }).wandbCr.spec as { values: unknown }
          ).values;
          const started = render(helm, vendorChartPath('operator-wandb', version), values);
          expectInternalAndListed(started, config, prefix);
          if (base === PREFIXED) {
            // prometheus 24.5.0 ignores the global pull secret: the generator writes its own key.
            expect(values).toMatchObject({
              prometheus: { instance: { imagePullSecrets: [{ name: base.registry.pullSecretName }] } },
            });
          }
        });
      }
    }
  }

  it('the server step: the chart read and rendered with its defaults; images.txt keeps only what starts', async () => {
    const [, bin] = HELMS[0]!;
    const major = bin.includes('helm-4') || process.env.HELM4 === bin ? 4 : 3;
    const result = await fetchAndReadChart({
      helm: { path: bin, major },
      chart: { kind: 'file', path: vendorChartPath('operator-wandb', '0.43.8') },
      release: 'wandb',
      namespace: 'default',
    });
    if (!result.ok) throw new Error(result.reason);
    const rendered = result.reading.rendered!;
    expect(rendered.started).toContain('docker.io/wandb/megabinary:latest');
    expect(rendered.started).not.toContain('docker.io/bitnami/redis-sentinel:7.2.4-debian-12-r7');
    // 0.43.x has a `helm.sh/hook: test` Pod with a hard-coded public image: named, never started.
    expect(rendered.testHooks.length).toBeGreaterThan(0);
    const config: InstallConfig = {
      ...PREFIXED,
      charts: {
        ...PREFIXED.charts,
        platform: { ...PREFIXED.charts.platform, version: '0.43.8', reading: result.reading },
      },
    };
    const list = [...listed(config)];
    expect(list.some((target) => target.includes('redis-sentinel'))).toBe(false);
    const values = (buildManifests(config, { includeSecrets: false }).wandbCr.spec as { values: unknown })
      .values;
    expectInternalAndListed(
      render(bin, vendorChartPath('operator-wandb', '0.43.8'), values),
      config,
      'registry.example.com:5000/mirror/',
    );
  });

  it('the server step on an archive that is no chart: the reading says why (the render started beside it is stopped, its failure no unhandled error)', async () => {
    const [, bin] = HELMS[0]!;
    const dir = mkdtempSync(path.join(work, 'not-a-chart-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a chart\n');
    const archive = path.join(dir, 'notes.tgz');
    execFileSync('tar', ['czf', archive, '-C', dir, 'notes.txt']);
    const result = await fetchAndReadChart({
      helm: { path: bin, major: bin.includes('helm-4') ? 4 : 3 },
      chart: { kind: 'file', path: archive },
      release: 'wandb',
      namespace: 'default',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/Chart\.yaml/);
  });

  it('a version never seen, with an image key moved, works from the chart alone', () => {
    const [, helm] = HELMS[0]!;
    const dir = mkdtempSync(path.join(work, 'unseen-'));
    execFileSync('tar', ['xzf', vendorChartPath('operator-wandb', '0.18.0'), '-C', dir]);
    const root = path.join(dir, 'operator-wandb');
    const chartYaml = path.join(root, 'Chart.yaml');
    writeFileSync(chartYaml, readFileSync(chartYaml, 'utf8').replace(/^version: .*$/m, 'version: 0.99.0'));
    // The otel agent's collector image moves from `image` to `collectorImage`.
    const agent = path.join(root, 'charts/otel/charts/agent');
    const agentValues = path.join(agent, 'values.yaml');
    writeFileSync(agentValues, readFileSync(agentValues, 'utf8').replace(/^image:/m, 'collectorImage:'));
    for (const template of ['templates/deamonset.yaml', 'templates/deployment.yaml']) {
      const file = path.join(agent, template);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('.Values.image.', '.Values.collectorImage.'));
    }
    execFileSync(helm, ['package', root, '--destination', dir], {
      env: { ...process.env, HELM_CACHE_HOME: work, HELM_CONFIG_HOME: work, HELM_DATA_HOME: work },
    });
    const archive = path.join(dir, 'operator-wandb-0.99.0.tgz');
    for (const [, base, prefix] of CASES) {
      const config = withChart(base, readFileSync(archive));
      expect(config.charts.platform.version).toBe('0.99.0');
      const values = (buildManifests(config, { includeSecrets: false }).wandbCr.spec as { values: unknown })
        .values as { otel: { daemonset: Record<string, unknown> } };
      expect(Object.keys(values.otel.daemonset)).toEqual(['collectorImage']);
      expect(generationNotes(config).map((note) => note.key)).not.toContain(
        'generate.note.unverifiedChartVersion',
      );
      expectInternalAndListed(render(helm, archive, values), config, prefix);
    }
  });
});
