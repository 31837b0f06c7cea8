/**
 * Integration: the runbook, run as written. The bundle the download archive holds (placeholders, no
 * secret; RUNBOOK.md as README.md) is written to a folder; the shell blocks of the runbook's sections
 * are taken from README.md and run, one block after the other, by `bash -euo pipefail` in that
 * folder, with the test environment's helm (Helm 4 for 0.43.8, Helm 3 for 0.18.0) and kubectl first
 * on PATH and its admin KUBECONFIG, in a fresh namespace. Every secret is typed at the prompt the
 * runbook asks for it (`read -rsp '<what>: ' VARIABLE`), wandb.yaml's placeholders are replaced as its
 * table says, the TLS key is put next to tls.crt; the operator chart version is the newest the
 * repository holds, looked up and pinned by the runbook. The install must end as the wizard's apply
 * does: the operator release deployed, the resource applied by the wizard's field manager, the
 * vendor's real operator (v1.22.0, outside the cluster) reconciling it to `Completed` with every
 * workload ready on the kwok node. In the 0.43.8 case the roll back and the uninstall sections run
 * next (the wait for the resource's deletion bounded: v1.22.0 cannot uninstall a release whose chart
 * needs credentialSecret, and the runbook's hand-made finish takes over). A third case logs in to the
 * OCI registry and looks the operator chart's version up there, as written. It fails, rather than
 * skips, when the environment is not loaded; it skips, with the reason, only when the environment has
 * no vendor operator or charts (../shared/vendor absent). About 45 s on two busy cores.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { TEST_ENV_CONTROLLER_TAG } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';
import { makeTestCertificates } from '@/lib/config/test-certificates';
import { need } from '@/test/integration/apply-fixture';
import { en, unpackRunbook } from '@/test/integration/runbook-bundle';
import {
  kubectl,
  operatorLog,
  releaseWorkloads,
  uninstallReleases,
  vendorConfig,
  vendorWhy,
} from '@/test/integration/vendor-operator';

import { type SecretField } from './context';
import { FIELD_MANAGER, OPERATOR_DEPLOYMENT, SECRET_KEYS, SECRET_PLACEHOLDERS } from './index';
import { OPERATOR_CHART_VERSION_VARIABLE } from './runbook';
import { CHART_CREDENTIAL_KEYS, chartCredentialSecretName } from './wandb-cr';

/** Skip only when the environment is loaded and says the vendor's operator or charts are missing. */
const skipWhy = process.env.TEST_ENV_DIR ? vendorWhy : '';

const namespaces: string[] = [];
const works: string[] = [];

afterAll(() => {
  for (const ns of namespaces.splice(0)) {
    uninstallReleases(ns);
    try {
      execFileSync(need('HELM4'), ['uninstall', 'operator', '-n', ns, '--wait', '--timeout', '60s'], {
        env: { ...process.env, KUBECONFIG: need('KUBECONFIG') },
        stdio: 'ignore',
      });
    } catch {
      /* uninstalled by the runbook, or never installed */
    }
    kubectl(['delete', 'namespace', ns, '--wait=false', '--ignore-not-found']);
  }
  for (const work of works.splice(0)) rmSync(work, { recursive: true, force: true });
});

/** One case: the platform chart version, which helm the human has, and whether the ingress has TLS. */
interface Case {
  readonly version: string;
  readonly helm: 'HELM3' | 'HELM4';
  readonly tls: boolean;
  /** Then roll back and uninstall with the runbook (once is enough: the commands do not depend on the chart). */
  readonly after: 'rollback and uninstall' | 'nothing';
}

