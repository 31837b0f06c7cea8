import 'server-only';

import { randomBytes } from 'node:crypto';

import {
  CoreV1Api,
  type V1Node,
  type V1PersistentVolumeClaim,
  type V1Pod,
  type V1Secret,
} from '@kubernetes/client-node';

import { resolveConfigImages, s3Target, storageClassOf } from '@/lib/config';
import { toUserError } from '@/lib/errors';
import { buildManifests, shellQuote } from '@/lib/generate';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { connectKube } from './kube-connection';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

/** Label every object of the in-cluster check carries; its value is the run's id. */
export const PROBE_LABEL = 'wandb-airgap-wizard/in-cluster-check';
/** At most this many nodes get a probe pod (a sample, spread over the list, beyond it). */
export const MAX_PROBE_NODES = 8;
/** The probe's exit code once it has reported (any other code is a failure of the probe itself). */
export const PROBE_EXIT = 3;
/** A probe container running longer than this will not report (kwok never runs it; a real one takes seconds). */
const RUNNING_GIVE_UP_MS = 25_000;
/** How often the pods and the claim are read while waiting. */
const POLL_MS = 1_000;
/** The probe's image pull reasons that will not get better by waiting. */
const PULL_FAILURES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
]);

/** A host and port the pods should resolve and reach (MySQL, the bucket's endpoint). */
export interface ProbeTarget {
  what: 'mysql' | 'bucket';
  host: string;
  port: number;
}

/** The hosts the platform's pods connect to, from the configuration. Pure. */
export function probeTargets(config: ChecksInput['config']): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  if (config.mysql.mode === 'external')
    out.push({ what: 'mysql', host: config.mysql.host, port: config.mysql.port });
  const b = config.bucket;
  if (b.provider === 's3') {
    const t = s3Target(b);
    if (t.endpoint) {
      const m = /^(.*?)(?::(\d+))?$/.exec(t.endpoint);
      out.push({
        what: 'bucket',
        host: (m?.[1] ?? t.endpoint).replace(/^\[|\]$/g, ''),
        port: m?.[2] ? Number(m[2]) : b.plainHttp ? 80 : 443,
      });
    } else out.push({ what: 'bucket', host: `s3.${b.region || 'us-east-1'}.amazonaws.com`, port: 443 });
  } else if (b.provider === 'gcs') out.push({ what: 'bucket', host: 'storage.googleapis.com', port: 443 });
  else out.push({ what: 'bucket', host: `${b.name.trim()}.blob.core.windows.net`, port: 443 });
  return out;
}

/**
 * The probe's shell script: for each target, `getent hosts` through the cluster's DNS, then a TCP
 * connection with bash's /dev/tcp (3 s); one line per target on stdout. Pure.
 */
export function probeScript(targets: readonly ProbeTarget[]): string {
  const lines = targets.map(
    (t) =>
      `h=${shellQuote(t.host)}; p=${t.port}; ` +
      `if a=$(getent hosts "$h" | awk '{print $1; exit}') && [ -n "$a" ]; then ` +
      `if timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$h" "$p" 2>/dev/null; ` +
      `then echo "${t.what} $h $a tcp-ok"; else echo "${t.what} $h $a tcp-fail"; fi; ` +
      `else echo "${t.what} $h - dns-fail"; fi`,
  );
  // Exit 3 after the report: with FallbackToLogsOnError the kubelet makes the output the
  // termination message, so the wizard reads it from the pod's status (no log access needed).
  return `${['echo probe', ...lines].join('; ')}; exit ${PROBE_EXIT}`;
}

/** One target as a pod saw it. */
export interface ProbeAnswer {
  what: string;
  host: string;
  address?: string;
  dns: boolean;
  tcp: boolean;
}

