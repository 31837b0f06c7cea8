import 'server-only';

import {
  ApiextensionsV1Api,
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  createConfiguration,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  RbacAuthorizationV1Api,
  type RequestContext,
  type ResponseContext,
  ServerConfiguration,
  StorageV1Api,
  type V1Namespace,
  VersionApi,
} from '@kubernetes/client-node';

import { isKubeError, toKubeError } from './errors';

type ApiClass<A> = new (config: ReturnType<typeof createConfiguration>) => A;

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
  /**
   * When this revision was last written (ISO 8601): label `modifiedAt`, else `createdAt` (Unix
   * seconds). Helm 3.17 and 4 set `createdAt` on new revisions and `modifiedAt` when they update
   * one; older Helm sets neither.
   */
  updatedAt?: string;
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
   * A fresh API object whose requests carry `signal` and record request lines and status codes.
   */
  private api<T>(Api: ApiClass<T>, signal: AbortSignal, exchanges: KubeCallOptions['exchanges']): T {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
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

  /**
   * Runs one client call with an API object bound to the caller's signal and this client's
   * request timeout. API-server failures become KubeError; a request timeout becomes a
   * TimeoutError (node-fetch reports both cancels alike, so the cause is told apart here).
   */
  private async must<A, R>(Api: ApiClass<A>, call: KubeCallOptions, fn: (api: A) => Promise<R>): Promise<R> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      return await fn(this.api(Api, signal, call.exchanges));
    } catch (e) {
      if (timeout.aborted && !call.signal?.aborted) {
        throw Object.assign(new Error(`no answer from ${this.server} within ${this.timeoutMs} ms`), {
          name: 'TimeoutError',
          code: 'ETIMEDOUT',
          cause: e,
        });
      }
      throw toKubeError(e);
    }
  }

  /** Like {@link must}, but a 404 is `undefined`. */
  private async maybe<A, R>(
    Api: ApiClass<A>,
    call: KubeCallOptions,
    fn: (api: A) => Promise<R>,
  ): Promise<R | undefined> {
    try {
      return await this.must(Api, call, fn);
    } catch (e) {
      if (isKubeError(e) && e.statusCode === 404) return undefined;
      throw e;
    }
  }

  /** `GET /version`: the server's gitVersion (`v1.33.1`), major and minor. */
  async getServerVersion(call: KubeCallOptions = {}): Promise<ServerVersion> {
    const v = await this.must(VersionApi, call, (api) => api.getCode());
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
    return Promise.all(
      checks.map(async (c) => {
        const review = await this.must(AuthorizationV1Api, call, (api) =>
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
        const st = review.status;
        const result: AccessResult = { ...c, allowed: !!st?.allowed, denied: !!st?.denied };
        if (st?.reason) result.reason = st.reason;
        if (st?.evaluationError) result.evaluationError = st.evaluationError;
        return result;
      }),
    );
  }

  /**
   * Who the API server takes the kubeconfig's credentials for (SelfSubjectReview,
   * authentication.k8s.io/v1, GA since Kubernetes 1.28): the user name and groups, as
   * `kubectl auth whoami` prints them.
   */
  async whoAmI(call: KubeCallOptions = {}): Promise<{ username: string; groups: string[] }> {
    const review = await this.must(AuthenticationV1Api, call, (api) =>
      api.createSelfSubjectReview({
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      }),
    );
    const info = review.status?.userInfo;
    return { username: info?.username ?? '', groups: info?.groups ?? [] };
  }

  /**
   * The Helm release that owns a ClusterRole (its `meta.helm.sh/release-name` and
   * `-namespace` annotations; empty when it was made otherwise), or undefined when there is none.
   */
  async getClusterRoleOwner(
    name: string,
    call: KubeCallOptions = {},
  ): Promise<{ release: string; namespace: string } | undefined> {
    const role = await this.maybe(RbacAuthorizationV1Api, call, (api) => api.readClusterRole({ name }));
    if (!role) return undefined;
    const annotations = role.metadata?.annotations ?? {};
    return {
      release: annotations['meta.helm.sh/release-name'] ?? '',
      namespace: annotations['meta.helm.sh/release-namespace'] ?? '',
    };
  }

  /** The names of the cluster's namespaces, sorted. */
  async listNamespaceNames(call: KubeCallOptions = {}): Promise<string[]> {
    const list = await this.must(CoreV1Api, call, (api) => api.listNamespace());
    return list.items
      .map((n) => n.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
  }

  /**
   * The names of a namespace's Secrets of one type (`kubernetes.io/tls`), sorted. The list call
   * returns the Secrets' data too; only the names leave this function.
   */
  async listSecretNames(namespace: string, type: string, call: KubeCallOptions = {}): Promise<string[]> {
    const list = await this.must(CoreV1Api, call, (api) =>
      api.listNamespacedSecret({ namespace, fieldSelector: `type=${type}` }),
    );
    return list.items
      .map((s) => s.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
  }

  /** IngressClasses with their controller and the default-class annotation. */
  async listIngressClasses(call: KubeCallOptions = {}): Promise<ClassInfo[]> {
    const list = await this.must(NetworkingV1Api, call, (api) => api.listIngressClass());
    return list.items.map((i) => ({
      name: i.metadata?.name ?? '',
      implementation: i.spec?.controller ?? '',
      isDefault: i.metadata?.annotations?.[INGRESS_DEFAULT] === 'true',
    }));
  }

  /** StorageClasses with their provisioner and the default-class annotation (GA or beta). */
  async listStorageClasses(call: KubeCallOptions = {}): Promise<ClassInfo[]> {
    const list = await this.must(StorageV1Api, call, (api) => api.listStorageClass());
    return list.items.map((sc) => ({
      name: sc.metadata?.name ?? '',
      implementation: sc.provisioner,
      isDefault:
        sc.metadata?.annotations?.[STORAGE_DEFAULT] === 'true' ||
        sc.metadata?.annotations?.[STORAGE_DEFAULT_BETA] === 'true',
    }));
  }

  /** The namespace, or undefined when it does not exist. */
  async getNamespace(name: string, call: KubeCallOptions = {}): Promise<V1Namespace | undefined> {
    return this.maybe(CoreV1Api, call, (api) => api.readNamespace({ name }));
  }

  /** A CRD's served versions and Established condition, or undefined when it is not installed. */
  async getCrd(name: string, call: KubeCallOptions = {}): Promise<CrdInfo | undefined> {
    const crd = await this.maybe(ApiextensionsV1Api, call, (api) =>
      api.readCustomResourceDefinition({ name }),
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
    const latest = new Map<string, HelmReleaseInfo>();
    for (const info of await this.helmRevisions('owner=helm', namespace, call)) {
      const key = `${info.namespace}/${info.name}`;
      const prev = latest.get(key);
      if (!prev || info.revision > prev.revision) latest.set(key, info);
    }
    return [...latest.values()].sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name),
    );
  }

  /** Every stored revision of one Helm release (its history as Secrets), oldest first. */
  async listHelmRevisions(
    namespace: string,
    release: string,
    call: KubeCallOptions = {},
  ): Promise<HelmReleaseInfo[]> {
    const revisions = await this.helmRevisions(`owner=helm,name=${release}`, namespace, call);
    return revisions.filter((r) => r.name === release).sort((a, b) => a.revision - b.revision);
  }

  /** The Helm release Secrets matching `labelSelector`, each read from its labels. */
  private async helmRevisions(
    labelSelector: string,
    namespace: string | undefined,
    call: KubeCallOptions,
  ): Promise<HelmReleaseInfo[]> {
    const list = await this.must(CoreV1Api, call, (api) =>
      namespace
        ? api.listNamespacedSecret({ namespace, labelSelector })
        : api.listSecretForAllNamespaces({ labelSelector }),
    );
    const out: HelmReleaseInfo[] = [];
    for (const secret of list.items) {
      const labels = secret.metadata?.labels ?? {};
      const name = labels.name;
      const revision = Number(labels.version);
      if (!name || !Number.isFinite(revision)) continue;
      const seconds = Number(labels.modifiedAt ?? labels.createdAt);
      out.push({
        name,
        namespace: secret.metadata?.namespace ?? '',
        revision,
        status: labels.status ?? '',
        ...(Number.isFinite(seconds) && seconds > 0
          ? { updatedAt: new Date(seconds * 1000).toISOString() }
          : {}),
      });
    }
    return out;
  }

  /** One custom object, or undefined when it does not exist. */
  async getCustomObject<T = KubernetesObject>(
    ref: { group: string; version: string; plural: string; namespace?: string; name: string },
    call: KubeCallOptions = {},
  ): Promise<T | undefined> {
    const { group, version, plural, namespace, name } = ref;
    return this.maybe(
      CustomObjectsApi,
      call,
      (api) =>
        (namespace
          ? api.getNamespacedCustomObject({ group, version, plural, namespace, name })
          : api.getClusterCustomObject({ group, version, plural, name })) as Promise<T>,
    );
  }

  /** Custom objects of one kind, in a namespace or (namespace omitted) everywhere. */
  async listCustomObjects<T = KubernetesObject>(
    ref: { group: string; version: string; plural: string; namespace?: string },
    call: KubeCallOptions = {},
  ): Promise<T[]> {
    const { group, version, plural, namespace } = ref;
    const list = (await this.must(CustomObjectsApi, call, (api) =>
      namespace
        ? api.listNamespacedCustomObject({ group, version, plural, namespace })
        : api.listClusterCustomObject({ group, version, plural }),
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
   * `dryRun` sends `dryRun=All` (validated and admitted, not persisted). Returns the object as
   * the API server stored it.
   */
  async serverSideApply<T extends KubernetesObject>(
    object: T,
    opts: KubeCallOptions & { dryRun?: boolean; force?: boolean; fieldManager?: string } = {},
  ): Promise<T & KubernetesObject> {
    return this.must(
      KubernetesObjectApi,
      opts,
      (api) =>
        api.patch(
          object,
          undefined,
          opts.dryRun ? 'All' : undefined,
          opts.fieldManager ?? FIELD_MANAGER,
          opts.force ?? true,
          PatchStrategy.ServerSideApply,
        ) as Promise<T & KubernetesObject>,
    );
  }
}
