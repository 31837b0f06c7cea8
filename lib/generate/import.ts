import {
  CHART_LINES,
  CHART_QUIRKS,
  chartLineFor,
  mirrorPath,
  mirrorRepository,
  parseChartBucketPath,
  s3Target,
  STORAGE_CLASS_KEYS,
  type CatalogImage,
  type ChartLine,
  type DeepPartial,
  type ImageId,
  type ImageKey,
  type InstallConfig,
  type Message,
} from '@/lib/config';

import { LOCAL_CHART_PATH, PLATFORM_CHART_NAME } from './wandb-cr';
import { parseYaml, type YamlError } from './yaml';

/**
 * The reverse of the generators: an existing wandb.yaml and/or operator values.yaml (text) to a
 * partial InstallConfig, for consultants who start from files written by hand or by an earlier
 * run. Every document gets `{ error }`; keys this importer does not map are listed (dotted paths)
 * so that nothing is dropped silently. Generating and importing again gives back the fields it
 * covers (a property test).
 */

export interface DocumentResult {
  /** Why the document could not be read (never its content), or null. */
  readonly error: Message | null;
}

export interface ImportResult {
  readonly config: DeepPartial<InstallConfig>;
  readonly documents: { readonly wandbYaml?: DocumentResult; readonly valuesYaml?: DocumentResult };
  /** Dotted paths (`wandb.yaml:spec.values.global.foo`) of everything not mapped onto the configuration. */
  readonly unknownKeys: readonly string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Reads values out of a document and remembers what was read; the rest is reported as unknown. */
class Reader {
  private readonly consumed = new Set<string>();

  constructor(
    private readonly root: unknown,
    /** File name and the path of `root` inside it, for the report. */
    private readonly file: string,
    private readonly base: readonly string[] = [],
  ) {}

  private static key(path: readonly string[]): string {
    return JSON.stringify(path);
  }

  get(path: readonly string[]): unknown {
    let node: unknown = this.root;
    for (const part of path) {
      if (!isObject(node)) return undefined;
      node = node[part];
    }
    return node;
  }

  /** Reads a value and marks it (and everything under it) as understood. */
  take(path: readonly string[]): unknown {
    const value = this.get(path);
    if (value !== undefined) this.consumed.add(Reader.key(path));
    return value;
  }

  takeString(path: readonly string[]): string | undefined {
    const value = this.get(path);
    const text = asString(value);
    if (text !== undefined) this.consumed.add(Reader.key(path));
    return text;
  }

