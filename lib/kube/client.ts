import 'server-only';

import {
  ApiextensionsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  createConfiguration,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  type RequestContext,
  type ResponseContext,
  ServerConfiguration,
  StorageV1Api,
  type V1Namespace,
  VersionApi,
} from '@kubernetes/client-node';

import { toKubeError } from './errors';

/** The field manager of every server-side apply the wizard sends. */
export const FIELD_MANAGER = 'wandb-airgap-wizard';

/** The W&B custom resource. */
export const WANDB_CR = {
  group: 'apps.wandb.com',
  version: 'v1',
  plural: 'weightsandbiases',
  crdName: 'weightsandbiases.apps.wandb.com',
} as const;

/** Per-call options. */
export interface KubeCallOptions {
  /** Cancels the request (the socket is closed). */
  signal?: AbortSignal;
  /** Each request and its status are appended here, as text for a check's evidence. */
  exchanges?: Array<{ request: string; response?: string }>;
}

/** One permission to ask the API server about (SelfSubjectAccessReview). */
export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** The API server's answer for one {@link AccessCheck}. */
export interface AccessResult extends AccessCheck {
  allowed: boolean;
  denied: boolean;
  reason?: string;
  evaluationError?: string;
}

/** An IngressClass or StorageClass, with whether it is the cluster default. */
export interface ClassInfo {
  name: string;
  /** Ingress controller or storage provisioner. */
  implementation: string;
  isDefault: boolean;
}

/** A CustomResourceDefinition's presence and state. */
export interface CrdInfo {
  name: string;
  versions: string[];
  established: boolean;
}

/** The latest revision of one Helm release, read from its Secret's labels. */
export interface HelmReleaseInfo {
  name: string;
  namespace: string;
  revision: number;
  status: string;
}

/** Parsed `/version`. */
export interface ServerVersion {
  gitVersion: string;
  major: string;
  minor: string;
  platform: string;
}

const INGRESS_DEFAULT = 'ingressclass.kubernetes.io/is-default-class';
const STORAGE_DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const STORAGE_DEFAULT_BETA = 'storageclass.beta.kubernetes.io/is-default-class';

/**
 * Calls to the API server with @kubernetes/client-node 1.x (fetch-based). Every call honours an
 * AbortSignal and a per-request timeout: a middleware puts the signal on the request, and
 * node-fetch destroys the socket when it fires. Where the client cannot be cancelled — an `exec`
 * credential plugin or an OIDC refresh running before the request — the check runner still
 * bounds the call by abandoning its promise at the check's timeout.
 *
 * Failures answered by the API server are thrown as {@link KubeError}; network and TLS failures
 * are thrown as they come (toUserError maps both).
 */
export class KubeClient {
  private readonly timeoutMs: number;

  constructor(
    readonly kc: KubeConfig,
    opts: { requestTimeoutMs?: number } = {},
  ) {
    this.timeoutMs = opts.requestTimeoutMs ?? 10_000;
  }

  /** The API server URL of the current context. */
  get server(): string {
    return this.kc.getCurrentCluster()?.server ?? '';
  }

