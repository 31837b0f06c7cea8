import 'server-only';

import yaml from 'js-yaml';

import {
  type HelmCommand,
  ociHost,
  registryLoginArgs,
  repoAddArgs,
  rollbackArgs,
  runHelm,
  uninstallArgs,
  WIZARD_REPO_NAME,
  withHelmHome,
} from '@/lib/helm';

import { helmApplyArgs, type OperatorChart } from './plan';
import type { ReleaseRecovery } from './stuck';

/** Options of {@link runHelmStep}. */
export interface HelmStepOptions {
  helm: { path: string; major: number };
  /** The kubeconfig file helm uses (the same identity as the API calls). */
  kubeconfig: string;
  dryRun?: boolean;
  signal?: AbortSignal;
  timeoutSeconds?: number;
  /** Each helm invocation (redacted) is appended here. */
  commands?: HelmCommand[];
}

/**
 * Runs `helm upgrade --install` of the operator chart in a throwaway helm home: adds the
 * repository (or logs in to the OCI registry) with the password on stdin, writes values.yaml and
 * the CA to private files, then upgrades. With `dryRun`, helm renders and validates against the API
 * server (`--dry-run=server`) and changes nothing. Returns helm's stdout. Throws a HelmError.
 */
export async function runHelmStep(chart: OperatorChart, o: HelmStepOptions): Promise<string> {
  return withHelmHome(
    async (home) => {
      const secrets = [chart.password];
      const caFile = chart.caPem ? await home.writePrivateFile('ca.crt', chart.caPem) : undefined;
      const access = { ...chart.access, ...(caFile ? { caFile } : {}) };
      const run = (args: string[], stdin?: string, timeoutMs = 60_000) =>
        runHelm(o.helm.path, args, {
          env: home.env,
          signal: o.signal,
          timeoutMs,
          stdin,
          secrets,
          commands: o.commands,
        });
      if (chart.source.kind === 'repo') {
        await run(
          repoAddArgs(WIZARD_REPO_NAME, chart.source.repoUrl, access, chart.password !== undefined),
          chart.password,
        );
      } else if (chart.source.kind === 'oci' && (access.username || chart.password)) {
        await run(registryLoginArgs(ociHost(chart.source.ref), access, o.helm.major), chart.password ?? '');
      }
      const valuesFile = await home.writePrivateFile(
        'values.yaml',
        yaml.dump(chart.values, { noRefs: true, lineWidth: -1 }),
      );
      const timeoutSeconds = o.timeoutSeconds ?? 300;
      const args = helmApplyArgs(chart, {
        helmMajor: o.helm.major,
        valuesFile,
        caFile,
        dryRun: o.dryRun,
        timeoutSeconds,
      });
      const out = await run(args, undefined, (timeoutSeconds + 60) * 1000);
      return out.stdout;
    },
    { kubeconfig: o.kubeconfig },
  );
}

/**
 * Gets a release out of a pending state left by an interrupted helm run, in a throwaway helm home
 * with the step's kubeconfig: `helm rollback <release> <revision> --wait` back to the last good
 * revision, or `helm uninstall <release> --wait` when nothing was ever deployed (the CRDs of the
 * chart's crds/ directory stay). Returns helm's stdout. Throws a HelmError.
 */
export async function recoverRelease(
  chart: OperatorChart,
  recovery: ReleaseRecovery,
  o: Omit<HelmStepOptions, 'dryRun'>,
): Promise<string> {
  const timeoutSeconds = o.timeoutSeconds ?? 300;
  const common = {
    release: chart.release,
    namespace: chart.namespace,
    wait: true,
    timeoutSeconds,
    helmMajor: o.helm.major,
    ...(chart.kubeContext ? { kubeContext: chart.kubeContext } : {}),
  };
  const args =
    recovery.action === 'rollback'
      ? rollbackArgs({ ...common, revision: recovery.toRevision })
      : uninstallArgs(common);
  return withHelmHome(
    async (home) => {
      const out = await runHelm(o.helm.path, args, {
        env: home.env,
        signal: o.signal,
        timeoutMs: (timeoutSeconds + 60) * 1000,
        secrets: [chart.password],
        commands: o.commands,
      });
      return out.stdout;
    },
    { kubeconfig: o.kubeconfig },
  );
}
