import { z } from 'zod';

import { msg } from './field-errors';
import { hasControlCharacter } from './formats';

/** One-line text a consultant types (bucket names, paths, regions). */
const line = (max: number) =>
  z
    .string()
    .max(max, msg('config.tooLong'))
    .refine((value) => !hasControlCharacter(value), msg('config.singleLine'));

const required = (max: number) => line(max).refine((value) => value.trim() !== '', msg('config.required'));

/** `s3://`, `https://`, `gs://`… at the start of a value. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Where an S3 bucket lives. With an S3-compatible store the procedure writes the endpoint
 * `host[:port]` as `name` and the bucket (with an optional folder) as `path`; on AWS `name` is the
 * bucket and `path` a folder in it. A name with a port, or with a dot and a path, is an endpoint
 * (the heuristic the procedure's example implies). Pure.
 */
export function s3Target(bucket: { name: string; path: string }): {
  endpoint?: string;
  bucket: string;
  prefix: string;
} {
  const name = bucket.name.trim();
  const path = bucket.path.trim().replace(/^\/+/, '');
  const looksLikeHost = /[:.]/.test(name);
  if (looksLikeHost && path !== '') {
    const [b = '', ...rest] = path.split('/');
    return { endpoint: name.replace(/\/+$/, ''), bucket: b, prefix: rest.join('/') };
  }
  return { bucket: name, prefix: path };
}

/**
 * S3 or an S3-compatible store. For MinIO and friends `name` is the endpoint `host:port` and
 * `path` the bucket (the procedure's example); for AWS `name` is the bucket. The keys may be
 * empty together (instance roles), never one without the other. `plainHttp`: the endpoint is
 * served over plain HTTP — W&B's default for an S3-compatible store; without it the generated
 * bucket URL asks for TLS (`?tls=true`).
 */
export const s3BucketSchema = z.object({
  provider: z.literal('s3'),
  name: required(255).superRefine((value, ctx) => {
    const v = value.trim();
    if (SCHEME.test(v)) {
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.name.scheme'), params: {} });
      return;
    }
    if (v.includes('/')) {
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.name.slash'), params: {} });
      return;
    }
    if (/\s/.test(v)) {
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.name.space'), params: {} });
      return;
    }
    const colon = v.lastIndexOf(':');
    if (colon >= 0) {
      const port = v.slice(colon + 1);
      const n = Number(port);
      if (!/^\d{1,5}$/.test(port) || n < 1 || n > 65535)
        ctx.addIssue({ code: 'custom', message: msg('config.bucket.name.port'), params: { port } });
    }
  }),
  path: line(1024).superRefine((value, ctx) => {
    if (SCHEME.test(value.trim()))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.path.scheme'), params: {} });
    else if (value.includes('?'))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.path.query'), params: {} });
  }),
  region: line(64),
  /**
   * How W&B authenticates to the store, chosen by the user, never inferred from empty fields:
   * `keys` (the access and secret key below, both required) or `role` (the node's or the
   * workload's cloud role; no keys are generated, the key fields must stay empty).
   */
  credentials: z.enum(['keys', 'role'], { message: msg('config.bucket.credentials.choose') }),
  accessKey: line(1024),
  secretKey: z.string().max(4096, msg('config.tooLong')),
  kmsKey: line(2048),
  plainHttp: z.boolean(),
});

/** GCS bucket names: 3–63 (222 with dots) lowercase letters, digits, `-`, `_`, `.`; start and end alphanumeric. */
const GCS_BUCKET = /^[a-z0-9](?:[a-z0-9._-]{1,220})[a-z0-9]$/;
/** Azure storage account names: 3–24 lowercase letters and digits. */
const AZURE_ACCOUNT = /^[a-z0-9]{3,24}$/;
/** Azure container names: 3–63 lowercase letters, digits and single hyphens, starting and ending alphanumeric. */
const AZURE_CONTAINER = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;

/** Google Cloud Storage: credentials come from the node or workload identity, not from values. */
export const gcsBucketSchema = z.object({
  provider: z.literal('gcs'),
  name: required(255).superRefine((value, ctx) => {
    const v = value.trim();
    if (SCHEME.test(v))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.gcs.name.scheme'), params: {} });
    else if (!GCS_BUCKET.test(v))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.gcs.name.invalid'), params: {} });
  }),
  path: line(1024),
});

