import 'server-only';

import { mirrorPath as configMirrorPath } from '@/lib/config';

/** A parsed, normalised image reference (distribution/reference grammar, Docker's defaults). */
export interface ImageReference {
  /** Registry host with optional port: `docker.io`, `quay.io`, `localhost:5000`, `[::1]:5000`. */
  registry: string;
  /** Repository path inside the registry: `library/redis`, `wandb/local`. */
  repository: string;
  /** The tag; `latest` when neither tag nor digest was written. */
  tag?: string;
  /** `algorithm:hex`, when the reference pins a digest. */
  digest?: string;
  /** What to ask the registry for: the digest when there is one, else the tag. */
  reference: string;
}

/** Parse result: `{ value }` or `{ error }` with a message key, never a throw. */
export type ParseResult<T> =
  | { value: T; error?: undefined }
  | { value?: undefined; error: { key: string; params: Record<string, string> } };

export const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const NAME_TOTAL_MAX = 255;

// distribution/reference regexp.go, written out.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})`;
const DOMAIN_RE = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HEX64_RE = /^[a-f0-9]{64}$/;

const fail = (reference: string, reason: string): ParseResult<never> => ({
  error: { key: 'errors.registry.badReference', params: { reference, reason } },
});

/**
 * Whether the first path component names a registry host: it has a dot or a port, is
 * `localhost`, or has upper-case letters (Docker's rule; repository paths are lower-case).
 */
function looksLikeDomain(first: string): boolean {
  return /[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase();
}

/**
 * Parses an image reference as `docker pull` does: `redis` → `docker.io/library/redis:latest`,
 * `localhost:5000/a/b:tag`, `host/path@sha256:…`, `host/path:tag@sha256:…`. Pure.
 */
export function parseImageReference(input: string): ParseResult<ImageReference> {
  const ref = input.trim();
  if (ref === '') return fail(input, 'empty');
  if (/\s/.test(ref)) return fail(input, 'contains whitespace');

  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) return fail(input, `invalid digest "${digest}"`);
    const [algorithm, hex = ''] = digest.split(':');
    if (algorithm === 'sha256' && !/^[a-f0-9]{64}$/.test(hex))
      return fail(input, 'a sha256 digest has 64 lower-case hex characters');
    if (algorithm === 'sha512' && !/^[a-f0-9]{128}$/.test(hex))
      return fail(input, 'a sha512 digest has 128 lower-case hex characters');
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) return fail(input, `invalid tag "${tag}"`);
  }
  if (rest === '') return fail(input, 'no repository name');
  if (rest.length > NAME_TOTAL_MAX) return fail(input, `name longer than ${NAME_TOTAL_MAX} characters`);

  let registry = DEFAULT_REGISTRY;
  let repository = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0 && looksLikeDomain(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    repository = rest.slice(slash + 1);
    if (!DOMAIN_RE.test(registry)) return fail(input, `invalid registry host "${registry}"`);
  }
  if (registry === LEGACY_DEFAULT_REGISTRY) registry = DEFAULT_REGISTRY;
  if (repository !== repository.toLowerCase()) return fail(input, 'repository name must be lower-case');
  if (!PATH_RE.test(repository)) return fail(input, `invalid repository "${repository}"`);
  if (registry === DEFAULT_REGISTRY && HEX64_RE.test(repository))
    return fail(input, 'a 64-character hex string is an image ID, not a name');
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = OFFICIAL_PREFIX + repository;

  if (!tag && !digest) tag = 'latest';
  const value: ImageReference = { registry, repository, reference: digest ?? (tag as string) };
  if (tag) value.tag = tag;
  if (digest) value.digest = digest;
  return { value };
}

/** Writes a reference back out in full: `registry/repository[:tag][@digest]`. */
export function formatImageReference(
  r: Pick<ImageReference, 'registry' | 'repository' | 'tag' | 'digest'>,
): string {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}

/**
 * The path of an image in a mirror (the configuration's one rule, `mirrorPath` of lib/config): the
 * source repository without its registry host, and without Docker Hub's implicit `library/`
 * (`docker.io/library/mysql` → `mysql`; `quay.io/prometheus/prometheus` → `prometheus/prometheus`).
 */
export function mirrorPath(source: ImageReference): string {
  return configMirrorPath(`${source.registry}/${source.repository}`);
}

/**
 * Maps a public image to its copy in an internal registry: `<registry>/<prefix>/<path>` with the
 * same tag and digest. `prefix` may be empty. Pure.
 */
export function mirrorImageReference(
  source: string,
  target: { registry: string; prefix?: string },
): ParseResult<ImageReference> {
  const parsed = parseImageReference(source);
  if (parsed.error) return parsed;
  const prefix = (target.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const repository = prefix ? `${prefix}/${mirrorPath(parsed.value)}` : mirrorPath(parsed.value);
  if (!DOMAIN_RE.test(target.registry))
    return fail(target.registry, `invalid registry host "${target.registry}"`);
  if (!PATH_RE.test(repository)) return fail(source, `invalid mirror repository "${repository}"`);
  return { value: { ...parsed.value, registry: target.registry, repository } };
}
