import { z } from 'zod';

import { msg } from './field-errors';
import { hasControlCharacter, parseRegistryAddress } from './formats';
import { mirrorRepository } from './image-ref';
import { checkRegistryConnection, registryConnectionFields } from './registry';

/** True for an absolute path on the wizard's machine (`/media/usb/bundle`). */
export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/');
}

/**
 * The registry the Mirror step copies from, when the wizard's machine reaches both sides: an
 * address `host[:port][/prefix]` under which the images sit host-stripped (see
 * {@link sourceRegistryRef}), or (`public`) each image's own public registry (docker.io, quay.io…)
 * for a connected machine. Login and TLS as on the Registry step; the password is a secret
 * (`mirror.registry.password` in SECRET_FIELD_PATHS). A public source takes no login and no TLS
 * options: the system's roots are trusted and each registry is asked anonymously.
 */
export const mirrorRegistrySchema = z
  .object({ public: z.boolean(), ...registryConnectionFields })
  .superRefine((value, ctx) => {
    checkRegistryConnection(value, ctx);
    if (!value.public) return;
    for (const field of ['host', 'username', 'password', 'caBundle'] as const)
      if (value[field] !== '')
        ctx.addIssue({
          code: 'custom',
          message: msg('config.mirror.registry.public'),
          path: [field],
          params: {},
        });
    for (const field of ['plainHttp', 'insecureSkipVerify'] as const)
      if (value[field])
        ctx.addIssue({
          code: 'custom',
          message: msg('config.mirror.registry.public'),
          path: [field],
          params: {},
        });
  });
export type MirrorRegistry = z.infer<typeof mirrorRegistrySchema>;

/** `os/architecture[/variant]` in lower case, as OCI platforms are written (`linux/amd64`, `linux/arm/v7`). */
const PLATFORM = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/;

/** True for a platform as the Mirror step takes it: `os/architecture[/variant]`, lower case. */
export function isPlatform(value: string): boolean {
  return value.length <= 64 && PLATFORM.test(value);
}

/**
 * The platforms to keep of an image index (`linux/amd64`…); empty keeps every platform. An entry
 * without a variant keeps every variant of its architecture (`linux/arm` keeps `linux/arm/v7`).
 */
export const mirrorPlatformsSchema = z
  .array(z.string())
  .max(32, msg('config.tooManyItems'))
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (!isPlatform(value))
        ctx.addIssue({
          code: 'custom',
          message: msg('config.mirror.platforms.format'),
          path: [i],
          params: { value: value.slice(0, 64) },
        });
      else if (seen.has(value))
        ctx.addIssue({
          code: 'custom',
          message: msg('config.mirror.platforms.duplicate'),
          path: [i],
          params: { value },
        });
      seen.add(value);
    });
  });

/**
 * The Mirror step: where the images to push come from. `folder`: a folder on the wizard's machine
 * (`source`: a `wsm download` bundle, or a folder of `docker save` / OCI-layout archives; empty
 * when the step is skipped). `registry`: another registry (`registry`), copied registry to
 * registry. Nothing of it is installed on the cluster.
 */
export const mirrorSchema = z
  .object({
    from: z.enum(['folder', 'registry'], { error: msg('config.invalidOption') }),
    source: z
      .string()
      .max(4096, msg('config.tooLong'))
      .refine((value) => !hasControlCharacter(value), msg('config.singleLine'))
      .refine((value) => value === '' || isAbsolutePath(value), msg('config.mirror.source.absolute')),
    registry: mirrorRegistrySchema,
    platforms: mirrorPlatformsSchema,
  })
  .superRefine((value, ctx) => {
    if (value.from === 'registry' && !value.registry.public && value.registry.host === '')
      ctx.addIssue({
        code: 'custom',
        message: msg('config.required'),
        path: ['registry', 'host'],
        params: {},
      });
  });
export type Mirror = z.infer<typeof mirrorSchema>;

export const defaultMirrorRegistry: MirrorRegistry = {
  public: false,
  host: '',
  username: '',
  password: '',
  caBundle: '',
  plainHttp: false,
  insecureSkipVerify: false,
};

export const defaultMirror: Mirror = {
  from: 'folder',
  source: '',
  registry: defaultMirrorRegistry,
  platforms: [],
};

/** Where a source registry is: each image's own public registry, or one address (`host[:port][/prefix]`). */
export type SourceRegistryLocation = { public: true } | { public: false; address: string };

/** Splits `repo[:tag][@digest]` into its repository and what follows it (`:tag`, `@digest`, or both). */
function splitReference(ref: string): { repository: string; rest: string } {
  const at = ref.indexOf('@');
  const name = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? '' : ref.slice(at);
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  return {
    repository: tagged ? name.slice(0, colon) : name,
    rest: (tagged ? name.slice(colon) : '') + digest,
  };
}

/**
 * Where an image of the configuration (its public `sourceRef`) sits in the source registry: the
 * same host-stripped rule the internal registry uses (`mirrorRepository`), as `wsm registry mirror`
 * writes it, so a registry filled by a mirror (or by `wsm`) is a source as it is:
 *
 *   docker.io/wandb/local:0.62.2        + src.example.com/prefix → src.example.com/prefix/wandb/local:0.62.2
 *   quay.io/prometheus/prometheus:v3.1  + src.example.com        → src.example.com/prometheus/prometheus:v3.1
 *   docker.io/library/mysql:8.0         + src.example.com        → src.example.com/mysql:8.0
 *
 * With `public`, the public reference itself. Pure.
 */
export function sourceRegistryRef(sourceRef: string, location: SourceRegistryLocation): string {
  if (location.public) return sourceRef;
  const { repository, rest } = splitReference(sourceRef);
  return `${mirrorRepository(repository, location.address)}${rest}`;
}

/** The location of the configuration's source registry, or null when it has no valid address. */
export function sourceRegistryLocation(registry: MirrorRegistry): SourceRegistryLocation | null {
  if (registry.public) return { public: true };
  return parseRegistryAddress(registry.host) ? { public: false, address: registry.host } : null;
}
