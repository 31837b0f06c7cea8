import {
  type ChartSource,
  chartSourceSchema,
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
 * list) are taken as they stand, and each chart source (where the charts are pushed) when it is
 * valid; an invalid one stays the empty default, which the mirror reports as not configured. Pure.
 */
export function mirrorConfigFromDraft(
  values: unknown,
): { ok: true; config: InstallConfig } | { ok: false; fieldErrors: FieldErrors } {
  const laid = withDefaults(values) as Partial<InstallConfig>;
  const parsed = mirrorSections.safeParse(laid);
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error, laid) };
  const version = laid.charts?.platform?.version;
  const source = (value: unknown, fallback: ChartSource): ChartSource => {
    const p = chartSourceSchema.safeParse(value);
    return p.success ? p.data : fallback;
  };
  const mode = laid.mysql?.mode === 'in-cluster' ? 'in-cluster' : 'external';
  return {
    ok: true,
    config: {
      ...defaultInstallConfig,
      ...parsed.data,
      charts: {
        operator: {
          ...defaultInstallConfig.charts.operator,
          source: source(laid.charts?.operator?.source, defaultInstallConfig.charts.operator.source),
        },
        platform: {
          ...defaultInstallConfig.charts.platform,
          source: source(laid.charts?.platform?.source, defaultInstallConfig.charts.platform.source),
          version: typeof version === 'string' ? version : defaultInstallConfig.charts.platform.version,
        },
      },
      mysql: emptyMysql(mode),
    },
  };
}
