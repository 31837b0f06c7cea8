import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { emptyMysql, PROCEDURE_EXAMPLE } from '@/lib/config';

import {
  isWorkerNode,
  judgeProbePod,
  parseProbeMessage,
  PROBE_EXIT,
  PROBE_LABEL,
  probeObjects,
  probeScript,
  probeTargets,
  sampleNodes,
  verdict,
} from './in-cluster';

describe('probeTargets', () => {
  it('MySQL and the bucket endpoint with their ports; none for in-cluster MySQL', () => {
    expect(probeTargets(PROCEDURE_EXAMPLE)).toEqual([
      { what: 'mysql', host: 'mysql.home.lab', port: 3306 },
      { what: 'bucket', host: 's3.yourdomain.com', port: 9000 },
    ]);
    const gcs = {
      ...PROCEDURE_EXAMPLE,
      mysql: emptyMysql('in-cluster'),
      bucket: { provider: 'gcs' as const, name: 'b', path: '' },
    };
    expect(probeTargets(gcs)).toEqual([{ what: 'bucket', host: 'storage.googleapis.com', port: 443 }]);
  });
});

describe('probeScript', () => {
  it('is valid bash that reports one line per target and exits with the report code', () => {
    const script = probeScript([
      { what: 'mysql', host: 'db$(id)\'"', port: 3306 },
      { what: 'bucket', host: 'localhost', port: 1 },
    ]);
    execFileSync('bash', ['-n', '-c', script]);
    let out = '';
    try {
      execFileSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      expect(err.status).toBe(PROBE_EXIT);
      out = err.stdout;
    }
    const answers = parseProbeMessage(out);
    expect(answers.find((a) => a.what === 'mysql')).toMatchObject({
      host: 'db$(id)\'"',
      dns: false,
      tcp: false,
    });
    expect(answers.find((a) => a.host === 'localhost')).toMatchObject({ dns: true, tcp: false });
  });
});

describe('judgeProbePod', () => {
  const pod = (containerStatus: object, extra: object = {}) => ({
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }],
          },
        },
      },
    },
    status: { containerStatuses: [containerStatus], ...extra },
  });
  it('a pull error is a failed node with the reason', () => {
    expect(
      judgeProbePod(
        pod({
          state: { waiting: { reason: 'ImagePullBackOff', message: 'x509: unknown authority' } },
        }) as never,
      ),
    ).toMatchObject({ node: 'n1', pull: 'failed', reason: 'ImagePullBackOff: x509: unknown authority' });
  });
  it('a finished probe has pulled and carries its answers', () => {
    const r = judgeProbePod(
      pod({
        state: { terminated: { exitCode: PROBE_EXIT, message: 'probe\nmysql db 10.0.0.9 tcp-ok\n' } },
      }) as never,
    );
    expect(r).toEqual({
      node: 'n1',
      pull: 'pulled',
      answers: [{ what: 'mysql', host: 'db', address: '10.0.0.9', dns: true, tcp: true }],
    });
  });
  it('running has pulled (kwok: never finishes); unscheduled is pending with the reason', () => {
    expect(judgeProbePod(pod({ state: { running: { startedAt: new Date(0) } } }) as never)).toMatchObject({
      pull: 'pulled',
      runningSince: 0,
    });
    expect(
      judgeProbePod({
        ...pod({ state: { waiting: { reason: 'ContainerCreating' } } }),
        status: {
          conditions: [
            { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'unbound pvc' },
          ],
        },
      } as never),
    ).toMatchObject({ pull: 'pending', reason: 'Unschedulable: unbound pvc' });
  });
});

