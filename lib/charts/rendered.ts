import yaml from 'js-yaml';

/**
 * `helm template` output read as Helm and the API server read it, for the images it starts: the
 * one parser of rendered manifests, for the Charts step's reading (lib/charts/fetch-chart) and the
 * rendered-images check (lib/checks/rendered-images). Pure.
 */

/** The two charts an install renders. */
export type ChartName = 'operator' | 'operator-wandb';

/** One image a rendered chart would pull, and where it appears. */
export interface RenderedImage {
  image: string;
  chart: ChartName;
  /** `Deployment/wandb-weave: container weave`, one per use. */
  uses: string[];
}

const POD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'ReplicaSet',
  'ReplicationController',
]);

/** The value at `path` under `value`, or undefined. */
export function dig(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const part of path)
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function podSpecOf(doc: { kind?: unknown; spec?: unknown }): unknown {
  if (doc.kind === 'Pod') return doc.spec;
  if (doc.kind === 'CronJob') return dig(doc.spec, ['jobTemplate', 'spec', 'template', 'spec']);
  if (typeof doc.kind === 'string' && POD_KINDS.has(doc.kind)) return dig(doc.spec, ['template', 'spec']);
  return undefined;
}

/** A document of `helm template` output that could not be read, by its `# Source:` path. */
export interface UnreadableDocument {
  /** `operator-wandb/charts/app/templates/deployment.yaml`, or `document N` without a Source line. */
  source: string;
  reason: string;
}

/** What `helm template` output would run: the images, the test resources it never starts, what it could not read. */
export interface RenderedManifests {
  images: RenderedImage[];
  /** Resources annotated `helm.sh/hook: test`: `helm test` starts them, an install never does. */
  testHooks: RenderedImage[];
  unreadable: UnreadableDocument[];
}

const TEST_HOOKS = new Set(['test', 'test-success', 'test-failure']);

function isTestHook(doc: { metadata?: { annotations?: unknown } }): boolean {
  const hook = dig(doc.metadata?.annotations, ['helm.sh/hook']);
  return typeof hook === 'string' && hook.split(',').some((h) => TEST_HOOKS.has(h.trim()));
}

/**
 * Reads `helm template` output one document at a time, the way Helm and the API server accept it:
 * a repeated key (the real charts repeat labels under `matchLabels`) keeps its last value. A
 * document that still cannot be read is reported, never dropped silently. Pure.
 */
export function readRendered(manifests: string, chart: ChartName): RenderedManifests {
  const found = new Map<string, RenderedImage>();
  const tests = new Map<string, RenderedImage>();
  const unreadable: UnreadableDocument[] = [];
  const add = (into: Map<string, RenderedImage>, image: string, use: string) => {
    const entry = into.get(image) ?? { image, chart, uses: [] };
    entry.uses.push(use);
    into.set(image, entry);
  };
  manifests.split(/^---[ \t]*(?:#.*)?$/m).forEach((text, index) => {
    if (text.trim() === '') return;
    let doc: unknown;
    try {
      doc = yaml.load(text, { schema: yaml.CORE_SCHEMA, json: true });
    } catch (e) {
      const source = /^# Source: (.+)$/m.exec(text)?.[1]?.trim() ?? `document ${index + 1}`;
      unreadable.push({ source, reason: (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '' });
      return;
    }
    if (!doc || typeof doc !== 'object') return;
    const d = doc as { kind?: unknown; metadata?: { name?: unknown; annotations?: unknown } };
    const pod = podSpecOf(d as { kind?: unknown; spec?: unknown });
    if (!pod) return;
    const into = isTestHook(d) ? tests : found;
    for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
      const list = dig(pod, [field]);
      if (!Array.isArray(list)) continue;
      for (const c of list as Array<{ name?: unknown; image?: unknown }>) {
        if (typeof c.image !== 'string' || c.image === '') continue;
        add(
          into,
          c.image,
          `${String(d.kind)}/${String(d.metadata?.name ?? '')}: ${field === 'containers' ? 'container' : field.replace(/s$/, '')} ${String(c.name ?? '')}`,
        );
      }
    }
  });
  return { images: [...found.values()], testHooks: [...tests.values()], unreadable };
}
