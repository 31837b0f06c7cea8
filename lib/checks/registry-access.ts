import 'server-only';

import { setMaxListeners } from 'node:events';

import { parseRegistryAddress, type Registry } from '@/lib/config';
import {
  type Exchange,
  type ManifestResult,
  mapWithConcurrency,
  parseImageReference,
  RegistryClient,
  type RegistryClientOptions,
  type RegistryFailure,
} from '@/lib/registry';

import type { ChecksInput } from './input';

/** How to reach `registry` (`host[:port]`) with a form's connection fields: TLS trust (the CA bundle alone, or an explicit skip) and login. */
export function connectionClientOptions(
  r: Pick<Registry, 'plainHttp' | 'caBundle' | 'insecureSkipVerify' | 'username' | 'password'>,
  registry: string,
  requestTimeoutMs: number,
): RegistryClientOptions {
  return {
    registry,
    plainHttp: r.plainHttp,
    ...(r.caBundle.trim() ? { ca: r.caBundle } : {}),
    insecureSkipTlsVerify: r.insecureSkipVerify,
    ...(r.username ? { username: r.username, password: r.password } : {}),
    requestTimeoutMs,
  };
}

/** How to reach the internal registry, from the configuration: host, TLS trust and credentials. */
export function registryClientOptions(
  config: ChecksInput['config'],
  requestTimeoutMs: number,
): RegistryClientOptions & { prefix: string } {
  const r = config.registry;
  const address = parseRegistryAddress(r.host);
  return {
    ...connectionClientOptions(r, address?.host ?? r.host, requestTimeoutMs),
    prefix: address?.prefix ?? '',
  };
}

/** A tag found in its repository's tag list (one request for many tags of one repository). */
export interface ListedPresence {
  kind: 'present';
  method: 'tags/list';
  exchanges: Exchange[];
}

/** One image asked for, and the registry's answer. */
export interface ImagePresence {
  image: string;
  result: ManifestResult | ListedPresence | (RegistryFailure & { exchanges: [] });
}

/**
 * From this many tags of one repository on, the repository's tag list is read once instead of a
 * manifest request per tag: a registry with htpasswd pays a bcrypt per authenticated request, and
 * a list of 100 tags of one repository then costs one or two requests instead of 100.
 */
export const LIST_TAGS_FROM = 4;

/**
 * Asks the registry for each image: the manifest (HEAD, GET where HEAD is refused), concurrently;
 * where several tags of one repository are asked, the repository's tag list once (tags it does
 * not list are then asked by manifest, so a missing image always has the registry's own answer,
 * and a registry that refuses tag lists is asked per manifest). Images on another registry than
 * the configured one are asked anonymously of that registry, with the same TLS trust. An
 * unparsable reference is a protocol error naming it.
 */
export async function verifyImages(
  images: readonly string[],
  opts: RegistryClientOptions,
  signal: AbortSignal,
  concurrency = 16,
): Promise<ImagePresence[]> {
  // Every request in flight listens on the check's signal; many images are expected, not a leak.
  setMaxListeners(Math.max(64, concurrency * 4), signal);
  const clients = new Map<string, RegistryClient>();
  const clientFor = (registry: string) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(
        registry === opts.registry
          ? { ...opts, maxSockets: concurrency }
          : { ...opts, registry, username: undefined, password: undefined, maxSockets: concurrency },
      );
      clients.set(registry, c);
    }
    return c;
  };
  try {
    const out: ImagePresence[] = new Array(images.length);
    const parsed = images.map((image, i) => ({ i, image, ref: parseImageReference(image) }));
    const byRepository = new Map<
      string,
      { registry: string; repository: string; tags: Array<{ i: number; tag: string }> }
    >();
    for (const { i, image, ref } of parsed) {
      if (ref.error) {
        out[i] = {
          image,
          result: {
            kind: 'protocol-error',
            detail: ref.error.params.reason ?? 'invalid reference',
            exchanges: [],
          },
        };
        continue;
      }
      const { registry, repository, reference } = ref.value;
      if (reference.startsWith('sha256:')) continue;
      const key = `${registry}/${repository}`;
      const group = byRepository.get(key) ?? { registry, repository, tags: [] };
      group.tags.push({ i, tag: reference });
      byRepository.set(key, group);
    }
    const listed = [...byRepository.values()].filter((g) => g.tags.length >= LIST_TAGS_FROM);
    await mapWithConcurrency(listed, concurrency, async ({ registry, repository, tags }) => {
      const list = await clientFor(registry).listTags(repository, { signal, pageSize: 1000 });
      if (list.kind !== 'ok') return;
      const have = new Set(list.tags);
      // The list's own exchanges are shown once, with the first image it lists.
      let exchanges = list.exchanges;
      for (const { i, tag } of tags) {
        if (!have.has(tag)) continue;
        out[i] = { image: images[i] ?? '', result: { kind: 'present', method: 'tags/list', exchanges } };
        exchanges = [];
      }
    });
    const rest = parsed.filter((p) => out[p.i] === undefined);
    await mapWithConcurrency(rest, concurrency, async ({ i, image, ref }) => {
      if (ref.error) return;
      out[i] = {
        image,
        result: await clientFor(ref.value.registry).headManifest(ref.value.repository, ref.value.reference, {
          signal,
        }),
      };
    });
    return out;
  } finally {
    for (const c of clients.values()) c.close();
  }
}

/** Short English text of a failure kind for evidence and lists ("missing", "unauthorized", …). */
export function failureLabel(f: RegistryFailure): string {
  switch (f.kind) {
    case 'missing':
      return `missing (${f.status})`;
    case 'unauthorized':
      return `unauthorized (${f.status})`;
    case 'forbidden':
      return `forbidden (${f.status})`;
    case 'tls-error':
      return `TLS failure (${f.code})`;
    case 'unreachable':
      return `unreachable (${f.code})`;
    case 'timeout':
      return `timeout after ${f.afterMs} ms`;
    case 'aborted':
      return 'aborted';
    case 'protocol-error':
      return `protocol error ${f.status ?? ''} ${f.detail}`.trim();
  }
}
