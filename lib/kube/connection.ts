import 'server-only';

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Target } from '@/lib/config';
import type { UserError } from '@/lib/errors';

import { type KubeConfigSource, loadKubeConfig, type LoadedKubeConfig } from './config';

/** The part of the target that says how the wizard reaches the cluster. */
export type ConnectionTarget = Pick<Target, 'kubeconfig' | 'kubeContext'>;

/** `~/x` as the user's home; anything else as it is. */
function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

/**
 * The one mapping from the configuration to a kubeconfig source: every part of the wizard that
 * talks to the cluster (the checks, the apply, the pickers, the import) goes through it, so they
 * can never reach different clusters.
 */
export function kubeSourceOf(target: ConnectionTarget): KubeConfigSource {
  const context = target.kubeContext || undefined;
  const k = target.kubeconfig;
  if (k.source === 'upload') return { kubeconfigYaml: k.content, context };
  if (k.source === 'path') return { kubeconfigPath: expandHome(k.path.trim()), context };
  return { context };
}

/** The kubeconfig file of the wizard's host as kubectl finds it (`KUBECONFIG`, else `~/.kube/config`). */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBECONFIG || join(homedir(), '.kube', 'config');
}

/** Where a source reads from, for messages: a path, or that the kubeconfig was uploaded. */
export function describeKubeSource(source: KubeConfigSource): { where: string; uploaded: boolean } {
  if (source.kubeconfigYaml !== undefined) return { where: 'uploaded kubeconfig', uploaded: true };
  return { where: source.kubeconfigPath ?? defaultKubeconfigPath(), uploaded: false };
}

/**
 * Runs `work` with a kubeconfig file for tools that read only files (helm). A file source is
 * passed as it is. An uploaded kubeconfig is written, mode 0600 in a directory of mode 0700, to
 * memory-backed /dev/shm where the host has it (else the temporary directory), and removed when
 * `work` ends, whatever the outcome: it holds credentials, which stay off the disk.
 */
export async function withKubeconfigFile<T>(
  source: KubeConfigSource,
  work: (path: string) => Promise<T>,
): Promise<T> {
  if (source.kubeconfigYaml === undefined) return work(source.kubeconfigPath ?? defaultKubeconfigPath());
  let dir: string;
  try {
    dir = await mkdtemp('/dev/shm/wandb-wizard-kube-');
  } catch {
    dir = await mkdtemp(join(tmpdir(), 'wandb-wizard-kube-'));
  }
  try {
    const path = join(dir, 'kubeconfig');
    await writeFile(path, source.kubeconfigYaml, { mode: 0o600 });
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A kubeconfig loaded for the configured context, or why there is none. */
export type ClusterConnection =
  | { ok: true; loaded: LoadedKubeConfig; source: KubeConfigSource; where: string }
  | {
      ok: false;
      /** No kubeconfig at all (file absent, or the host has none): the wizard is simply not connected. */
      missing: boolean;
      where: string;
      error: UserError;
    };

/**
 * Loads the kubeconfig the configuration names (`override` replaces the file: tests and the
 * command line) and pins the context. With the `server` source and no kubeconfig on the host the
 * client library would fall back to an empty `localhost:8080` cluster: that is "missing" too.
 */
export function openConnection(
  target: ConnectionTarget,
  override: { kubeconfigPath?: string } = {},
): ClusterConnection {
  const source: KubeConfigSource = override.kubeconfigPath
    ? { kubeconfigPath: override.kubeconfigPath, context: target.kubeContext || undefined }
    : kubeSourceOf(target);
  const { where } = describeKubeSource(source);
  const loaded = loadKubeConfig(source);
  if (loaded.error)
    return { ok: false, missing: loaded.error.key.startsWith('errors.file.'), where, error: loaded.error };
  if (
    source.kubeconfigYaml === undefined &&
    !source.kubeconfigPath &&
    !process.env.KUBECONFIG &&
    loaded.value.cluster.server === 'http://localhost:8080'
  ) {
    return {
      ok: false,
      missing: true,
      where,
      error: { key: 'errors.file.notFound', params: { path: where }, detail: 'no kubeconfig' },
    };
  }
  return { ok: true, loaded: loaded.value, source, where };
}
