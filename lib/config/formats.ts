import semverValid from 'semver/functions/valid';

/**
 * Shapes of the values a consultant types, shared by the section schemas.
 * Pure and browser-safe: every check here also runs in the forms.
 */

/** RFC 1123 label, as Kubernetes names namespaces: `wandb`, `default`. */
export const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
export const DNS_LABEL_MAX = 63;

/** RFC 1123 subdomain, as Kubernetes names most objects (Secrets, ConfigMaps). */
export const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
export const DNS_SUBDOMAIN_MAX = 253;

/** Helm refuses release names longer than 53 characters; the CR name is the release name. */
export const RELEASE_NAME_MAX = 53;

/** Environment variable names the chart renders into containers: a C identifier. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Name part of a Kubernetes qualified name (annotation and label keys). */
const QUALIFIED_NAME_PART = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Docker reference path component (distribution/reference grammar). */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = `(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[0-9a-fA-F:.]+\\])`;
const PORT = '(?::[0-9]{1,5})?';

const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const REGISTRY_HOST_RE = new RegExp(`^${DOMAIN}${PORT}$`);
const REPOSITORY_RE = new RegExp(`^(?:${DOMAIN}${PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);

/** Image tag grammar (distribution/reference). */
export const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;

/** Host name or IPv4 address as a database endpoint is given (no scheme, no port). */
const HOSTNAME_RE = new RegExp(`^${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*$`);
const IPV6_RE = /^[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?::\d{1,3}(?:\.\d{1,3}){3})?$/;

/** True for a DNS name, an IPv4 address or an IPv6 address (without brackets). */
export function isHostname(value: string): boolean {
  return value.length <= 253 && (HOSTNAME_RE.test(value) || IPV6_RE.test(value));
}

function portInRange(hostPort: string): boolean {
  const match = /:([0-9]{1,5})$/.exec(hostPort);
  if (!match || hostPort.endsWith(']')) return true;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535;
}

/** Where images live: `registry.example.com:5000/mirror` → host `registry.example.com:5000`, prefix `mirror`. */
export interface RegistryAddress {
  /** `host[:port]`, the key of `.dockerconfigjson` and the Bitnami `image.registry`. */
  readonly host: string;
  /** Path under the host where the mirrored images sit (`''` or `mirror`, `team/mirror`). */
  readonly prefix: string;
}

/**
 * Parses `host[:port][/path]` as a consultant types it for the internal registry.
 * Returns null for anything else (a scheme, spaces, upper case in the path, a trailing slash).
 */
export function parseRegistryAddress(value: string): RegistryAddress | null {
  if (value.length === 0 || value.length > 255) return null;
  const slash = value.indexOf('/');
  const host = slash === -1 ? value : value.slice(0, slash);
  const prefix = slash === -1 ? '' : value.slice(slash + 1);
  if (!REGISTRY_HOST_RE.test(host) || !portInRange(host)) return null;
  if (slash !== -1 && !PATH_RE.test(prefix)) return null;
  return { host, prefix };
}

/** True for a repository as an image key takes it: `[host[:port]/]path` without tag or digest. */
export function isImageRepository(value: string): boolean {
  if (value.length > 255 || !REPOSITORY_RE.test(value)) return false;
  const first = value.split('/')[0] ?? '';
  return portInRange(first);
}

/** True for a strict semantic version (`0.18.0`, `1.4.8`); Helm chart versions are SemVer 2. */
export function isSemver(value: string): boolean {
  return semverValid(value) === value;
}

/** True for an absolute http(s) URL with a host and no credentials or whitespace. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}

/** Parses `oci://host[:port]/path` into its registry host and repository path; null when malformed. */
export function parseOciUrl(value: string): { host: string; path: string } | null {
  if (!value.startsWith('oci://')) return null;
  const rest = value.slice('oci://'.length).replace(/\/+$/, '');
  const address = parseRegistryAddress(rest);
  if (!address || address.prefix === '') return null;
  return { host: address.host, path: address.prefix };
}

/** True for a Kubernetes qualified name: `[prefix/]name`, as annotation keys are written. */
export function isQualifiedName(value: string): boolean {
  const parts = value.split('/');
  if (parts.length > 2) return false;
  const name = parts.length === 2 ? (parts[1] ?? '') : (parts[0] ?? '');
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME_PART.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    return prefix.length > 0 && prefix.length <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.test(prefix);
  }
  return true;
}

/** True when the text contains a control character other than tab (used for one-line fields). */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value);
}
