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

/**
 * S3 or an S3-compatible store. For MinIO and friends `name` is the endpoint `host:port` and
 * `path` the bucket (the procedure's example); for AWS `name` is the bucket. The keys may be
 * empty together (instance roles), never one without the other.
 */
export const s3BucketSchema = z.object({
  provider: z.literal('s3'),
  name: required(255),
  path: line(1024),
  region: line(64),
  accessKey: line(1024),
  secretKey: z.string().max(4096, msg('config.tooLong')),
  kmsKey: line(2048),
});

/** Google Cloud Storage: credentials come from the node or workload identity, not from values. */
export const gcsBucketSchema = z.object({
  provider: z.literal('gcs'),
  name: required(255),
  path: line(1024),
});

/** Azure Blob Storage: `name` is the storage account, `path` the container, `accessKey` the account key. */
export const azureBucketSchema = z.object({
  provider: z.literal('azure'),
  name: required(255),
  path: line(1024),
  accessKey: z.string().max(4096, msg('config.tooLong')),
});

/** The object store. The chart's provider value for Azure is `az` (see `chartBucketProvider`). */
export const bucketSchema = z
  .discriminatedUnion('provider', [s3BucketSchema, gcsBucketSchema, azureBucketSchema])
  .superRefine((bucket, ctx) => {
    if (bucket.provider === 's3' && (bucket.accessKey === '') !== (bucket.secretKey === '')) {
      const path = bucket.accessKey === '' ? 'accessKey' : 'secretKey';
      ctx.addIssue({
        code: 'custom',
        message: msg('config.credentials.bothOrNeither'),
        path: [path],
        params: {},
      });
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
      return { provider, name: '', path: '', region: '', accessKey: '', secretKey: '', kmsKey: '' };
    case 'gcs':
      return { provider, name: '', path: '' };
    case 'azure':
      return { provider, name: '', path: '', accessKey: '' };
  }
}

export const defaultBucket: Bucket = emptyBucket('s3');
