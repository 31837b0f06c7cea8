import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

/** A pod of the install that cannot start, as the scheduler or the kubelet reports it. */
export interface PodProblem {
  namespace: string;
  pod: string;
  /** The container (or init container) concerned; absent when the pod is not scheduled. */
  container?: string;
  /** The image the container asks for (the one that cannot be pulled, for a pull problem). */
  image?: string;
  /** `ErrImagePull`, `ImagePullBackOff`, `CrashLoopBackOff`, … or `Unschedulable`. */
  reason: string;
  /** The kubelet's or the scheduler's own sentence (shortened). */
  message?: string;
  /** The problem is an image the node cannot pull: in an air-gapped site, one missing from the mirror. */
  imagePull: boolean;
}

/** Waiting reasons of a container that will not get better by waiting (wandb-values.md §Readiness). */
const STUCK_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);
const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);

const short = (text: string | undefined, max = 300): string | undefined =>
  text ? (text.length > max ? `${text.slice(0, max - 1)}…` : text) : undefined;

/**
 * The problems of the pods that belong to the install: `prefixes` name the pods' owners by the
 * start of their names (`<cr>-` in the CR namespace, the operator's Deployment in its namespace).
 * Unscheduled pods, and containers waiting for a reason that does not pass by itself, in pod
 * order. Pure.
 */
export function podProblems(
  pods: readonly V1Pod[],
  prefixes: ReadonlyArray<{ namespace: string; prefix: string }>,
): PodProblem[] {
  const out: PodProblem[] = [];
  const ours = (p: V1Pod) =>
    prefixes.some(
      (x) => p.metadata?.namespace === x.namespace && (p.metadata?.name ?? '').startsWith(x.prefix),
    );
  for (const pod of pods) {
    if (!ours(pod) || pod.metadata?.deletionTimestamp) continue;
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const unscheduled = pod.status?.conditions?.find(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    );
    if (unscheduled) {
      const message = short(unscheduled.message);
      out.push({
        namespace,
        pod: name,
        reason: 'Unschedulable',
        ...(message ? { message } : {}),
        imagePull: false,
      });
      continue;
    }
    const statuses: V1ContainerStatus[] = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    for (const c of statuses) {
      const reason = c.state?.waiting?.reason;
      if (!reason || !STUCK_REASONS.has(reason)) continue;
      const message = short(c.state?.waiting?.message);
      out.push({
        namespace,
        pod: name,
        container: c.name,
        image: c.image,
        reason,
        ...(message ? { message } : {}),
        imagePull: PULL_REASONS.has(reason),
      });
    }
  }
  return out;
}