  /**
   * A fresh API object whose requests carry the call's signal (combined with the timeout) and
   * record request lines and status codes.
   */
  private api<T>(Api: new (config: ReturnType<typeof createConfiguration>) => T, call: KubeCallOptions): T {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const exchanges = call.exchanges;
    let current: { request: string; response?: string } | undefined;
    const config = createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: this.kc },
      promiseMiddleware: [
        {
          pre: async (ctx: RequestContext) => {
            ctx.setSignal(signal as unknown as Parameters<RequestContext['setSignal']>[0]);
            if (exchanges) {
              current = { request: `${ctx.getHttpMethod()} ${ctx.getUrl()}` };
              exchanges.push(current);
            }
            return ctx;
          },
          post: async (res: ResponseContext) => {
            if (current) current.response = String(res.httpStatusCode);
            return res;
          },
        },
      ],
    });
    return new Api(config);
  }

  /** Runs a client call, converting the API server's errors into KubeError. */
  private async call<R>(fn: () => Promise<R>): Promise<R> {
    try {
      return await fn();
    } catch (e) {
      throw toKubeError(e);
    }
  }

  /** Like {@link call}, but a 404 is `undefined`. */
  private async optional<R>(fn: () => Promise<R>): Promise<R | undefined> {
    try {
      return await fn();
    } catch (e) {
      const k = toKubeError(e);
      if (
        k instanceof Error &&
        k.name === 'KubeError' &&
        (k as unknown as { statusCode: number }).statusCode === 404
      )
        return undefined;
      throw k;
    }
  }

  /** `GET /version`: the server's gitVersion (`v1.33.1`), major and minor. */
  async getServerVersion(call: KubeCallOptions = {}): Promise<ServerVersion> {
    const v = await this.call(() => this.api(VersionApi, call).getCode());
    return { gitVersion: v.gitVersion, major: v.major, minor: v.minor, platform: v.platform };
  }

  /**
   * Asks the API server, one SelfSubjectAccessReview per entry (sent concurrently), whether the
   * kubeconfig's identity may do each thing. Results keep the input order.
   */
  async selfSubjectAccessReview(
    checks: readonly AccessCheck[],
    call: KubeCallOptions = {},
  ): Promise<AccessResult[]> {
    const api = this.api(AuthorizationV1Api, call);
    return Promise.all(
      checks.map(async (c) => {
        const review = await this.call(() =>
          api.createSelfSubjectAccessReview({
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: {
                resourceAttributes: {
                  verb: c.verb,
                  group: c.group,
                  resource: c.resource,
                  namespace: c.namespace,
                  name: c.name,
                  subresource: c.subresource,
                },
              },
            },
          }),
        );
        const s = review.status;
        const result: AccessResult = { ...c, allowed: !!s?.allowed, denied: !!s?.denied };
        if (s?.reason) result.reason = s.reason;
        if (s?.evaluationError) result.evaluationError = s.evaluationError;
        return result;
      }),
    );
  }

  /** IngressClasses with their controller and the default-class annotation. */
  async listIngressClasses(call: KubeCallOptions = {}): Promise<ClassInfo[]> {
    const list = await this.call(() => this.api(NetworkingV1Api, call).listIngressClass());
    return list.items.map((i) => ({
      name: i.metadata?.name ?? '',
      implementation: i.spec?.controller ?? '',
      isDefault: i.metadata?.annotations?.[INGRESS_DEFAULT] === 'true',
    }));
  }

  /** StorageClasses with their provisioner and the default-class annotation (GA or beta). */
  async listStorageClasses(call: KubeCallOptions = {}): Promise<ClassInfo[]> {
    const list = await this.call(() => this.api(StorageV1Api, call).listStorageClass());
    return list.items.map((s) => ({
      name: s.metadata?.name ?? '',
      implementation: s.provisioner,
      isDefault:
        s.metadata?.annotations?.[STORAGE_DEFAULT] === 'true' ||
        s.metadata?.annotations?.[STORAGE_DEFAULT_BETA] === 'true',
    }));
  }

  /** The namespace, or undefined when it does not exist. */
  async getNamespace(name: string, call: KubeCallOptions = {}): Promise<V1Namespace | undefined> {
    return this.optional(() => this.api(CoreV1Api, call).readNamespace({ name }));
  }

  /** A CRD's served versions and Established condition, or undefined when it is not installed. */
  async getCrd(name: string, call: KubeCallOptions = {}): Promise<CrdInfo | undefined> {
    const crd = await this.optional(() =>
      this.api(ApiextensionsV1Api, call).readCustomResourceDefinition({ name }),
    );
    if (!crd) return undefined;
    return {
      name,
      versions: crd.spec.versions.filter((v) => v.served).map((v) => v.name),
      established: !!crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True'),
    };
  }

  /**
   * Helm releases, from the Secrets Helm 3/4 store them in (label `owner=helm`): the latest
   * revision of each, with its status. All namespaces when `namespace` is omitted.
   */
  async listHelmReleases(namespace?: string, call: KubeCallOptions = {}): Promise<HelmReleaseInfo[]> {
    const api = this.api(CoreV1Api, call);
    const labelSelector = 'owner=helm';
    const list = await this.call(() =>
      namespace
        ? api.listNamespacedSecret({ namespace, labelSelector })
        : api.listSecretForAllNamespaces({ labelSelector }),
    );
    const latest = new Map<string, HelmReleaseInfo>();
    for (const s of list.items) {
      const labels = s.metadata?.labels ?? {};
      const name = labels.name;
      const revision = Number(labels.version);
      if (!name || !Number.isFinite(revision)) continue;
      const ns = s.metadata?.namespace ?? '';
      const key = `${ns}/${name}`;
      const prev = latest.get(key);
      if (!prev || revision > prev.revision)
        latest.set(key, { name, namespace: ns, revision, status: labels.status ?? '' });
    }
    return [...latest.values()].sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
    );
  }

  /** One custom object, or undefined when it does not exist. */
  async getCustomObject<T = KubernetesObject>(
    ref: { group: string; version: string; plural: string; namespace?: string; name: string },
    call: KubeCallOptions = {},
  ): Promise<T | undefined> {
    const api = this.api(CustomObjectsApi, call);
    return this.optional(
      () =>
        (ref.namespace
          ? api.getNamespacedCustomObject({
              group: ref.group,
              version: ref.version,
              plural: ref.plural,
              namespace: ref.namespace,
              name: ref.name,
            })
          : api.getClusterCustomObject({
              group: ref.group,
              version: ref.version,
              plural: ref.plural,
              name: ref.name,
            })) as Promise<T>,
    );
  }

  /** Custom objects of one kind, in a namespace or (namespace omitted) everywhere. */
  async listCustomObjects<T = KubernetesObject>(
    ref: { group: string; version: string; plural: string; namespace?: string },
    call: KubeCallOptions = {},
  ): Promise<T[]> {
    const api = this.api(CustomObjectsApi, call);
    const list = (await this.call(() =>
      ref.namespace
        ? api.listNamespacedCustomObject({
            group: ref.group,
            version: ref.version,
            plural: ref.plural,
            namespace: ref.namespace,
          })
        : api.listClusterCustomObject({ group: ref.group, version: ref.version, plural: ref.plural }),
    )) as { items?: T[] };
    return list.items ?? [];
  }

  /** The `WeightsAndBiases` objects (apps.wandb.com/v1), in one namespace or all. */
  async listWeightsAndBiases(namespace?: string, call: KubeCallOptions = {}): Promise<KubernetesObject[]> {
    return this.listCustomObjects(
      { group: WANDB_CR.group, version: WANDB_CR.version, plural: WANDB_CR.plural, namespace },
      call,
    );
  }

  /** One `WeightsAndBiases` object, or undefined. */
  async getWeightsAndBiases(
    namespace: string,
    name: string,
    call: KubeCallOptions = {},
  ): Promise<KubernetesObject | undefined> {
    return this.getCustomObject(
      { group: WANDB_CR.group, version: WANDB_CR.version, plural: WANDB_CR.plural, namespace, name },
      call,
    );
  }

  /**
   * Server-side apply (`PATCH` with `application/apply-patch+yaml`, field manager
   * `wandb-airgap-wizard`, force on conflicts): the same input applied twice changes nothing.
   * `dryRun` sends `dryRun=All` (validated and admitted, not persisted).
   */
  async serverSideApply<T extends KubernetesObject>(
    object: T,
    opts: KubeCallOptions & { dryRun?: boolean; force?: boolean; fieldManager?: string } = {},
  ): Promise<T> {
    const api = this.api(KubernetesObjectApi, opts);
    return this.call(
      () =>
        api.patch(
          object,
          undefined,
          opts.dryRun ? 'All' : undefined,
          opts.fieldManager ?? FIELD_MANAGER,
          opts.force ?? true,
          PatchStrategy.ServerSideApply,
        ) as Promise<T>,
    );
  }
}
