import { describe, expect, it } from 'vitest';

import { bucketSchema, chartBucketPath, emptyBucket, parseChartBucketPath, s3Target } from './bucket';

const s3 = (patch: Record<string, unknown>) => ({ ...emptyBucket('s3'), credentials: 'role' as const, ...patch });
/** The first error's field and message key, or undefined when valid. */
function firstError(value: unknown): { path: string; key: string } | undefined {
  const r = bucketSchema.safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  return issue ? { path: issue.path.join('.'), key: issue.message } : undefined;
}

describe('bucket schema (S3)', () => {
  it("rejects the procedure's placeholder port and schemes in the name, naming the field", () => {
    expect(firstError(s3({ name: 's3.yourdomain.com:port', path: 'wandb' }))).toEqual({
      path: 'name',
      key: 'config.bucket.name.port',
    });
    expect(firstError(s3({ name: 's3://minio.site:9000', path: 'wandb' }))).toEqual({
      path: 'name',
      key: 'config.bucket.name.scheme',
    });
    expect(firstError(s3({ name: 'https://minio.site:9000', path: 'wandb' }))?.key).toBe(
      'config.bucket.name.scheme',
    );
    expect(firstError(s3({ name: 'minio.site:9000/wandb', path: '' }))?.key).toBe('config.bucket.name.slash');
    expect(firstError(s3({ name: 'minio.site:99999', path: 'wandb' }))?.key).toBe('config.bucket.name.port');
    expect(firstError(s3({ name: 'minio.site:9000', path: 's3://wandb' }))).toEqual({
      path: 'path',
      key: 'config.bucket.path.scheme',
    });
    expect(firstError(s3({ name: 'minio.site:9000', path: 'wandb?tls=true' }))?.key).toBe(
      'config.bucket.path.query',
    );
  });

  it('an endpoint needs a bucket in the path; plain HTTP only for an endpoint', () => {
    expect(firstError(s3({ name: 'minio.site:9000', path: '' }))).toEqual({
      path: 'path',
      key: 'config.bucket.path.requiredWithEndpoint',
    });
    expect(firstError(s3({ name: 'my-bucket', plainHttp: true }))).toEqual({
      path: 'plainHttp',
      key: 'config.bucket.plainHttp.aws',
    });
    expect(firstError(s3({ name: 'minio.site:9000', path: 'wandb', plainHttp: true }))).toBeUndefined();
    expect(firstError(s3({ name: '10.0.0.5:9000', path: 'wandb/prod' }))).toBeUndefined();
    expect(firstError(s3({ name: 'my-bucket', path: 'runs' }))).toBeUndefined();
  });
});

describe('bucket credentials (S3)', () => {
  it('keys or the cloud role is a choice the schema requires, never read from empty fields', () => {
    const keys = { name: 'minio.site:9000', path: 'wandb', credentials: 'keys' };
    expect(firstError(s3({ ...keys, accessKey: '', secretKey: '' }))).toEqual({
      path: 'accessKey',
      key: 'config.bucket.keys.required',
    });
    expect(firstError(s3({ ...keys, accessKey: 'a', secretKey: '' }))).toEqual({
      path: 'secretKey',
      key: 'config.bucket.keys.required',
    });
    expect(firstError(s3({ ...keys, accessKey: 'a', secretKey: 'b' }))).toBeUndefined();
    const role = { name: 'my-bucket', path: '', credentials: 'role' };
    expect(firstError(s3({ ...role, accessKey: '', secretKey: '' }))).toBeUndefined();
    expect(firstError(s3({ ...role, accessKey: 'a', secretKey: '' }))).toEqual({
      path: 'accessKey',
      key: 'config.bucket.keys.withRole',
    });
    const unchosen: Record<string, unknown> = { ...s3({ name: 'my-bucket' }) };
    delete unchosen.credentials;
    expect(firstError(unchosen)).toEqual({ path: 'credentials', key: 'config.bucket.credentials.choose' });
  });
});

describe('bucket schema (GCS, Azure)', () => {
  it('GCS: a bucket name, not a gs:// URL', () => {
    expect(firstError({ provider: 'gcs', name: 'gs://wandb-files', path: '' })?.key).toBe(
      'config.bucket.gcs.name.scheme',
    );
    expect(firstError({ provider: 'gcs', name: 'Wandb Files', path: '' })?.key).toBe(
      'config.bucket.gcs.name.invalid',
    );
    expect(firstError({ provider: 'gcs', name: 'wandb-files', path: 'prod' })).toBeUndefined();
  });
  it('Azure: an account name, not its URL; a valid container', () => {
    const az = (name: string, path: string) => ({ provider: 'azure', name, path, accessKey: '' });
    expect(firstError(az('https://acct.blob.core.windows.net', 'wandb'))?.key).toBe(
      'config.bucket.azure.name.url',
    );
    expect(firstError(az('acct.blob.core.windows.net', 'wandb'))?.key).toBe('config.bucket.azure.name.url');
    expect(firstError(az('Acct_1', 'wandb'))?.key).toBe('config.bucket.azure.name.invalid');
    expect(firstError(az('wandbstorage', 'Bad--Name'))?.key).toBe('config.bucket.azure.path.invalid');
    expect(firstError(az('wandbstorage', ''))).toEqual({ path: 'path', key: 'config.required' });
    expect(firstError(az('wandbstorage', 'wandb'))).toBeUndefined();
  });
});

describe('chartBucketPath', () => {
  it('asks W&B for TLS on an HTTPS endpoint, and only there', () => {
    expect(chartBucketPath(s3({ name: 'minio.site:9000', path: 'wandb' }))).toBe('wandb?tls=true');
    expect(chartBucketPath(s3({ name: 'minio.site:9000', path: 'wandb', plainHttp: true }))).toBe('wandb');
    expect(chartBucketPath(s3({ name: 'my-bucket', path: 'runs' }))).toBe('runs');
    expect(chartBucketPath({ provider: 'gcs', name: 'b', path: 'p' })).toBe('p');
  });
  it('is read back by parseChartBucketPath', () => {
    expect(parseChartBucketPath('wandb?tls=true')).toEqual({ path: 'wandb', tls: true });
    expect(parseChartBucketPath('wandb')).toEqual({ path: 'wandb', tls: false });
  });
  it('s3Target reads an endpoint with a dot or a port, and a bucket with a folder', () => {
    expect(s3Target({ name: 'minio.site', path: 'wandb/prod' })).toEqual({
      endpoint: 'minio.site',
      bucket: 'wandb',
      prefix: 'prod',
    });
  });
});
