import { z } from 'zod';

import { msg } from './field-errors';
import { DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX, hasControlCharacter, parseRegistryAddress } from './formats';
import { checkPemBundle } from './pem-field';

/** `host[:port][/prefix]` of a registry (empty allowed here; the form that needs one says so). */
const registryHostField = z.string().superRefine((value, ctx) => {
  if (value === '') return;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    ctx.addIssue({ code: 'custom', message: msg('config.registry.host.scheme'), params: {} });
  } else if (parseRegistryAddress(value) === null) {
    ctx.addIssue({ code: 'custom', message: msg('config.registry.host.invalid'), params: {} });
  }
});

/**
 * How to reach and log in to a registry: the fields the Registry step and the Mirror step's
 * source registry share (the same validation, the same form components).
 */
export const registryConnectionFields = {
  host: registryHostField,
  username: z
    .string()
    .max(255, msg('config.tooLong'))
    .refine((value) => !value.includes(':'), msg('config.registry.username.colon'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine')),
  password: z.string().max(4096, msg('config.tooLong')),
  caBundle: z.string(),
  plainHttp: z.boolean(),
  insecureSkipVerify: z.boolean(),
};

/** The rules between the connection fields: both or neither credential, no TLS options with plain HTTP, a PEM bundle. */
export function checkRegistryConnection(
  registry: Pick<Registry, 'username' | 'password' | 'caBundle' | 'plainHttp' | 'insecureSkipVerify'>,
  ctx: z.RefinementCtx,
): void {
  if ((registry.username === '') !== (registry.password === '')) {
    const path = registry.username === '' ? 'username' : 'password';
    ctx.addIssue({
      code: 'custom',
      message: msg('config.credentials.bothOrNeither'),
      path: [path],
      params: {},
    });
  }
  if (registry.plainHttp && registry.insecureSkipVerify) {
    ctx.addIssue({
      code: 'custom',
      message: msg('config.registry.insecureSkipVerify.withPlainHttp'),
      path: ['insecureSkipVerify'],
      params: {},
    });
  }
  if (registry.plainHttp && registry.caBundle.trim() !== '') {
    ctx.addIssue({
      code: 'custom',
      message: msg('config.registry.caBundle.withPlainHttp'),
      path: ['caBundle'],
      params: {},
    });
  }
  checkPemBundle(registry.caBundle, ctx, ['caBundle']);
}

/**
 * The internal container registry: `host[:port][/prefix]`, optional credentials (turned into
 * an image pull secret named `pullSecretName` in both namespaces), a CA bundle, and plain HTTP /
 * skip-TLS-verify as explicit opt-ins, off by default.
 */
export const registrySchema = z
  .object({
    ...registryConnectionFields,
    host: z.string().min(1, msg('config.required')).pipe(registryHostField),
    pullSecretName: z
      .string()
      .min(1, msg('config.required'))
      .refine((value) => value.length <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.test(value), {
        message: msg('config.name.dnsSubdomain'),
        params: { maximum: DNS_SUBDOMAIN_MAX },
      }),
  })
  .superRefine(checkRegistryConnection);
export type Registry = z.infer<typeof registrySchema>;

export const defaultRegistry: Registry = {
  host: '',
  username: '',
  password: '',
  caBundle: '',
  plainHttp: false,
  insecureSkipVerify: false,
  pullSecretName: 'wandb-registry-pull',
};
