import { z } from 'zod';

/**
 * What the wizard read from a chart archive (lib/charts): the chart's image keys and, when it
 * could render the chart, the images a default install starts. Kept in the draft beside the chart
 * source, so that generation stays a pure function of the configuration.
 */

/** One key of the chart's values that holds an image. */
export const chartImageKeySchema = z.object({
  /** Path of the key from the root chart's values (`['prometheus', 'instance', 'server', 'image']`). */
  path: z.array(z.string().max(253)).min(1).max(32),
  /** `{repository, tag}`, Bitnami's `{registry, repository, tag}`, or a plain `image: repo:tag` string. */
  style: z.enum(['repository', 'bitnami', 'string']),
  /** The public repository with its registry host (`docker.io/wandb/local`). */
  source: z.string().min(1).max(512),
  /** The chart's default tag ('' when it has none). */
  tag: z.string().max(128),
  /** Where the default tag comes from: the values, or the subchart's appVersion. */
  tagFrom: z.enum(['values', 'appVersion', 'none']),
  /** The chart and subcharts by alias: `operator-wandb/prometheus/instance`. */
  chart: z.string().max(512),
  /** Every dependency condition from the root chart holds with the defaults. */
  enabled: z.boolean(),
  /** The key sits in a list, which values cannot patch. */
  inList: z.boolean(),
});
export type ChartImageKey = z.infer<typeof chartImageKeySchema>;

/** A chart or subchart of the archive. */
export const chartPartSchema = z.object({
  path: z.string().max(512),
  name: z.string().max(253),
  version: z.string().max(128),
  appVersion: z.string().max(128),
  enabled: z.boolean(),
});
export type ChartPart = z.infer<typeof chartPartSchema>;

/** What `helm template` with the chart's defaults starts: images outside test hooks, and the test hooks' ones. */
export const chartRenderSchema = z.object({
  /** `helm version` that rendered (`v3.17.3`). */
  helm: z.string().max(64),
  /** Public references of every image a workload or hook Job starts. */
  started: z.array(z.string().max(640)).max(500),
  /** `Kind/name image` of the `helm.sh/hook: test` resources, which an install never starts. */
  testHooks: z.array(z.string().max(1024)).max(100),
});
export type ChartRender = z.infer<typeof chartRenderSchema>;

export const chartReadingSchema = z.object({
  /** `sha256:<hex>` of the archive. */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  name: z.string().max(253),
  version: z.string().max(128),
  appVersion: z.string().max(128),
  parts: z.array(chartPartSchema).max(500),
  keys: z.array(chartImageKeySchema).max(2000),
  /** Keys under the root chart's `global`. */
  globals: z.array(z.string().max(253)).max(500),
  rendered: chartRenderSchema.optional(),
});
export type ChartReading = z.infer<typeof chartReadingSchema>;