/** The termination message of a probe container, line by line (lines it does not know are dropped). Pure. */
export function parseProbeMessage(message: string): ProbeAnswer[] {
  const out: ProbeAnswer[] = [];
  for (const line of message.split('\n')) {
    const m = /^(mysql|bucket) (\S+) (\S+) (tcp-ok|tcp-fail|dns-fail)$/.exec(line.trim());
    if (!m) continue;
    const [, what = '', host = '', address = '', result = ''] = m;
    out.push({
      what,
      host,
      ...(address !== '-' ? { address } : {}),
      dns: result !== 'dns-fail',
      tcp: result === 'tcp-ok',
    });
  }
  return out;
}

/** What one node's probe pod showed. */
export interface NodeResult {
  node: string;
  /** `pulled`: the container ran (so the node pulled the image); `failed`: the pull failed; `pending`: neither yet. */
  pull: 'pulled' | 'failed' | 'pending';
  reason?: string;
  /** The DNS/TCP answers, when the container finished (a real kubelet; kwok never runs it). */
  answers?: ProbeAnswer[];
  /** Epoch ms the container started running, while it runs. */
  runningSince?: number;
}

/** A probe pod's verdict from its status (pure): pulled, failed (with the reason), or pending. */
export function judgeProbePod(pod: V1Pod): NodeResult {
  const node =
    pod.spec?.nodeName ??
    pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
      ?.matchFields?.[0]?.values?.[0] ??
    '?';
  const status = pod.status?.containerStatuses?.[0];
  const waiting = status?.state?.waiting;
  if (waiting?.reason && PULL_FAILURES.has(waiting.reason))
    return { node, pull: 'failed', reason: `${waiting.reason}: ${(waiting.message ?? '').slice(0, 300)}` };
  const terminated = status?.state?.terminated;
  if (terminated)
    return {
      node,
      pull: 'pulled',
      ...(terminated.exitCode !== PROBE_EXIT ? { reason: `exit ${terminated.exitCode}` } : {}),
      answers: parseProbeMessage(terminated.message ?? ''),
    };
  const running = status?.state?.running;
  if (running || status?.imageID)
    return {
      node,
      pull: 'pulled',
      ...(running?.startedAt ? { runningSince: new Date(running.startedAt).getTime() } : {}),
    };
  const unscheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
  return {
    node,
    pull: 'pending',
    ...(unscheduled
      ? { reason: `${unscheduled.reason ?? 'Unschedulable'}: ${unscheduled.message ?? ''}` }
      : waiting?.reason
        ? { reason: waiting.reason }
        : {}),
  };
}

/** Whether a node takes ordinary pods: Ready, schedulable, without a NoSchedule/NoExecute taint. Pure. */
export function isWorkerNode(node: V1Node): boolean {
  if (node.spec?.unschedulable) return false;
  if ((node.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'))
    return false;
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Up to `max` names spread evenly over the list (all of them when fewer). Pure. */
export function sampleNodes(names: readonly string[], max = MAX_PROBE_NODES): string[] {
  if (names.length <= max) return [...names];
  return Array.from({ length: max }, (_, i) => names[Math.floor((i * names.length) / max)] as string);
}

/** The objects of one run (pure): a pull Secret copy, a claim, and one pod per node. */
export function probeObjects(o: {
  runId: string;
  namespace: string;
  image: string;
  nodes: readonly string[];
  targets: readonly ProbeTarget[];
  pullSecret?: { type: string; stringData: Record<string, string> };
  /** The StorageClass the platform's volumes use; '' or absent: the cluster's default. */
  storageClass?: string;
}): { secret?: V1Secret; claim: V1PersistentVolumeClaim; pods: V1Pod[] } {
  const name = `wandb-wizard-check-${o.runId}`;
  const labels = { [PROBE_LABEL]: o.runId, 'app.kubernetes.io/managed-by': 'wandb-airgap-wizard' };
  const metadata = (n: string) => ({ name: n, namespace: o.namespace, labels });
  const secret: V1Secret | undefined = o.pullSecret
    ? {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metadata(`${name}-pull`),
        type: o.pullSecret.type,
        stringData: o.pullSecret.stringData,
      }
    : undefined;
  const claim: V1PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: metadata(`${name}-volume`),
    spec: {
      accessModes: ['ReadWriteOnce'],
      ...(o.storageClass ? { storageClassName: o.storageClass } : {}),
      resources: { requests: { storage: '1Mi' } },
    },
  };
  const script = probeScript(o.targets);
  const pods = o.nodes.map((node, i): V1Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadata(`${name}-${i}`),
    spec: {
      restartPolicy: 'Never',
      // The scheduler places it (so that a WaitForFirstConsumer claim binds), on this node only.
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
          },
        },
      },
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      activeDeadlineSeconds: 300,
      ...(secret ? { imagePullSecrets: [{ name: secret.metadata?.name as string }] } : {}),
      containers: [
        {
          name: 'probe',
          image: o.image,
          imagePullPolicy: 'Always',
          command: ['/bin/bash', '-c', script],
          terminationMessagePolicy: 'FallbackToLogsOnError',
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
          // What the "restricted" Pod Security level asks, so that the probe runs in such a namespace.
          securityContext: {
            allowPrivilegeEscalation: false,
            runAsNonRoot: true,
            runAsUser: 1001,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
          ...(i === 0 ? { volumeMounts: [{ name: 'claim', mountPath: '/probe-volume' }] } : {}),
        },
      ],
      ...(i === 0
        ? {
            volumes: [
              { name: 'claim', persistentVolumeClaim: { claimName: claim.metadata?.name as string } },
            ],
          }
        : {}),
    },
  }));
  return { ...(secret ? { secret } : {}), claim, pods };
}

