import { z } from 'zod';

import { msg } from './field-errors';
import { DNS_SUBDOMAIN, DNS_SUBDOMAIN_MAX, ENV_NAME, isHttpUrl } from './formats';

export const envVarSchema = z.object({
  key: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => ENV_NAME.test(value), msg('config.platform.extraEnv.key.invalid')),
  value: z.string().max(32_768, msg('config.tooLong')),
});
export type EnvVar = z.infer<typeof envVarSchema>;

/**
 * The StorageClass of the volumes the platform claims (Redis, Prometheus, in-cluster MySQL): a
 * Kubernetes object name (DNS-1123 subdomain), or '' for the cluster's default class. Optional so
 * that configurations written before it parse unchanged; absent and '' mean the same.
 */
export const storageClassSchema = z
  .string()
  .refine((value) => value === '' || (value.length <= DNS_SUBDOMAIN_MAX && DNS_SUBDOMAIN.test(value)), {
    message: msg('config.platform.storageClass.invalid'),
    params: { maximum: DNS_SUBDOMAIN_MAX },
  });

/**
 * The platform itself: its external URL, the license, `global.extraEnv` (a map in the chart, a
 * list here so that forms can add rows; keys must be unique), and the StorageClass of its volumes.
 */
export const platformSchema = z.object({
  host: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => isHttpUrl(value) && !/[?#]/.test(value), msg('config.platform.host.invalid')),
  license: z.string().min(1, msg('config.required')).max(65_536, msg('config.tooLong')),
  extraEnv: z.array(envVarSchema).superRefine((vars, ctx) => {
    const seen = new Map<string, number>();
    vars.forEach((envVar, index) => {
      const first = seen.get(envVar.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: msg('config.duplicateKey'),
          path: [index, 'key'],
          params: { first: first + 1 },
        });
      } else {
        seen.set(envVar.key, index);
      }
    });
  }),
  storageClass: storageClassSchema.optional(),
});
export type Platform = z.infer<typeof platformSchema>;

export const defaultPlatform: Platform = {
  host: '',
  license: '',
  extraEnv: [],
};

/** The StorageClass named for the platform's volumes, '' (or absent: the default configuration) for the cluster's default. */
export function storageClassOf(platform: Pick<Platform, 'storageClass'>): string {
  return platform.storageClass ?? '';
}
