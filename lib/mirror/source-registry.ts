import 'server-only';

import {
  type MirrorRegistry,
  parseRegistryAddress,
  sourceRegistryLocation,
  type SourceRegistryLocation,
} from '@/lib/config';
import { connectionClientOptions } from '@/lib/checks/registry-access';
import { RegistryClient, type RegistryClientOptions } from '@/lib/registry';
import { registryApiHost } from '@/lib/registry/mirror-registry-source';

/**
 * How to reach a source registry: the configured address with its TLS trust (the CA bundle alone,
 * or an explicit skip-verify) and login; a public registry (`registry` as references name it)
 * anonymously with the system's roots. Pure.
 */
export function sourceClientOptions(
  source: MirrorRegistry,
  registry: string,
  requestTimeoutMs: number,
): RegistryClientOptions {
  if (source.public) return { registry: registryApiHost(registry), requestTimeoutMs };
  return connectionClientOptions(source, registry, requestTimeoutMs);
}

/** The source registries of one plan or run: a client per host, made when first asked, closed together. */
export interface SourceClients {
  location: SourceRegistryLocation;
  /** `host[:port]` of the configured source registry (undefined for the public registries). */
  host?: string;
  clientFor: (registry: string) => RegistryClient;
  close: () => void;
}

/** The clients of the configuration's source registry, or null when it has no valid address. */
export function sourceClients(source: MirrorRegistry, requestTimeoutMs: number): SourceClients | null {
  const location = sourceRegistryLocation(source);
  if (!location) return null;
  const clients = new Map<string, RegistryClient>();
  const clientFor = (registry: string) => {
    let c = clients.get(registry);
    if (!c) {
      c = new RegistryClient(sourceClientOptions(source, registry, requestTimeoutMs));
      clients.set(registry, c);
    }
    return c;
  };
  const host = location.public ? undefined : parseRegistryAddress(location.address)?.host;
  return {
    location,
    ...(host ? { host } : {}),
    clientFor,
    close: () => {
      for (const c of clients.values()) c.close();
    },
  };
}