/** Azure Blob Storage: `name` is the storage account, `path` the container, `accessKey` the account key. */
export const azureBucketSchema = z.object({
  provider: z.literal('azure'),
  name: required(255).superRefine((value, ctx) => {
    const v = value.trim();
    if (SCHEME.test(v) || v.includes('.'))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.azure.name.url'), params: {} });
    else if (!AZURE_ACCOUNT.test(v))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.azure.name.invalid'), params: {} });
  }),
  path: required(1024).superRefine((value, ctx) => {
    const container = value.trim().split('/')[0] ?? '';
    if (container !== '' && !AZURE_CONTAINER.test(container))
      ctx.addIssue({ code: 'custom', message: msg('config.bucket.azure.path.invalid'), params: {} });
  }),
  accessKey: z.string().max(4096, msg('config.tooLong')),
});

/** The object store. The chart's provider value for Azure is `az` (see `chartBucketProvider`). */
export const bucketSchema = z
  .discriminatedUnion('provider', [s3BucketSchema, gcsBucketSchema, azureBucketSchema])
  .superRefine((bucket, ctx) => {
    if (bucket.provider === 's3') {
      const target = s3Target(bucket);
      if (!target.endpoint && /:\d+$/.test(bucket.name.trim()))
        ctx.addIssue({
          code: 'custom',
          message: msg('config.bucket.path.requiredWithEndpoint'),
          path: ['path'],
          params: {},
        });
      else if (!target.endpoint && bucket.plainHttp)
        ctx.addIssue({
          code: 'custom',
          message: msg('config.bucket.plainHttp.aws'),
          path: ['plainHttp'],
          params: {},
        });
    }
    if (bucket.provider === 's3' && bucket.credentials === 'keys') {
      for (const path of ['accessKey', 'secretKey'] as const) {
        if (bucket[path] === '')
          ctx.addIssue({ code: 'custom', message: msg('config.bucket.keys.required'), path: [path], params: {} });
      }
    }
    if (bucket.provider === 's3' && bucket.credentials === 'role') {
      for (const path of ['accessKey', 'secretKey'] as const) {
        if (bucket[path] !== '')
          ctx.addIssue({ code: 'custom', message: msg('config.bucket.keys.withRole'), path: [path], params: {} });
      }
    }
  });
export type Bucket = z.infer<typeof bucketSchema>;
export type BucketProvider = Bucket['provider'];

/** The value of `global.bucket.provider` for a provider. */
export function chartBucketProvider(provider: BucketProvider): 's3' | 'gcs' | 'az' {
  return provider === 'azure' ? 'az' : provider;
}

/** A fresh bucket of a provider (for forms switching the provider). */
export function emptyBucket(provider: BucketProvider): Bucket {
  switch (provider) {
    case 's3':
      return {
        provider,
        name: '',
        path: '',
        region: '',
        credentials: 'keys',
        accessKey: '',
        secretKey: '',
        kmsKey: '',
        plainHttp: false,
      };
    case 'gcs':
      return { provider, name: '', path: '' };
    case 'azure':
      return { provider, name: '', path: '', accessKey: '' };
  }
}

export const defaultBucket: Bucket = emptyBucket('s3');

/**
 * The `path` the chart gets for a bucket: an S3-compatible endpoint served over TLS needs
 * `?tls=true` at the end of the app's bucket URL (W&B assumes plain HTTP for such a store), and
 * both chart lines end that URL with the path (0.18 `app.bucket`, 0.43 `wandb.bucket`). Pure.
 */
export function chartBucketPath(bucket: Bucket): string {
  if (bucket.provider !== 's3' || bucket.plainHttp || !s3Target(bucket).endpoint) return bucket.path;
  return `${bucket.path}?tls=true`;
}

/** The inverse of {@link chartBucketPath} for an imported S3 bucket: the path without `?tls=true`, and whether it was there. */
export function parseChartBucketPath(path: string): { path: string; tls: boolean } {
  const m = /^(.*?)\?tls=true$/i.exec(path);
  return m ? { path: m[1] ?? '', tls: true } : { path, tls: false };
}