/**
 * Removes every object of a run (or, with `olderThanMs`, of earlier runs left behind by a crash):
 * pods, the claim and the pull Secret, by label selector; never throws. Returns what it did.
 */
export async function cleanUpProbes(core: CoreV1Api, namespace: string, runId?: string): Promise<string[]> {
  const labelSelector = runId ? `${PROBE_LABEL}=${runId}` : PROBE_LABEL;
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<string> => {
    try {
      await fn();
      return `deleted ${what}`;
    } catch (e) {
      return `${what}: ${toUserError(e).detail.slice(0, 200)}`;
    }
  };
  const done = await Promise.all([
    attempt('pods', () =>
      core.deleteCollectionNamespacedPod({ namespace, labelSelector, gracePeriodSeconds: 0 }),
    ),
    attempt('claims', () =>
      core.deleteCollectionNamespacedPersistentVolumeClaim({ namespace, labelSelector }),
    ),
    attempt('secrets', () => core.deleteCollectionNamespacedSecret({ namespace, labelSelector })),
  ]);
  return done;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * The opt-in in-cluster check: in a namespace of the configuration that exists, a short-lived
 * pod per worker node (a sample of at most {@link MAX_PROBE_NODES}) pulls one image of the
 * internal registry (Redis, which has a shell) with a copy of the generated pull secret, resolves
 * and connects to the MySQL and bucket hosts through the cluster's DNS, and a 1Mi claim must
 * bind on the StorageClass of the platform's volumes (the one named, else the default). A result per node. Every object is deleted afterwards by
 * label selector, also on cancel or timeout. Not strict: it proves more than the other checks,
 * but creates objects, so it runs only when asked.
 */
export const inClusterCheck: CheckDefinition<ChecksInput> = {
  id: 'in-cluster',
  titleKey: 'checks.inCluster.title',
  strict: false,
  timeoutMs: 60_000,
  dependsOn: ['kube-api'],
  dependsOnCluster: true,
  secrets: (input) => [input.config.registry.password],
  async run(input, ctx): Promise<CheckOutcome> {
    if (!input.inClusterTest)
      return { status: 'skipped', message: { key: 'checks.inCluster.optIn', params: {} } };
    const conn = connectKube(input, remainingMs(ctx.deadline));
    if (!conn.ok) return conn.outcome;
    const core = conn.client.kc.makeApiClient(CoreV1Api);
    const { config } = input;
    const evidence: Evidence[] = [];
    const image = resolveConfigImages(config).find((i) => i.id === 'redis');
    if (!image) return { status: 'error', message: { key: 'checks.inCluster.noImage', params: {} } };
    const reference = `${image.repository}:${image.tag}`;

    // A namespace that exists: the probe must not create one the install would then own.
    let namespace: string | undefined;
    for (const ns of [config.target.crNamespace, config.target.operatorNamespace]) {
      if (await conn.client.getNamespace(ns, { signal: ctx.signal })) {
        namespace = ns;
        break;
      }
    }
    if (!namespace)
      return {
        status: 'skipped',
        message: {
          key: 'checks.inCluster.noNamespace',
          params: {
            namespaces: [...new Set([config.target.crNamespace, config.target.operatorNamespace])].join(', '),
          },
        },
      };

    const nodeList = await core.listNode();
    const workers = nodeList.items
      .filter(isWorkerNode)
      .map((n) => n.metadata?.name ?? '')
      .filter(Boolean);
    const nodes = sampleNodes(workers);
    evidence.push({
      label: 'nodes',
      request: 'GET /api/v1/nodes',
      response: `${nodeList.items.length} nodes, ${workers.length} take pods; probing ${nodes.join(', ') || 'none'}`,
    });
    if (nodes.length === 0)
      return {
        status: 'fail',
        message: { key: 'checks.inCluster.noNodes', params: { count: nodeList.items.length } },
        evidence,
      };

    const pull = buildManifests(config, { includeSecrets: true }).secrets.find(
      (s) => s.purpose === 'registryPull',
    );
    const runId = randomBytes(4).toString('hex');
    const targets = probeTargets(config);
    const storageClass = storageClassOf(config.platform);
    const objects = probeObjects({
      runId,
      namespace,
      image: reference,
      nodes,
      targets,
      storageClass,
      ...(pull
        ? {
            pullSecret: {
              type: String(pull.manifest.type),
              stringData: pull.manifest.stringData as Record<string, string>,
            },
          }
        : {}),
    });
    const created: string[] = [];
    try {
      // Leftovers of an earlier run that could not clean up (the wizard was stopped).
      const swept = await core.listNamespacedPod({ namespace, labelSelector: PROBE_LABEL });
      if (swept.items.length > 0)
        evidence.push({ label: 'leftovers', response: (await cleanUpProbes(core, namespace)).join('; ') });
      if (objects.secret) {
        await core.createNamespacedSecret({ namespace, body: objects.secret });
        created.push(`Secret ${objects.secret.metadata?.name}`);
      }
      await core.createNamespacedPersistentVolumeClaim({ namespace, body: objects.claim });
      created.push(`PersistentVolumeClaim ${objects.claim.metadata?.name}`);
      for (const pod of objects.pods) {
        await core.createNamespacedPod({ namespace, body: pod });
        created.push(`Pod ${pod.metadata?.name}`);
      }
      evidence.push({
        label: 'created',
        request: `in ${namespace}, image ${reference}`,
        response: created.join(', '),
      });

      // Wait until every pod has a verdict and the claim is bound, or the time is nearly up.
      let results: NodeResult[] = [];
      let claimPhase = 'Pending';
      const stopAt = ctx.deadline - 3_000; // leaves time to read, report and clean up
      while (!ctx.signal.aborted) {
        const [pods, claim] = await Promise.all([
          core.listNamespacedPod({ namespace, labelSelector: `${PROBE_LABEL}=${runId}` }),
          core.readNamespacedPersistentVolumeClaim({
            namespace,
            name: objects.claim.metadata?.name as string,
          }),
        ]);
        results = objects.pods.map((p) => {
          const live = pods.items.find((x) => x.metadata?.name === p.metadata?.name);
          return live
            ? judgeProbePod(live)
            : { node: judgeProbePod(p).node, pull: 'pending' as const, reason: 'not found' };
        });
        claimPhase = claim.status?.phase ?? 'Pending';
        const now = Date.now();
        const podsDone = results.every(
          (r) =>
            r.pull === 'failed' ||
            r.answers !== undefined ||
            (r.runningSince !== undefined && now - r.runningSince > RUNNING_GIVE_UP_MS),
        );
        if ((podsDone && claimPhase === 'Bound') || Date.now() >= stopAt) break;
        await sleep(POLL_MS, ctx.signal);
      }
      return verdict(results, claimPhase, reference, namespace, targets, evidence, storageClass);
    } catch (e) {
      const err = toUserError(e);
      evidence.push({ label: 'error', response: err.detail });
      return {
        status: 'fail',
        message: {
          key: 'checks.inCluster.apiFailed',
          params: { namespace, reason: err.detail.slice(0, 200) },
        },
        remedy: { key: 'checks.inCluster.apiFailed.remedy', params: { namespace } },
        evidence,
      };
    } finally {
      // Runs on cancel and timeout too (the runner abandons the promise, not this cleanup).
      const done = await cleanUpProbes(core, namespace, runId);
      evidence.push({
        label: 'cleanup',
        request: `${PROBE_LABEL}=${runId} in ${namespace}`,
        response: done.join('; '),
      });
    }
  },
};

/** The check's outcome from the per-node results and the claim's phase. Pure. */
export function verdict(
  results: readonly NodeResult[],
  claimPhase: string,
  image: string,
  namespace: string,
  targets: readonly ProbeTarget[],
  evidence: Evidence[] = [],
  storageClass = '',
): CheckOutcome {
  // One entry per node; its response is the node's result as JSON, which the panel shows as a table.
  for (const r of results)
    evidence.push({
      label: `node ${r.node}`,
      request: `pull ${image}`,
      response: JSON.stringify({
        pull: r.pull,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.answers ? { answers: r.answers } : {}),
      }),
    });
  evidence.push({
    label: 'volume',
    request: `PersistentVolumeClaim 1Mi on ${storageClass ? `the StorageClass ${storageClass}` : 'the default StorageClass'}`,
    response: claimPhase,
  });
  const failed = results.filter((r) => r.pull === 'failed');
  const pending = results.filter((r) => r.pull === 'pending');
  const unresolved = results.flatMap((r) =>
    (r.answers ?? []).filter((a) => !a.dns).map((a) => `${a.host} (${r.node})`),
  );
  const unreachable = results.flatMap((r) =>
    (r.answers ?? []).filter((a) => a.dns && !a.tcp).map((a) => `${a.host} (${r.node})`),
  );
  const answered = results.filter((r) => r.answers !== undefined).length;
  const params = {
    image,
    namespace,
    count: results.length,
    pulled: results.filter((r) => r.pull === 'pulled').length,
    nodes: failed.map((r) => r.node).join(', ') || pending.map((r) => r.node).join(', ') || '-',
    reason: failed[0]?.reason ?? pending[0]?.reason ?? '',
    hosts: [...new Set(targets.map((t) => t.host))].join(', '),
    unresolved: [...new Set(unresolved)].join(', ') || '-',
    unreachable: [...new Set(unreachable)].join(', ') || '-',
    answered,
    phase: claimPhase,
    storageClass,
  };
  const [status, key, remedy]: [CheckOutcome['status'], string, boolean] =
    failed.length > 0
      ? ['fail', 'pullFailed', true]
      : unresolved.length > 0
        ? ['fail', 'unresolved', true]
        : claimPhase !== 'Bound'
          ? ['fail', 'volumeUnbound', true]
          : pending.length > 0
            ? ['warn', 'pending', true]
            : unreachable.length > 0
              ? ['warn', 'unreachable', true]
              : answered < results.length
                ? ['warn', 'noAnswers', false]
                : ['pass', 'pass', false];
  // The messages that speak of the volume name the class when one is named.
  const which = storageClass && (key === 'pass' || key === 'volumeUnbound') ? `${key}OnClass` : key;
  return {
    status,
    message: { key: `checks.inCluster.${which}`, params },
    ...(remedy ? { remedy: { key: `checks.inCluster.${which}.remedy`, params } } : {}),
    evidence,
  };
}