describe('nodes', () => {
  it('takes Ready, schedulable, untainted nodes, and samples evenly', () => {
    const ready = { status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(isWorkerNode(ready as never)).toBe(true);
    expect(isWorkerNode({ ...ready, spec: { unschedulable: true } } as never)).toBe(false);
    expect(isWorkerNode({ ...ready, spec: { taints: [{ key: 'cp', effect: 'NoSchedule' }] } } as never)).toBe(
      false,
    );
    expect(isWorkerNode({ status: { conditions: [{ type: 'Ready', status: 'False' }] } } as never)).toBe(
      false,
    );
    const names = Array.from({ length: 20 }, (_, i) => `n${i}`);
    expect(sampleNodes(names, 4)).toEqual(['n0', 'n5', 'n10', 'n15']);
    expect(sampleNodes(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('probeObjects', () => {
  it('labels every object with the run, pins each pod to its node, mounts the claim once', () => {
    const o = probeObjects({
      runId: 'abcd',
      namespace: 'wandb',
      image: 'reg/bitnami/redis:7',
      nodes: ['n1', 'n2'],
      targets: [],
      pullSecret: { type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{}' } },
    });
    for (const obj of [o.secret, o.claim, ...o.pods])
      expect(obj?.metadata?.labels?.[PROBE_LABEL]).toBe('abcd');
    expect(o.pods.map((p) => p.spec?.imagePullSecrets?.[0]?.name)).toEqual([
      'wandb-wizard-check-abcd-pull',
      'wandb-wizard-check-abcd-pull',
    ]);
    expect(o.pods[0]?.spec?.volumes?.[0]?.persistentVolumeClaim?.claimName).toBe(
      'wandb-wizard-check-abcd-volume',
    );
    expect(o.pods[1]?.spec?.volumes).toBeUndefined();
    expect(judgeProbePod(o.pods[1] as never).node).toBe('n2');
  });
  it('claims on the named StorageClass, or names none for the default', () => {
    const base = { runId: 'abcd', namespace: 'wandb', image: 'img', nodes: ['n1'], targets: [] };
    expect(probeObjects({ ...base, storageClass: 'fast-ssd' }).claim.spec?.storageClassName).toBe('fast-ssd');
    expect(probeObjects({ ...base, storageClass: '' }).claim.spec).not.toHaveProperty('storageClassName');
    expect(probeObjects(base).claim.spec).not.toHaveProperty('storageClassName');
  });
});

describe('verdict', () => {
  const targets = [{ what: 'mysql' as const, host: 'db', port: 3306 }];
  const ok = {
    node: 'n1',
    pull: 'pulled' as const,
    answers: [{ what: 'mysql', host: 'db', address: '1.2.3.4', dns: true, tcp: true }],
  };
  it('passes when every node pulled and answered and the claim bound', () => {
    expect(verdict([ok], 'Bound', 'img', 'ns', targets).status).toBe('pass');
  });
  it('fails on a pull, a name the pods cannot resolve, or a claim that does not bind', () => {
    expect(
      verdict([ok, { node: 'n2', pull: 'failed', reason: 'ErrImagePull' }], 'Bound', 'img', 'ns', targets),
    ).toMatchObject({
      status: 'fail',
      message: { key: 'checks.inCluster.pullFailed', params: { nodes: 'n2' } },
    });
    expect(
      verdict(
        [{ ...ok, answers: [{ what: 'mysql', host: 'db', dns: false, tcp: false }] }],
        'Bound',
        'img',
        'ns',
        targets,
      ).message.key,
    ).toBe('checks.inCluster.unresolved');
    expect(verdict([ok], 'Pending', 'img', 'ns', targets).message.key).toBe('checks.inCluster.volumeUnbound');
  });
  it('names the StorageClass when one is named', () => {
    const evidence: { label: string; request?: string }[] = [];
    const pass = verdict([ok], 'Bound', 'img', 'ns', targets, evidence as never, 'fast-ssd');
    expect(pass.message).toMatchObject({
      key: 'checks.inCluster.passOnClass',
      params: { storageClass: 'fast-ssd' },
    });
    expect(evidence.find((e) => e.label === 'volume')?.request).toBe(
      'PersistentVolumeClaim 1Mi on the StorageClass fast-ssd',
    );
    const unbound = verdict([ok], 'Pending', 'img', 'ns', targets, [], 'fast-ssd');
    expect(unbound.message.key).toBe('checks.inCluster.volumeUnboundOnClass');
    expect(unbound.remedy?.key).toBe('checks.inCluster.volumeUnboundOnClass.remedy');
  });
  it('warns when a pod pulled but never reported (kwok), naming what is unproven', () => {
    const r = verdict([{ node: 'kwok-node-0', pull: 'pulled' }], 'Bound', 'img', 'ns', targets);
    expect(r).toMatchObject({
      status: 'warn',
      message: { key: 'checks.inCluster.noAnswers', params: { answered: 0 } },
    });
    expect(JSON.parse(r.evidence?.find((e) => e.label === 'node kwok-node-0')?.response ?? '')).toEqual({
      pull: 'pulled',
    });
  });
});
