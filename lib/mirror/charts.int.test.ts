/**
 * The Mirror step's charts against the real chart repositories of the test environment, with the
 * vendor's real charts (WANDB_VENDOR_DIR/charts) as the source folder:
 * - into the registry with TLS and basic auth as OCI artifacts, then `helm show chart` / `helm pull`
 *   with the environment's Helm 4 give back the very packages, and the charts check passes;
 * - into a Helm repository with the ChartMuseum upload API (45-chart-upload: Gitea's Helm
 *   registry, since ChartMuseum cannot be built here), then pulled back with Helm 3 and Helm 4
 *   through `helm repo add`;
 * - a second run of each sends nothing and says the charts are present; another package under a
 *   version the upload repository holds is planned as outdated (Gitea then replaces it);
 * - a static repository (the chart server, no upload API): the charts it holds as is are present,
 *   the others get the commands that publish them by hand, and those commands, run, do it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chartsCheck } from '@/lib/checks/charts';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import { type ChartSource, defaultMirror, type InstallConfig } from '@/lib/config';
import { parseChartIndex } from '@/lib/registry';

import { writeMirrorBundle } from '../../test/fixtures/mirror-bundle';
import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, VENDOR_CHARTS_DIR } from '../../test/vendor-charts';
import { mirrorRunDone, type MirrorRunView, planMirrorSource, startMirrorRun } from './runs';

const env = process.env;
const loaded = !!env.REGISTRY_AUTH && !!env.HELM4;
const run = Date.now().toString(36);
const exec = promisify(execFile);
const signal = () => AbortSignal.timeout(120_000);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The vendor's chart archives of the source folder: file → name, version and digest. */
function vendorCharts(): Array<{ file: string; name: string; version: string; digest: string }> {
  return readdirSync(VENDOR_CHARTS_DIR)
    .filter((f) => f.endsWith('.tgz'))
    .sort()
    .map((file) => {
      const m = /^(.+)-(\d+\.\d+\.\d+.*)\.tgz$/.exec(file);
      return {
        file,
        name: m?.[1] ?? '',
        version: m?.[2] ?? '',
        digest: sha256(readFileSync(join(VENDOR_CHARTS_DIR, file))),
      };
    });
}

function configWith(source: ChartSource, owner: string): { config: InstallConfig; owner: string } {
  const base = testEnvConfig('0.43.8');
  return {
    owner,
    config: {
      ...base,
      charts: {
        operator: { source, version: '1.4.8' },
        platform: { source, version: '0.43.8' },
      },
      mirror: { ...defaultMirror, source: VENDOR_CHARTS_DIR },
    },
  };
}

/** The charts check passes on what was mirrored, and a second run finds every chart present and sends nothing. */
async function expectCheckedAndSettled(
  config: InstallConfig,
  owner: string,
  count: number,
): Promise<MirrorRunView> {
  const check = await chartsCheck.run(
    { config },
    { signal: signal(), deadline: Date.now() + 20_000, timeoutMs: 20_000 },
  );
  expect(check.status).toBe('pass');
  const again = await mirror(config, owner);
  expect(again.state).toBe('succeeded');
  expect(again.report?.charts).toMatchObject({ pushed: 0, present: count, failed: 0 });
  return again;
}

async function mirror(config: InstallConfig, owner: string): Promise<MirrorRunView> {
  return (await mirrorRunDone(owner, startMirrorRun(owner, config).id)) as MirrorRunView;
}

/** Runs a Helm with its configuration, cache and data in `home` (never the user's). */
function helm(bin: string, home: string) {
  return (args: string[], input?: string) => {
    const child = exec(bin, args, {
      env: {
        ...env,
        HOME: home,
        HELM_CONFIG_HOME: join(home, 'config'),
        HELM_CACHE_HOME: join(home, 'cache'),
        HELM_DATA_HOME: join(home, 'data'),
      },
      timeout: 60_000,
    });
    if (input !== undefined) child.child.stdin?.end(input);
    return child.then((r) => r.stdout);
  };
}

