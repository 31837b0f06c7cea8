/**
 * Integration: the runbook, run as written. The bundle the download archive holds (placeholders, no
 * secret; RUNBOOK.md as README.md) is written to a folder; the shell blocks of the runbook's install
 * sections are taken from README.md and run, one section after the other, by `bash -euo pipefail`
 * in that folder, with the test environment's helm and kubectl first on PATH and its admin
 * KUBECONFIG, in a fresh namespace. Every secret is typed at the prompt the runbook asks for it
 * (`read -rsp '<what>: ' VARIABLE`), the TLS key is put next to tls.crt as the runbook says; the
 * operator chart version is the newest the repository holds, looked up and pinned by the runbook.
 * The install must end as the wizard's apply does: the operator release deployed, the resource
 * applied by the wizard's field manager, the vendor's real operator (v1.22.0, outside the cluster)
 * reconciling it to `Completed` with every workload ready on the kwok node. Then the runbook's roll
 * back section runs. It fails, rather than skips, when the environment is not loaded; it skips, with
 * the reason, only when the environment has no vendor operator or charts (../shared/vendor absent).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { TEST_ENV_CONTROLLER_TAG } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';
import { makeTestCertificates } from '@/lib/config/test-certificates';
import { translate } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n/messages/en';
import { need } from '@/test/integration/apply-fixture';
import {
  kubectl,
  operatorLog,
  releaseWorkloads,
  uninstallReleases,
  vendorConfig,
  vendorWhy,
} from '@/test/integration/vendor-operator';

import { FIELD_MANAGER, OPERATOR_DEPLOYMENT, generateArtifacts } from './index';
import { OPERATOR_CHART_VERSION_VARIABLE, SECRET_VARIABLES } from './runbook';

/** Skip only when the environment is loaded and says the vendor's operator or charts are missing. */
const skipWhy = process.env.TEST_ENV_DIR ? vendorWhy : '';

/** A section of README.md: its title (without the step number) and its bash blocks. */
interface Section {
  readonly title: string;
  readonly blocks: string[];
}

function sectionsOf(markdown: string): Section[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((part) => ({
      title: (part.split('\n')[0] ?? '').replace(/^\d+\. /, ''),
      blocks: [...part.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1] ?? ''),
    }));
}

const en = (key: MessageKey) => translate('en', key);

/** Runs one script with bash -euo pipefail; rejects with its output when it fails or overruns. */
function bash(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; stdin: string; timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: options.cwd,
      env: options.env,
      timeout: options.timeoutMs,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`bash ended with ${signal ?? code}:\n${script}\n--- output ---\n${out}`)),
    );
    child.stdin.end(options.stdin);
  });
}

