import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';

import { podProblems } from './pod-problems';

const prefixes = [
  { namespace: 'default', prefix: 'wandb-' },
  { namespace: 'wandb', prefix: 'wandb-controller-manager-' },
];

function pod(namespace: string, name: string, status: V1Pod['status']): V1Pod {
  return { metadata: { namespace, name }, status };
}

/** A container status waiting for `reason`. */
function waiting(name: string, image: string, reason: string, message?: string): V1ContainerStatus {
  return {
    name,
    image,
    imageID: '',
    ready: false,
    restartCount: 0,
    state: { waiting: { reason, ...(message ? { message } : {}) } },
  };
}

describe('podProblems', () => {
  it('names an image the node cannot pull, in an init container or a container', () => {
    const problems = podProblems(
      [
        pod('default', 'wandb-app-5d9c-x1', {
          initContainerStatuses: [
            waiting('init-db', 'registry.internal/wandb/local:0.59.2', 'ErrImagePull', 'manifest unknown'),
          ],
          containerStatuses: [waiting('app', 'wandb/local:latest', 'PodInitializing')],
        }),
      ],
      prefixes,
    );
    expect(problems).toEqual([
      {
        namespace: 'default',
        pod: 'wandb-app-5d9c-x1',
        container: 'init-db',
        image: 'registry.internal/wandb/local:0.59.2',
        reason: 'ErrImagePull',
        message: 'manifest unknown',
        imagePull: true,
      },
    ]);
  });

  it('reports an unscheduled pod with the scheduler’s message, and a crash loop as not a pull problem', () => {
    const problems = podProblems(
      [
        pod('wandb', 'wandb-controller-manager-7f-abc', {
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/1 nodes are available: 1 node(s) didn’t match Pod’s node affinity/selector.',
            },
          ],
        }),
        pod('default', 'wandb-weave-1', {
          containerStatuses: [
            waiting('weave', 'registry.internal/wandb/local:0.59.2', 'CrashLoopBackOff', 'back-off 40s'),
          ],
        }),
      ],
      prefixes,
    );
    expect(problems.map((p) => [p.pod, p.reason, p.imagePull])).toEqual([
      ['wandb-controller-manager-7f-abc', 'Unschedulable', false],
      ['wandb-weave-1', 'CrashLoopBackOff', false],
    ]);
    expect(problems[0]?.message).toMatch(/node affinity/);
  });

  it('ignores pods of other releases and namespaces, running containers and pods being deleted', () => {
    const pulling = { containerStatuses: [waiting('c', 'x', 'ImagePullBackOff')] };
    const deleting: V1Pod = {
      metadata: { namespace: 'default', name: 'wandb-app-old', deletionTimestamp: new Date() },
      status: pulling,
    };
    expect(
      podProblems(
        [
          pod('default', 'other-app-1', pulling),
          pod('kube-system', 'wandb-app-1', pulling),
          deleting,
          pod('default', 'wandb-console-1', {
            containerStatuses: [
              { name: 'c', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
            ],
          }),
        ],
        prefixes,
      ),
    ).toEqual([]);
  });

  it('shortens a long message', () => {
    const [p] = podProblems(
      [
        pod('default', 'wandb-app-1', {
          containerStatuses: [waiting('c', 'x', 'ErrImagePull', 'y'.repeat(1000))],
        }),
      ],
      prefixes,
    );
    expect(p?.message?.length).toBe(300);
  });
});