describe.skipIf(!loaded || !HAVE_VENDOR_CHARTS)(
  `the vendor's charts into the test environment's chart repositories${HAVE_VENDOR_CHARTS ? '' : ` (skipped: ${NO_VENDOR_CHARTS})`}`,
  () => {
    let home = '';
    let ca = '';
    let charts: ReturnType<typeof vendorCharts> = [];

    beforeAll(() => {
      home = mkdtempSync(join(tmpdir(), 'mirror-charts-'));
      ca = readFileSync(env.TEST_CA_FILE ?? '', 'utf8');
      charts = vendorCharts();
      expect(charts.length).toBeGreaterThanOrEqual(4);
    });
    afterAll(() => rmSync(home, { recursive: true, force: true }));

    it('pushes them as OCI artifacts to the registry (TLS, basic auth); Helm 4 pulls them back; a second run sends nothing', async () => {
      const host = env.REGISTRY_AUTH ?? '';
      const url = `oci://${host}/mc-${run}/charts`;
      const { config, owner } = configWith(
        {
          kind: 'oci',
          url,
          username: env.REGISTRY_USER ?? '',
          password: env.REGISTRY_PASSWORD ?? '',
          caBundle: ca,
          plainHttp: false,
          insecureSkipVerify: false,
        },
        `charts-${run}-oci`,
      );
      const planned = await planMirrorSource(config, signal());
      expect(planned.ok).toBe(true);
      if (!planned.ok) return;
      expect(planned.plan.charts.map((c) => [c.file, c.status, c.destination])).toEqual(
        charts.map((c) => [c.file, 'missing', `${url}/${c.name}:${c.version}`]),
      );

      const first = await mirror(config, owner);
      expect(first.state).toBe('succeeded');
      expect(first.report?.charts).toMatchObject({ pushed: charts.length, present: 0, failed: 0, manual: 0 });
      // The page's chart progress ends with every chart done.
      expect(first.charts).toEqual({ done: charts.length, total: charts.length });
      expect(JSON.stringify(first)).not.toContain(config.registry.password);

      const h = helm(env.HELM4 ?? '', join(home, 'helm4-oci'));
      const registryConfig = join(home, 'registry.json');
      await h(
        ['registry', 'login', host, '--username', env.REGISTRY_USER ?? '', '--password-stdin'].concat([
          '--ca-file',
          env.TEST_CA_FILE ?? '',
          '--registry-config',
          registryConfig,
        ]),
        env.REGISTRY_PASSWORD ?? '',
      );
      for (const c of charts) {
        const tls = ['--ca-file', env.TEST_CA_FILE ?? '', '--registry-config', registryConfig];
        const shown = await h(['show', 'chart', `${url}/${c.name}`, '--version', c.version, ...tls]);
        expect(shown).toMatch(new RegExp(`^name: ${c.name}$`, 'm'));
        expect(shown).toMatch(new RegExp(`^version: ${c.version}$`, 'm'));
        const out = join(home, `pulled-oci-${c.name}-${c.version}`);
        mkdirSync(out, { recursive: true });
        await h(['pull', `${url}/${c.name}`, '--version', c.version, '-d', out, ...tls]);
        expect(sha256(readFileSync(join(out, c.file)))).toBe(c.digest);
      }

      const again = await expectCheckedAndSettled(config, owner, charts.length);
      expect(again.report?.charts?.outcomes.every((o) => o.result === 'present')).toBe(true);
    });

    it('finds the charts that helm push put in the registry present (the same package, whatever the config JSON)', async () => {
      const { config } = configWith(
        {
          kind: 'oci',
          url: env.CHARTS_VENDOR_OCI_AUTH_URL ?? '',
          username: env.REGISTRY_USER ?? '',
          password: env.REGISTRY_PASSWORD ?? '',
          caBundle: ca,
          plainHttp: false,
          insecureSkipVerify: false,
        },
        `charts-${run}-helm-pushed`,
      );
      const planned = await planMirrorSource(config, signal());
      expect(planned.ok).toBe(true);
      if (!planned.ok) return;
      // 40-charts pushes four of them with Helm 4 (not operator-wandb 0.30.0, if the folder has it).
      const status = Object.fromEntries(planned.plan.charts.map((c) => [c.file, c.status]));
      for (const f of [
        'operator-1.3.3.tgz',
        'operator-1.4.8.tgz',
        'operator-wandb-0.18.0.tgz',
        'operator-wandb-0.43.8.tgz',
      ])
        expect(status[f]).toBe('present');
    });

    describe.skipIf(env.CHARTS_UPLOAD !== '1')(
      `a repository with the ChartMuseum upload API (${env.CHARTS_UPLOAD_SERVER ?? ''}${env.CHARTS_UPLOAD === '1' ? '' : `; skipped: ${env.CHARTS_UPLOAD_WHY ?? 'not in the environment'}`})`,
      () => {
        const url = env.CHARTS_UPLOAD_URL ?? '';
        const user = env.CHARTS_UPLOAD_USER ?? '';
        const password = env.CHARTS_UPLOAD_PASSWORD ?? '';
        // The Gitea repository as the platform chart's source, with its login and CA.
        const uploadSource = (): ChartSource => ({
          kind: 'repo',
          url,
          repoName: 'upload',
          username: user,
          password,
          caBundle: ca,
          insecureSkipVerify: false,
        });

        /** Deletes the versions a previous run uploaded, through the server's own package API. */
        beforeAll(async () => {
          const origin = new URL(url).origin;
          const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
          for (const c of vendorCharts()) {
            const r = await exec('curl', [
              '-s',
              '-o',
              '/dev/null',
              '-w',
              '%{http_code}',
              '--cacert',
              env.TEST_CA_FILE ?? '',
              '-H',
              `Authorization: ${auth}`,
              '-X',
              'DELETE',
              `${origin}/api/v1/packages/${user}/helm/${c.name}/${c.version}`,
            ]);
            expect(['204', '404']).toContain(r.stdout);
          }
        });

        it('uploads them; Helm 3 and Helm 4 pull them back through helm repo add; a second run sends nothing', async () => {
          const { config, owner } = configWith(uploadSource(), `charts-${run}-upload`);
          const planned = await planMirrorSource(config, signal());
          expect(planned.ok).toBe(true);
          if (!planned.ok) return;
          expect(planned.plan.charts.every((c) => c.status === 'missing' && c.destination === url)).toBe(
            true,
          );

          const first = await mirror(config, owner);
          expect(first.state).toBe('succeeded');
          expect(first.report?.charts).toMatchObject({ pushed: charts.length, failed: 0, manual: 0 });
          expect(JSON.stringify(first)).not.toContain(password);

          for (const [name, bin] of [
            ['helm3', env.HELM3 ?? ''],
            ['helm4', env.HELM4 ?? ''],
          ] as const) {
            const h = helm(bin, join(home, `${name}-upload`));
            await h(
              [
                'repo',
                'add',
                'upload',
                url,
                '--username',
                user,
                '--password-stdin',
                '--ca-file',
                env.TEST_CA_FILE ?? '',
              ],
              password,
            );
            for (const c of charts) {
              const shown = await h(['show', 'chart', 'upload/' + c.name, '--version', c.version]);
              expect(shown).toMatch(new RegExp(`^version: ${c.version}$`, 'm'));
              const out = join(home, `pulled-${name}-${c.name}-${c.version}`);
              mkdirSync(out, { recursive: true });
              await h(['pull', `upload/${c.name}`, '--version', c.version, '-d', out]);
              expect(sha256(readFileSync(join(out, c.file)))).toBe(c.digest);
            }
          }

          await expectCheckedAndSettled(config, owner, charts.length);
        });

        it('another package under a version the repository holds: planned as outdated; Gitea replaces it (overwrite allowed)', async () => {
          // The project's fixture operator 1.3.3: same name and version as the vendor's, other bytes.
          const bundle = await writeMirrorBundle(
            join(process.cwd(), '.test-env', 'mirror-chart-conflict'),
            [],
            [join(process.cwd(), 'test/fixtures/charts/operator')],
          );
          const { config, owner } = configWith(uploadSource(), `charts-${run}-conflict`);
          const withFixture = { ...config, mirror: { ...defaultMirror, source: bundle } };
          const planned = await planMirrorSource(withFixture, signal());
          expect(planned.ok && planned.plan.charts).toMatchObject([
            {
              file: 'operator-1.3.3.tgz',
              status: 'outdated',
              note: { key: 'mirrorStep.chart.outdated.repo' },
            },
          ]);
          // Gitea's Helm registry overwrites (ChartMuseum without --allow-overwrite answers 409, which
          // the report names as mirrorStep.chart.conflict: see chart-view.test.ts).
          const r = await mirror(withFixture, owner);
          expect(r.state).toBe('succeeded');
          expect(r.report?.charts?.outcomes).toMatchObject([
            { file: 'operator-1.3.3.tgz', result: 'pushed' },
          ]);
          const again = await planMirrorSource(withFixture, signal());
          expect(again.ok && again.plan.charts).toMatchObject([
            { file: 'operator-1.3.3.tgz', status: 'present' },
          ]);
        });
      },
    );

    it('a static repository: what it holds is present, the rest gets the commands that publish it, and they work', async () => {
      const url = env.CHARTS_VENDOR_HTTPS_URL ?? '';
      const { config, owner } = configWith(
        {
          kind: 'repo',
          url,
          repoName: 'static',
          username: env.CHARTS_USER ?? '',
          password: env.CHARTS_PASSWORD ?? '',
          caBundle: ca,
          insecureSkipVerify: false,
        },
        `charts-${run}-static`,
      );
      // The chart server serves the four versions 40-charts copies: the others are new to it.
      const served = [
        'operator-1.3.3.tgz',
        'operator-1.4.8.tgz',
        'operator-wandb-0.18.0.tgz',
        'operator-wandb-0.43.8.tgz',
      ];
      const missing = charts.filter((c) => !served.includes(c.file));
      const r = await mirror(config, owner);
      expect(r.state).toBe('succeeded');
      const result = Object.fromEntries((r.report?.charts?.outcomes ?? []).map((o) => [o.file, o.result]));
      for (const f of served) expect(result[f]).toBe('present');
      for (const c of missing) expect(result[c.file]).toBe('manual');
      if (missing.length === 0) return;
      const publish = r.report?.charts?.publish ?? [];
      expect(publish.map((p) => p.kind)).toEqual(['index', 'upload']);
      expect(JSON.stringify(publish)).not.toContain(env.CHARTS_PASSWORD ?? '');
      expect(r.report?.charts?.outcomes.find((o) => o.result === 'manual')?.note?.key).toBe(
        'mirrorStep.chart.noApi',
      );

      // The static way, run as given (the password and the CA file filled in where curl would ask).
      const work = mkdtempSync(join(home, 'publish-'));
      const script = (publish[0]?.lines ?? [])
        .join('\n')
        .replace(`-u ${env.CHARTS_USER}`, `-u ${env.CHARTS_USER}:${env.CHARTS_PASSWORD}`)
        .replace('--cacert CA.pem', `--cacert ${env.TEST_CA_FILE}`)
        .replaceAll('helm repo index', `${env.HELM4} repo index`);
      await exec('bash', ['-euo', 'pipefail', '-c', script], { cwd: work });
      const index =
        parseChartIndex(readFileSync(join(work, 'wandb-charts', 'index.yaml'), 'utf8')).value ?? {};
      for (const c of charts)
        expect((index[c.name] ?? []).find((v) => v.version === c.version)?.digest, c.file).toBe(c.digest);
      for (const c of missing)
        expect((index[c.name] ?? []).find((v) => v.version === c.version)?.urls).toEqual([
          `${url}/${c.file}`,
        ]);
    });
  },
);