  /** Leaf paths never taken (an empty mapping counts as a leaf). */
  unknown(): string[] {
    const result: string[] = [];
    const walk = (node: unknown, path: string[]) => {
      if (this.consumed.has(Reader.key(path))) return;
      if (isObject(node) && Object.keys(node).length > 0) {
        for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
        return;
      }
      result.push(`${this.file}:${[...this.base, ...path].join('.')}`);
    };
    walk(this.root, []);
    return result;
  }
}

function yamlError(error: YamlError): Message {
  return {
    key: 'generate.import.syntax',
    params: { line: error.line, column: error.column, reason: error.reason },
  };
}

function readDocument(text: string): { value: Json; error: null } | { value: null; error: Message } {
  const parsed = parseYaml(text);
  if (parsed.error) return { value: null, error: yamlError(parsed.error) };
  if (!isObject(parsed.value))
    return { value: null, error: { key: 'generate.import.notMapping', params: {} } };
  return { value: parsed.value, error: null };
}

/** An image found in the files: its catalogue entry and the repository and tag set for it. */
interface FoundImage {
  readonly image: CatalogImage;
  readonly repository: string;
  readonly tag: string;
}

function readImageKey(
  reader: Reader,
  base: readonly string[],
  image: CatalogImage,
  style: ImageKey['style'],
): FoundImage | null {
  const repository = reader.takeString([...base, 'repository']);
  const tag = reader.takeString([...base, 'tag']);
  if (repository === undefined && tag === undefined) return null;
  let full = repository ?? '';
  if (style === 'bitnami') {
    const registry = reader.takeString([...base, 'registry']);
    if (registry !== undefined && registry !== '' && full !== '') full = `${registry}/${full}`;
  }
  return { image, repository: full, tag: tag ?? '' };
}

function lineOf(version: string | undefined, values: Reader): ChartLine {
  const match = version ? chartLineFor(version) : null;
  if (match) return match.line;
  // No usable version: the 0.43 hooks are the telltale of the newer line.
  return values.get(['appRenamePreHook']) !== undefined ||
    values.get(['weave', 'image', 'repository']) === 'wandb/weave-python'
    ? CHART_LINES['0.43']
    : CHART_LINES['0.18'];
}

/** Picks the registry (`host[:port][/prefix]`) most images agree on, and the overrides of the others. */
function inferImages(
  found: readonly FoundImage[],
  line: ChartLine,
): { registry?: string; images: DeepPartial<InstallConfig['images']> } {
  const votes = new Map<string, number>();
  for (const entry of found) {
    const suffix = `/${mirrorPath(entry.image.source)}`;
    if (entry.repository.endsWith(suffix) && entry.repository.length > suffix.length) {
      const candidate = entry.repository.slice(0, -suffix.length);
      votes.set(candidate, (votes.get(candidate) ?? 0) + 1);
    }
  }
  let registry: string | undefined;
  let best = 0;
  for (const [candidate, count] of votes) {
    if (count > best) {
      registry = candidate;
      best = count;
    }
  }
  const tags = new Map<ImageId, string>(found.map((entry) => [entry.image.id, entry.tag]));
  const defaultTagOf = (image: CatalogImage): string => {
    const spec = image.defaultTag;
    if (typeof spec === 'string') return spec;
    const ref = line.images.find((candidate) => candidate.id === spec.sameAs);
    return ref ? (tags.get(ref.id) ?? (typeof ref.defaultTag === 'string' ? ref.defaultTag : '')) : '';
  };
  const images: Record<string, { repository: string; tag: string }> = {};
  for (const entry of found) {
    const ruled = registry === undefined ? undefined : mirrorRepository(entry.image.source, registry);
    images[entry.image.id] = {
      repository: entry.repository === ruled ? '' : entry.repository,
      tag: entry.tag === defaultTagOf(entry.image) ? '' : entry.tag,
    };
  }
  return { registry, images: images as DeepPartial<InstallConfig['images']> };
}

function mapOfStrings(value: unknown): Array<{ key: string; value: string }> | undefined {
  if (!isObject(value)) return undefined;
  return Object.entries(value).map(([key, entry]) => ({ key, value: asString(entry) ?? '' }));
}

function importCr(
  cr: Reader,
  config: DeepPartial<InstallConfig> & Json,
  found: FoundImage[],
  unknownKeys: string[],
): ChartLine {
  const kind = cr.takeString(['kind']);
  cr.take(['apiVersion']);
  if (kind !== undefined && kind !== 'WeightsAndBiases') throw new WrongKind(kind);
  const target: Json = {};
  const name = cr.takeString(['metadata', 'name']);
  const namespace = cr.takeString(['metadata', 'namespace']);
  if (name !== undefined) target.crName = name;
  if (namespace !== undefined) target.crNamespace = namespace;
  for (const label of ['app.kubernetes.io/instance', 'app.kubernetes.io/name'])
    cr.take(['metadata', 'labels', label]);
  config.target = target;

  // Chart source.
  const chartPath = cr.takeString(['spec', 'chart', 'path']);
  const url = cr.takeString(['spec', 'chart', 'url']);
  const version = cr.takeString(['spec', 'chart', 'version']);
  const username = cr.takeString(['spec', 'chart', 'username']) ?? '';
  const password = cr.takeString(['spec', 'chart', 'password']) ?? '';
  let source: Json | undefined;
  if (chartPath !== undefined) {
    source = { kind: 'local' };
    if (chartPath !== LOCAL_CHART_PATH) cr.take(['spec', 'chart', 'path']);
  } else if (url?.startsWith('oci://')) {
    const suffix = `/${PLATFORM_CHART_NAME}`;
    const plainHttp = cr.take(['spec', 'chart', 'plainHTTP']) === true;
    source = {
      kind: 'oci',
      url: url.endsWith(suffix) ? url.slice(0, -suffix.length) : url,
      username,
      password,
      plainHttp,
    };
  } else if (url !== undefined) {
    if (cr.get(['spec', 'chart', 'name']) === PLATFORM_CHART_NAME) cr.take(['spec', 'chart', 'name']);
    source = { kind: 'repo', url, username, password };
  }
  const values = new Reader(cr.get(['spec', 'values']), 'wandb.yaml', ['spec', 'values']);
  const line = lineOf(version, values);
  const platformChart: Json = {};
  if (source) platformChart.source = source;
  // A local chart carries its version inside the archive; the image keys tell the line, whose
  // checked version stands in until the consultant confirms it.
  platformChart.version = version ?? line.verifiedVersion;
  config.charts = { platform: platformChart };
  const g = (...path: string[]) => ['global', ...path];

  // Platform.
  const platform: Json = {};
  const host = values.takeString(g('host'));
  if (host !== undefined) platform.host = host;
  const license = values.takeString(g('license'));
  const secrets: Json = {};
  if (license !== undefined) {
    platform.license = license;
    secrets.delivery = 'inline';
  }
  const licenseSecret = values.takeString(g('licenseSecret', 'name'));
  if (licenseSecret !== undefined) {
    values.take(g('licenseSecret', 'key'));
    secrets.delivery = 'secretRef';
    secrets.licenseSecretName = licenseSecret;
  }
  platform.extraEnv = mapOfStrings(values.take(g('extraEnv'))) ?? [];
  // The StorageClass, at any key the generator writes it (lib/config/storage-class.ts): the first
  // decides; another class at another key stays unknown, so the report names it.
  for (const key of STORAGE_CLASS_KEYS) {
    const value = asString(values.get(key.at));
    if (value === undefined || (platform.storageClass !== undefined && value !== platform.storageClass))
      continue;
    values.take(key.at);
    platform.storageClass = value;
  }
  config.platform = platform;

  // Bucket.
  const providerValue = values.takeString(g('bucket', 'provider'));
  if (providerValue !== undefined || values.get(g('bucket')) !== undefined) {
    const provider = providerValue === 'az' ? 'azure' : (providerValue ?? 's3');
    const bucket: Json = { provider };
    const fields =
      provider === 's3'
        ? ['name', 'path', 'region', 'kmsKey', 'accessKey', 'secretKey']
        : provider === 'azure'
          ? ['name', 'path', 'accessKey']
          : ['name', 'path'];
    // An absent field is the chart's empty default.
    for (const field of fields) bucket[field] = values.takeString(g('bucket', field)) ?? '';
    if (provider === 's3') {
      // `?tls=true` ends the app's bucket URL for an endpoint served over TLS; without it W&B speaks plain HTTP.
      const { path, tls } = parseChartBucketPath(String(bucket.path));
      bucket.path = path;
      bucket.plainHttp = !tls && s3Target({ name: String(bucket.name), path }).endpoint !== undefined;
    }
    const bucketSecret = values.takeString(g('bucket', 'secret', 'secretName'));
    if (bucketSecret !== undefined) {
      values.take(g('bucket', 'secret', 'accessKeyName'));
      values.take(g('bucket', 'secret', 'secretKeyName'));
      secrets.delivery = 'secretRef';
      secrets.bucketSecretName = bucketSecret;
    }
    // The file says how W&B signs in: keys (inline or in a Secret), or none (the nodes' cloud role).
    if (provider === 's3')
      bucket.credentials = bucket.accessKey !== '' || bucketSecret !== undefined ? 'keys' : 'role';
    config.bucket = bucket as DeepPartial<InstallConfig['bucket']>;
  }

  // MySQL.
  const install = values.take(['mysql', 'install']) === true;
  const mysql: Json = { mode: install ? 'in-cluster' : 'external' };
  for (const field of install ? ['database', 'user', 'password'] : ['host', 'database', 'user', 'password']) {
    const value = values.takeString(g('mysql', field));
    if (value !== undefined) mysql[field] = value;
  }
  // No password: the chart generates one (in-cluster) or the Secret holds it.
  if (mysql.password === undefined) mysql.password = '';
  const port = values.get(g('mysql', 'port'));
  if (!install && (typeof port === 'number' || (typeof port === 'string' && /^[0-9]+$/.test(port)))) {
    values.take(g('mysql', 'port'));
    mysql.port = Number(port);
  }
  const mysqlSecret = values.takeString(g('mysql', 'passwordSecret', 'name'));
  if (mysqlSecret !== undefined) {
    values.take(g('mysql', 'passwordSecret', 'passwordKey'));
    secrets.delivery = 'secretRef';
    secrets.mysqlSecretName = mysqlSecret;
  }
  config.mysql = mysql as DeepPartial<InstallConfig['mysql']>;
  if (Object.keys(secrets).length > 0) config.secrets = secrets;

  // Ingress: what the CR leaves out is the chart's default (no class, no annotations, no TLS).
  const ingress: Json = {
    class: values.takeString(['ingress', 'class']) ?? '',
    annotations: mapOfStrings(values.take(['ingress', 'annotations'])) ?? [],
    tls: { enabled: false, secretName: '' },
  };
  const tls = values.get(['ingress', 'tls']);
  if (Array.isArray(tls) && tls.length === 1 && isObject(tls[0]) && typeof tls[0].secretName === 'string') {
    values.take(['ingress', 'tls']);
    ingress.tls = { enabled: true, secretName: tls[0].secretName };
  }
  config.ingress = ingress;

  // Certificates and registry plumbing.
  const cas = values.get(g('customCACerts'));
  if (Array.isArray(cas) && cas.every((entry) => typeof entry === 'string')) {
    values.take(g('customCACerts'));
    config.certificates = { bundle: cas.map((pem) => `${pem.trim()}\n`).join('') };
  }
  const pullSecrets = values.get(g('imagePullSecrets'));
  if (Array.isArray(pullSecrets) && pullSecrets.length > 0) {
    const first = pullSecrets[0];
    const name = typeof first === 'string' ? first : isObject(first) ? asString(first.name) : undefined;
    if (name !== undefined) {
      values.take(g('imagePullSecrets'));
      config.registry = { ...(config.registry as Json | undefined), pullSecretName: name };
    }
  }
  values.take(g('imageRegistry'));
  // The pull secret the generator repeats for subcharts that ignore the global one.
  for (const quirk of CHART_QUIRKS) values.take(quirk.pullSecretsAt);

  // Images: the first key of each image decides; a different value at another key is reported.
  const seen = new Map<ImageId, FoundImage>();
  for (const image of line.images) {
    if (image.artifact !== 'crValues') continue;
    for (const key of image.keys) {
      const before = seen.get(image.id);
      const snapshot = before
        ? { repository: values.get([...key.path, 'repository']), tag: values.get([...key.path, 'tag']) }
        : null;
      const entry = readImageKey(values, key.path, image, key.style);
      if (!entry) continue;
      if (!before) {
        seen.set(image.id, entry);
        found.push(entry);
      } else if (snapshot && (entry.repository !== before.repository || entry.tag !== before.tag)) {
        unknownKeys.push(`wandb.yaml:spec.values.${key.path.join('.')}`);
      }
    }
  }

  if (values.get([]) !== undefined) unknownKeys.push(...values.unknown());
  cr.take(['spec', 'values']);
  return line;
}

/** Thrown inside {@link importCr} for a document of another kind. */
class WrongKind extends Error {
  constructor(readonly kind: string) {
    super('wrong kind');
  }
}

/**
 * Reads wandb.yaml and/or the operator's values.yaml into a partial configuration.
 * Lay the result over the defaults with `withDefaults` and validate it before use.
 */
export function importInstallConfig(input: {
  readonly wandbYaml?: string;
  readonly valuesYaml?: string;
}): ImportResult {
  const config: DeepPartial<InstallConfig> & Json = {};
  const documents: { wandbYaml?: DocumentResult; valuesYaml?: DocumentResult } = {};
  const unknownKeys: string[] = [];
  const found: FoundImage[] = [];
  let line: ChartLine = CHART_LINES['0.18'];

  if (input.wandbYaml !== undefined) {
    const document = readDocument(input.wandbYaml);
    if (document.error) {
      documents.wandbYaml = { error: document.error };
    } else {
      const cr = new Reader(document.value, 'wandb.yaml');
      const valuesUnknown: string[] = [];
      try {
        line = importCr(cr, config, found, valuesUnknown);
        documents.wandbYaml = { error: null };
        unknownKeys.push(...cr.unknown(), ...valuesUnknown);
      } catch (error) {
        if (!(error instanceof WrongKind)) throw error;
        documents.wandbYaml = { error: { key: 'generate.import.wrongKind', params: { kind: error.kind } } };
        for (const key of Object.keys(config)) delete config[key];
        found.length = 0;
      }
    }
  }

  if (input.valuesYaml !== undefined) {
    const document = readDocument(input.valuesYaml);
    if (document.error) {
      documents.valuesYaml = { error: document.error };
    } else {
      const values = new Reader(document.value, 'values.yaml');
      const controller = line.images.find((image) => image.id === 'controller');
      const entry = controller ? readImageKey(values, ['image'], controller, 'repository') : null;
      if (entry) found.push(entry);
      const pullSecrets = values.get(['image', 'pullSecrets']);
      if (Array.isArray(pullSecrets) && typeof pullSecrets[0] === 'string') {
        values.take(['image', 'pullSecrets']);
        config.registry = { ...(config.registry as Json | undefined), pullSecretName: pullSecrets[0] };
      }
      values.take(['airgapped']);
      const cas = values.get(['customCACerts']);
      if (Array.isArray(cas) && cas.every((pem) => typeof pem === 'string')) {
        values.take(['customCACerts']);
        const existing = (config.certificates as { bundle?: string } | undefined)?.bundle ?? '';
        const extra = cas.map((pem) => `${pem.trim()}\n`).filter((pem) => !existing.includes(pem.trim()));
        config.certificates = { bundle: existing + extra.join('') };
      }
      documents.valuesYaml = { error: null };
      unknownKeys.push(...values.unknown());
    }
  }

  if (found.length > 0) {
    const { registry, images } = inferImages(found, line);
    config.images = images;
    if (registry !== undefined)
      config.registry = { ...(config.registry as Json | undefined), host: registry };
  }
  return { config, documents, unknownKeys };
}