describe.skipIf(skipWhy !== '')(`the runbook, run as written against the test cluster ${skipWhy}`, () => {
  it.each<Case>([
    // 0.43: every secret by reference, typed at the runbook's prompts; TLS from the bundle's tls.crt.
    { version: '0.43.8', helm: 'HELM4', tls: true, after: 'rollback and uninstall' },
    // 0.18: license, MySQL password and bucket keys inline, replaced in wandb.yaml as its table says.
    { version: '0.18.0', helm: 'HELM3', tls: false, after: 'nothing' },
  ])(
    "operator-wandb $version, $helm, TLS $tls: operator deployed, resource Completed by the vendor's operator; then $after",
    { timeout: 300_000 },
    async ({ version: chartVersion, helm: helmVar, tls, after }) => {
      const ns = `runbook-${randomBytes(3).toString('hex')}`;
      const certs = makeTestCertificates();
      const base = vendorConfig(chartVersion, ns);
      const config: InstallConfig = {
        ...base,
        target: { ...base.target, operatorNamespace: ns },
        ingress: {
          ...base.ingress,
          tls: tls
            ? { enabled: true, secretName: 'wandb-tls', certificate: certs.leaf, privateKey: certs.leafKey }
            : base.ingress.tls,
        },
      };
      expect(config.charts.operator.version).toBe('');
      expect(config.images.controller.tag).toBe(TEST_ENV_CONTROLLER_TAG);
      const helm = need(helmVar);

      const { work, bundle, env, readme, sections, blocksOf, run, secretOf } = unpackRunbook(
        config,
        helm,
        tls ? certs.leafKey : '',
      );
      works.push(work);
      namespaces.push(ns);

      // The install sections, in the runbook's order. Of the two ways to create the Secrets the
      // runbook offers, the one at the prompt (the other applies a copy of secrets.yaml edited by hand).
      const secrets = blocksOf('generate.runbook.secrets.title');
      expect(secrets).toHaveLength(2);
      expect(sections.some((s) => s.title === en('generate.runbook.tls.title'))).toBe(tls);
      for (const script of [
        ...blocksOf('generate.runbook.prerequisites.title'),
        ...blocksOf('generate.runbook.charts.title'),
        ...blocksOf('generate.runbook.namespaces.title'),
        secrets[1] ?? '',
        ...(tls ? blocksOf('generate.runbook.tls.title') : []),
      ])
        await run(script);
      let operatorOut = '';
      for (const block of blocksOf('generate.runbook.operator.title')) operatorOut += await run(block);

      // The operator chart: the newest the repository holds, printed and pinned.
      const version = /^operator (\S+)$/m.exec(operatorOut)?.[1];
      expect(version, operatorOut).toMatch(/^\d+\.\d+\.\d+$/);
      expect(blocksOf('generate.runbook.operator.title')[0]).toContain(
        `--version "$${OPERATOR_CHART_VERSION_VARIABLE}"`,
      );
      const releases = () =>
        (
          JSON.parse(
            execFileSync(helm, ['list', '-n', ns, '-o', 'json'], { env, encoding: 'utf8' }),
          ) as Array<{
            name: string;
            revision: string | number;
            status: string;
            chart: string;
          }>
        ).map((r) => ({ ...r, revision: String(r.revision) }));
      expect(releases()).toMatchObject([
        { name: 'operator', revision: '1', status: 'deployed', chart: `operator-${version}` },
      ]);
      expect(
        kubectl([
          'get',
          'deploy',
          OPERATOR_DEPLOYMENT,
          '-n',
          ns,
          '-o',
          'jsonpath={.status.availableReplicas}',
        ]),
      ).toBe('1');

      // The Secrets hold what was typed at the prompts; the TLS Secret is the certificate and its key.
      const secretValue = (name: string, key: string) =>
        Buffer.from(
          kubectl(['get', 'secret', name, '-n', ns, '-o', `jsonpath={.data.${key.replace(/\./g, '\\.')}}`]),
          'base64',
        ).toString('utf8');
      expect(
        secretValue(chartCredentialSecretName(config.target.crName), CHART_CREDENTIAL_KEYS.password),
      ).toBe(secretOf.chartPassword);
      if (chartVersion.startsWith('0.43')) {
        expect(secretValue(config.secrets.licenseSecretName, SECRET_KEYS.license)).toBe(
          config.platform.license,
        );
        expect(secretValue(config.secrets.mysqlSecretName, SECRET_KEYS.mysqlPassword)).toBe(
          config.mysql.password,
        );
      }
      if (tls) {
        expect(secretValue('wandb-tls', 'tls.crt').trim()).toBe(certs.leaf.trim());
        expect(secretValue('wandb-tls', 'tls.key').trim()).toBe(certs.leafKey.trim());
      }

      // The platform: the placeholders of wandb.yaml replaced as its table says (the grep first,
      // as a human finds them), then applied by the wizard's field manager and reconciled by the
      // vendor's operator (the runbook's own `kubectl wait` for Completed and the Deployments).
      const platform = blocksOf('generate.runbook.platform.title');
      const wandbYaml = path.join(bundle, 'wandb.yaml');
      const placeholders = Object.entries(SECRET_PLACEHOLDERS).filter(([, p]) =>
        readFileSync(wandbYaml, 'utf8').includes(p),
      );
      expect(placeholders.length > 0).toBe(chartVersion.startsWith('0.18'));
      expect(platform).toHaveLength(placeholders.length > 0 ? 2 : 1);
      if (placeholders.length > 0) {
        const found = await run(platform[0] ?? '');
        let text = readFileSync(wandbYaml, 'utf8');
        for (const [field, placeholder] of placeholders) {
          expect(found).toContain(placeholder);
          expect(readme).toContain(`| \`${placeholder}\` |`);
          text = text.split(placeholder).join(secretOf[field as SecretField]);
        }
        writeFileSync(wandbYaml, text);
      }
      try {
        await run(platform.at(-1) ?? '', 180_000);
      } catch (error) {
        throw new Error(
          `${String(error)}\n--- operator log ---\n${operatorLog().split('\n').slice(-30).join('\n')}`,
        );
      }
      const cr = JSON.parse(
        kubectl(['get', 'wandb', 'wandb', '-n', ns, '-o', 'json', '--show-managed-fields']),
      ) as {
        metadata: { managedFields?: Array<{ manager: string }> };
        status?: { phase?: string };
      };
      expect(cr.metadata.managedFields?.some((f) => f.manager === FIELD_MANAGER)).toBe(true);
      expect(cr.status?.phase).toBe('Completed');
      const workloads = await releaseWorkloads(ns, 30_000);
      expect(workloads.length).toBeGreaterThanOrEqual(6);
      expect(workloads.filter((w) => !w.ready)).toEqual([]);
      expect(releases().map((r) => [r.name, r.chart, r.status])).toEqual([
        ['operator', `operator-${version}`, 'deployed'],
        ['wandb', `operator-wandb-${chartVersion}`, 'deployed'],
      ]);

      if (after === 'nothing') return;

      // Roll back: the operator block again (an upgrade to the same pinned version, revision 2),
      // then the runbook's roll back section takes the release back to revision 1.
      const operatorRelease = () => releases().filter((r) => r.name === 'operator');
      for (const block of blocksOf('generate.runbook.operator.title')) await run(block);
      expect(operatorRelease()).toMatchObject([
        { revision: '2', status: 'deployed', chart: `operator-${version}` },
      ]);
      for (const block of blocksOf('generate.runbook.rollback.title')) await run(block);
      expect(operatorRelease()).toMatchObject([{ revision: '3', status: 'deployed' }]);
      const history = JSON.parse(
        execFileSync(helm, ['history', 'operator', '-n', ns, '-o', 'json'], { env, encoding: 'utf8' }),
      ) as Array<{ revision: number; description: string }>;
      expect(history.at(-1)?.description).toMatch(/Rollback to 1/);

      // Uninstall as the runbook says: the resource first, with the wait for its deletion bounded
      // here; if it is still there when the wait ends (v1.22.0 cannot download a chart behind
      // credentialSecret to uninstall it), the runbook's hand-made finish, then on from
      // `helm uninstall operator`.
      const uninstall = blocksOf('generate.runbook.uninstall.title');
      expect(uninstall).toHaveLength(2);
      const lines = (uninstall[0] ?? '').trimEnd().split('\n');
      const waitAt = lines.findIndex((line) => line.startsWith('kubectl wait --for=delete'));
      const operatorAt = lines.findIndex((line) => line.startsWith('helm uninstall operator'));
      expect([waitAt, operatorAt]).toEqual([1, 2]);
      await run(lines.slice(0, waitAt).join('\n'));
      let byHand = false;
      await run(lines[waitAt] ?? '', 8_000).catch(async () => {
        byHand = true;
        await run(uninstall[1] ?? '');
      });
      await run(lines.slice(operatorAt).join('\n'));
      expect(kubectl(['get', 'wandb', '-n', ns, '-o', 'name'])).toBe('');
      expect(releases()).toEqual([]);
      // Left: only the Secrets the platform chart keeps on purpose (the runbook says so).
      const left = JSON.parse(kubectl(['get', 'secret', '-n', ns, '-o', 'json'])) as {
        items: Array<{ metadata: { name: string; annotations?: Record<string, string> } }>;
      };
      expect(
        left.items
          .filter((item) => item.metadata.annotations?.['helm.sh/resource-policy'] !== 'keep')
          .map((item) => item.metadata.name),
      ).toEqual([]);
      // Said in the output, not asserted: whether the operator uninstalled the release itself.
      console.info(
        `uninstall (${chartVersion}): ${byHand ? "finished by hand (the operator's prune did not end)" : 'by the operator'}`,
      );
    },
  );

  // Helm 4 only: Helm 3 speaks plain HTTP to an OCI registry on a loopback address whatever the
  // flags (README, known limits), so against the test environment's TLS registry it cannot run.
  it('Helm 4: the operator chart from the OCI registry (TLS, login): the login and the version lookup as written', async () => {
    const base = vendorConfig('0.43.8', 'unused');
    const config: InstallConfig = {
      ...base,
      charts: {
        ...base.charts,
        operator: {
          version: '',
          source: {
            kind: 'oci',
            url: need('CHARTS_VENDOR_OCI_AUTH_URL'),
            username: need('REGISTRY_USER'),
            password: need('REGISTRY_PASSWORD'),
            caBundle: base.registry.caBundle,
            plainHttp: false,
            insecureSkipVerify: false,
          },
        },
      },
    };
    const { work, blocksOf, run } = unpackRunbook(config, need('HELM4'), '');
    works.push(work);
    for (const block of blocksOf('generate.runbook.charts.title')) await run(block);
    // The operator block up to the install: the newest version, looked up in the registry.
    const lines = (blocksOf('generate.runbook.operator.title')[0] ?? '').split('\n');
    const installAt = lines.findIndex((line) => line.startsWith('helm upgrade --install'));
    expect(installAt).toBe(2);
    expect(lines[installAt]).toContain(`--version "$${OPERATOR_CHART_VERSION_VARIABLE}" `);
    const out = await run(lines.slice(0, installAt).join('\n'));
    expect(out).toMatch(/^operator 1\.4\.8$/m);
  });
});
