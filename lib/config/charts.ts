import { z } from 'zod';

import { chartLineFor, SUPPORTED_CHART_LINES } from './chart-images';
import { chartReadingSchema } from './chart-reading';
import { msg } from './field-errors';
import { DNS_LABEL, hasControlCharacter, isHttpUrl, isSemver, parseOciUrl } from './formats';
import { checkPemBundle } from './pem-field';

const credentials = {
  username: z
    .string()
    .max(255, msg('config.tooLong'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine')),
  password: z.string().max(4096, msg('config.tooLong')),
};

/** A classic Helm repository (`index.yaml` over http(s)), added under a local alias. */
export const repoChartSourceSchema = z.object({
  kind: z.literal('repo'),
  url: z.string().min(1, msg('config.required')).refine(isHttpUrl, msg('config.charts.url.invalid')),
  /** Alias for `helm repo add`; the runbook installs `<repoName>/operator` with the same alias. */
  repoName: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => value.length <= 63 && DNS_LABEL.test(value), {
      message: msg('config.name.dnsLabel'),
      params: { maximum: 63 },
    }),
  ...credentials,
  caBundle: z.string(),
  insecureSkipVerify: z.boolean(),
});

/** An OCI registry holding charts: `oci://host[:port]/path` (the chart name is appended). */
export const ociChartSourceSchema = z.object({
  kind: z.literal('oci'),
  url: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => parseOciUrl(value) !== null, msg('config.charts.ociUrl.invalid')),
  ...credentials,
  caBundle: z.string(),
  plainHttp: z.boolean(),
  insecureSkipVerify: z.boolean(),
});

/**
 * A chart archive on the machine that runs the commands. For `operator` Helm installs the file;
 * for `operator-wandb` it goes into the `wandb-charts` ConfigMap in the operator namespace and the
 * CR points at `spec.chart.path: /charts/operator-wandb` (wandb-values.md, WSM `deploy chart-cm`).
 */
export const localChartSourceSchema = z.object({
  kind: z.literal('local'),
  path: z
    .string()
    .min(1, msg('config.required'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine'))
    .refine((value) => /\.tgz$/i.test(value), msg('config.charts.path.tgz')),
});

export const chartSourceSchema = z
  .discriminatedUnion('kind', [repoChartSourceSchema, ociChartSourceSchema, localChartSourceSchema])
  .superRefine((source, ctx) => {
    if (source.kind === 'local') return;
    if ((source.username === '') !== (source.password === '')) {
      const path = source.username === '' ? 'username' : 'password';
      ctx.addIssue({
        code: 'custom',
        message: msg('config.credentials.bothOrNeither'),
        path: [path],
        params: {},
      });
    }
    if (
      source.kind === 'oci' &&
      source.plainHttp &&
      (source.insecureSkipVerify || source.caBundle.trim() !== '')
    ) {
      ctx.addIssue({
        code: 'custom',
        message: msg('config.charts.plainHttp.withTls'),
        path: ['plainHttp'],
        params: {},
      });
    }
    if (source.kind === 'repo' && source.url.startsWith('http:') && source.caBundle.trim() !== '') {
      ctx.addIssue({
        code: 'custom',
        message: msg('config.charts.caBundle.withHttp'),
        path: ['caBundle'],
        params: {},
      });
    }
    checkPemBundle(source.caBundle, ctx, ['caBundle']);
  });
export type ChartSource = z.infer<typeof chartSourceSchema>;
export type RepoChartSource = z.infer<typeof repoChartSourceSchema>;
export type OciChartSource = z.infer<typeof ociChartSourceSchema>;
export type LocalChartSource = z.infer<typeof localChartSourceSchema>;

/**
 * Where `operator` and `operator-wandb` come from, and their versions. The operator chart's
 * version may be empty (the newest the repository holds, as in the procedure); the platform's
 * must be exact, because its image keys depend on it. `reading` is what the wizard read from the
 * chart archive itself (lib/charts), when it could get it: the generator takes its image keys.
 * Without it the nearest version line of `chart-images.ts` is used, with a warning.
 */
export const chartsSchema = z.object({
  operator: z.object({
    source: chartSourceSchema,
    version: z
      .string()
      .refine((value) => value === '' || isSemver(value), msg('config.charts.version.invalid')),
    reading: chartReadingSchema.optional(),
  }),
  platform: z.object({
    source: chartSourceSchema,
    version: z
      .string()
      .min(1, msg('config.required'))
      .superRefine((value, ctx) => {
        if (value === '') return;
        if (!isSemver(value)) {
          ctx.addIssue({ code: 'custom', message: msg('config.charts.version.invalid'), params: {} });
        } else if (chartLineFor(value) === null) {
          ctx.addIssue({
            code: 'custom',
            message: msg('config.charts.platformVersion.unsupported'),
            params: { supported: SUPPORTED_CHART_LINES },
          });
        }
      }),
    reading: chartReadingSchema.optional(),
  }),
});
export type Charts = z.infer<typeof chartsSchema>;

/** A fresh repository source (for forms switching the kind). */
export function emptyChartSource(kind: ChartSource['kind']): ChartSource {
  switch (kind) {
    case 'repo':
      return {
        kind,
        url: '',
        repoName: 'local-repo',
        username: '',
        password: '',
        caBundle: '',
        insecureSkipVerify: false,
      };
    case 'oci':
      return {
        kind,
        url: '',
        username: '',
        password: '',
        caBundle: '',
        plainHttp: false,
        insecureSkipVerify: false,
      };
    case 'local':
      return { kind, path: '' };
  }
}

export const defaultCharts: Charts = {
  operator: { source: emptyChartSource('repo'), version: '' },
  platform: { source: emptyChartSource('repo'), version: '0.18.0' },
};
