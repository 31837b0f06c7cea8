import {
  defaultInstallConfig,
  emptyMysql,
  type FieldErrors,
  imagesSchema,
  type InstallConfig,
  mirrorSchema,
  registrySchema,
  toFieldErrors,
  withDefaults,
} from '@/lib/config';
import { z } from 'zod';

const mirrorSections = z.object({ registry: registrySchema, images: imagesSchema, mirror: mirrorSchema });

/**
 * The configuration a mirror needs, from a draft that may be incomplete elsewhere: the Mirror step
 * comes before the others, so only the sections it reads are validated (registry, image
 * overrides, the source folder); the chart version and the MySQL mode (which decide the image
 * list) are taken as they stand. Pure.
 */
export function mirrorConfigFromDraft(
  values: unknown,
): { ok: true; config: InstallConfig } | { ok: false; fieldErrors: FieldErrors } {
  const laid = withDefaults(values) as Partial<InstallConfig>;
  const parsed = mirrorSections.safeParse(laid);
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error, laid) };
  const version = laid.charts?.platform?.version;
  const mode = laid.mysql?.mode === 'in-cluster' ? 'in-cluster' : 'external';
  return {
    ok: true,
    config: {
      ...defaultInstallConfig,
      ...parsed.data,
      charts: {
        ...defaultInstallConfig.charts,
        platform: {
          ...defaultInstallConfig.charts.platform,
          version: typeof version === 'string' ? version : defaultInstallConfig.charts.platform.version,
        },
      },
      mysql: emptyMysql(mode),
    },
  };
}
