import 'server-only';

import { setMaxListeners } from 'node:events';

import { parseRegistryAddress } from '@/lib/config';
import {
  type ManifestResult,
  parseImageReference,
  RegistryClient,
  type RegistryClientOptions,
  type RegistryFailure,
} from '@/lib/registry';

import type { ChecksInput } from './input';

/** How to reach the internal registry, from the configuration: host, TLS trust and credentials. */
export function registryClientOptions(
  config: ChecksInput['config'],
  requestTimeoutMs: number,
): RegistryClientOptions & { prefix: string } {
  const r = config.registry;
  const address = parseRegistryAddress(r.host);
  return {
    registry: address?.host ?? r.host,
    prefix: address?.prefix ?? '',
    plainHttp: r.plainHttp,
    ...(r.caBundle.trim() ? { ca: r.caBundle } : {}),
    insecureSkipTlsVerify: r.insecureSkipVerify,
    ...(r.username ? { username: r.username, password: r.password } : {}),
    requestTimeoutMs,
  };
}

/** One image asked for, and the registry's answer. */
export interface ImagePresence {
  image: string;
  result: ManifestResult | (RegistryFailure & { exchanges: [] });
}

/**
 * Asks the registry for each image's manifest (HEAD, GET where HEAD is refused), concurrently.
 * Images on another registry than the configured one are asked anonymously of that registry, with
 * the same TLS trust. An unparsable reference is a protocol error naming it.
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
    const queue = [...images.entries()];
    const out: ImagePresence[] = new Array(images.length);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [i, image] = next;
        const parsed = parseImageReference(image);
        if (parsed.error) {
          out[i] = {
            image,
            result: {
              kind: 'protocol-error',
              detail: parsed.error.params.reason ?? 'invalid reference',
              exchanges: [],
            },
          };
          continue;
        }
        const ref = parsed.value;
        out[i] = {
          image,
          result: await clientFor(ref.registry).headManifest(ref.repository, ref.reference, { signal }),
        };
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, images.length)) }, worker));
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