/** The answers to the script's prompts, in the order it asks (`read -rsp '…' VARIABLE`). */
function answers(script: string, values: Record<string, string>): string {
  return [...script.matchAll(/^read -rsp '[^']*' ([A-Z_]+); echo$/gm)]
    .map(([, variable]) => {
      const value = values[variable ?? ''];
      if (value === undefined)
        throw new Error(`the runbook asks for ${variable}, which the test cannot answer`);
      return `${value}\n`;
    })
    .join('');
}

const namespaces: string[] = [];
let work = '';

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
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skipWhy !== '')(`the runbook, run as written against the test cluster ${skipWhy}`, () => {
  it(
    "operator-wandb 0.43.8 from the HTTPS repository, Helm 4, TLS on: the operator release deployed, the resource Completed by the vendor's operator, then rolled back",
    { timeout: 300_000 },
    async () => {
      const ns = `runbook-${randomBytes(3).toString('hex')}`;
      const certs = makeTestCertificates();
      const base = vendorConfig('0.43.8', ns);
      const config: InstallConfig = {
        ...base,
        target: { ...base.target, operatorNamespace: ns },
        ingress: {
          ...base.ingress,
          tls: { enabled: true, secretName: 'wandb-tls', certificate: certs.leaf, privateKey: certs.leafKey },
        },
      };
      expect(config.charts.operator.version).toBe('');
      expect(config.images.controller.tag).toBe(TEST_ENV_CONTROLLER_TAG);

      // The archive's folder: every file the download holds, RUNBOOK.md as README.md.
      work = mkdtempSync(path.join(tmpdir(), 'runbook-int-'));
      const bundle = path.join(work, `wandb-airgap-localhost`);
      mkdirSync(bundle);
      const files = generateArtifacts(config, { includeSecrets: false });
      for (const [name, text] of Object.entries(files)) {
        const target = path.join(bundle, name === 'RUNBOOK.md' ? 'README.md' : name);
        writeFileSync(target, text, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
      }
      // What the runbook asks the human to put next to tls.crt.
      writeFileSync(path.join(bundle, 'tls.key'), certs.leafKey, { mode: 0o600 });

      // `helm` and `kubectl` of the test environment, first on PATH; a private Helm home.
      const bin = path.join(work, 'bin');
      mkdirSync(bin);
      symlinkSync(need('HELM4'), path.join(bin, 'helm'));
      symlinkSync(need('KUBECTL'), path.join(bin, 'kubectl'));
      chmodSync(bin, 0o755);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        KUBECONFIG: need('KUBECONFIG'),
        HELM_CONFIG_HOME: path.join(work, 'helm', 'config'),
        HELM_CACHE_HOME: path.join(work, 'helm', 'cache'),
        HELM_DATA_HOME: path.join(work, 'helm', 'data'),
        HELM_REPOSITORY_CONFIG: path.join(work, 'helm', 'config', 'repositories.yaml'),
        HELM_REGISTRY_CONFIG: path.join(work, 'helm', 'config', 'registry.json'),
      };

      // What a human types at each prompt.
      const platformSource = config.charts.platform.source;
      const typed: Record<string, string> = {
        [SECRET_VARIABLES.license]: config.platform.license,
        [SECRET_VARIABLES.mysqlPassword]: config.mysql.password,
        [SECRET_VARIABLES.bucketAccessKey]: config.bucket.provider === 's3' ? config.bucket.accessKey : '',
        [SECRET_VARIABLES.bucketSecretKey]: config.bucket.provider === 's3' ? config.bucket.secretKey : '',
        [SECRET_VARIABLES.registryPassword]: config.registry.password,
        [SECRET_VARIABLES.chartPassword]: platformSource.kind === 'local' ? '' : platformSource.password,
      };

      const readme = readFileSync(path.join(bundle, 'README.md'), 'utf8');
      const sections = sectionsOf(readme);
      const section = (key: MessageKey): Section => {
        const found = sections.find((s) => s.title === en(key));
        if (!found) throw new Error(`README.md has no section "${en(key)}"`);
        return found;
      };
      const run = (script: string, timeoutMs = 90_000) =>
        bash(script, { cwd: bundle, env, stdin: answers(script, typed), timeoutMs });
      namespaces.push(ns);

      // The install sections, in the runbook's order. Of the two ways to create the Secrets the
      // runbook offers, the one at the prompt (the other applies a copy of secrets.yaml edited by hand).
      const secrets = section('generate.runbook.secrets.title');
      expect(secrets.blocks).toHaveLength(2);
      const platform = section('generate.runbook.platform.title');
      // wandb.yaml holds no placeholder here (credentialSecret, Secrets by reference): one block.
      expect(platform.blocks).toHaveLength(1);
      expect(readme).not.toContain("grep -n 'REPLACE_WITH_' wandb.yaml");
      const install: Array<[string, string]> = [
        ...section('generate.runbook.prerequisites.title').blocks.map((b): [string, string] => ['tools', b]),
        ...section('generate.runbook.charts.title').blocks.map((b): [string, string] => ['charts', b]),
        ...section('generate.runbook.namespaces.title').blocks.map((b): [string, string] => [
          'namespaces',
          b,
        ]),
        ['secrets', secrets.blocks[1] ?? ''],
        ...section('generate.runbook.tls.title').blocks.map((b): [string, string] => ['tls', b]),
        ...section('generate.runbook.operator.title').blocks.map((b): [string, string] => ['operator', b]),
      ];
      const outputs = new Map<string, string>();
      for (const [name, script] of install)
        outputs.set(name, (outputs.get(name) ?? '') + (await run(script)));

      // The operator chart: the newest the repository holds, printed and pinned.
      const version = /^operator (\S+)$/m.exec(outputs.get('operator') ?? '')?.[1];
      expect(version, outputs.get('operator')).toMatch(/^\d+\.\d+\.\d+$/);
      expect(section('generate.runbook.operator.title').blocks[0]).toContain(
        `--version "$${OPERATOR_CHART_VERSION_VARIABLE}"`,
      );
      const releases = () =>
        (
          JSON.parse(
            execFileSync(need('HELM4'), ['list', '-n', ns, '-o', 'json'], { env, encoding: 'utf8' }),
          ) as Array<{ name: string; revision: string | number; status: string; chart: string }>
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
      expect(secretValue(config.secrets.licenseSecretName, 'license')).toBe(config.platform.license);
      expect(secretValue(config.secrets.mysqlSecretName, 'MYSQL_PASSWORD')).toBe(config.mysql.password);
      expect(secretValue('wandb-tls', 'tls.crt').trim()).toBe(certs.leaf.trim());
      expect(secretValue('wandb-tls', 'tls.key').trim()).toBe(certs.leafKey.trim());

      // The platform: applied by the wizard's field manager, reconciled by the vendor's operator
      // (the runbook's own `kubectl wait` for Completed and for the Deployments, bounded here).
      try {
        await run(platform.blocks[0] ?? '', 180_000);
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

      // Roll back: the operator block again (an upgrade to the same pinned version, revision 2),
      // then the runbook's roll back section takes the release back to revision 1.
      const operatorRelease = () => releases().filter((r) => r.name === 'operator');
      expect(releases().map((r) => [r.name, r.chart, r.status])).toEqual([
        ['operator', `operator-${version}`, 'deployed'],
        ['wandb', 'operator-wandb-0.43.8', 'deployed'],
      ]);
      for (const block of section('generate.runbook.operator.title').blocks) await run(block);
      expect(operatorRelease()).toMatchObject([
        { revision: '2', status: 'deployed', chart: `operator-${version}` },
      ]);
      const rollback = section('generate.runbook.rollback.title');
      for (const block of rollback.blocks) await run(block);
      expect(operatorRelease()).toMatchObject([{ revision: '3', status: 'deployed' }]);
      const history = JSON.parse(
        execFileSync(need('HELM4'), ['history', 'operator', '-n', ns, '-o', 'json'], {
          env,
          encoding: 'utf8',
        }),
      ) as Array<{ revision: number; description: string }>;
      expect(history.at(-1)?.description).toMatch(/Rollback to 1/);

      // Uninstall as the runbook says: the resource first, with the wait for its deletion bounded
      // here; if it is still there when the wait ends (v1.22.0 cannot download a chart behind
      // credentialSecret to uninstall it), the runbook's hand-made finish, then on from
      // `helm uninstall operator`.
      const uninstall = section('generate.runbook.uninstall.title');
      expect(uninstall.blocks).toHaveLength(2);
      const lines = (uninstall.blocks[0] ?? '').trimEnd().split('\n');
      const waitAt = lines.findIndex((line) => line.startsWith('kubectl wait --for=delete'));
      const operatorAt = lines.findIndex((line) => line.startsWith('helm uninstall operator'));
      expect([waitAt, operatorAt]).toEqual([1, 2]);
      await run(lines.slice(0, waitAt).join('\n'));
      let byHand = false;
      await run(lines[waitAt] ?? '', 20_000).catch(async () => {
        byHand = true;
        await run(uninstall.blocks[1] ?? '');
      });
      await run(lines.slice(operatorAt).join('\n'));
      expect(kubectl(['get', 'wandb', '-n', ns, '-o', 'name'])).toBe('');
      expect(releases()).toEqual([]);
      // Left: only the Secrets the platform chart keeps on purpose (the runbook says so).
      const left = JSON.parse(kubectl(['get', 'secret', '-n', ns, '-o', 'json'])) as {
        items: Array<{ metadata: { name: string; annotations?: Record<string, string> } }>;
      };
      expect(
        left.items.filter((item) => item.metadata.annotations?.['helm.sh/resource-policy'] !== 'keep'),
      ).toEqual([]);
      // Said in the report, not asserted: whether the operator uninstalled the release itself.
      console.info(
        `uninstall: ${byHand ? "finished by hand (the operator's prune did not end)" : 'by the operator'}`,
      );
    },
  );
});
