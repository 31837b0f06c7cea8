import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';

/** A variable of `scripts/test-env env`; a test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

function client(credentials?: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({
    endpoint: requireEnv('S3_ENDPOINT'),
    region: requireEnv('S3_REGION'),
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: credentials ?? {
      accessKeyId: requireEnv('S3_ACCESS_KEY'),
      secretAccessKey: requireEnv('S3_SECRET_KEY'),
    },
  });
}

async function failure(p: Promise<unknown>): Promise<S3ServiceException> {
  const result = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(result instanceof S3ServiceException)) {
    throw new Error(`expected an S3 service error, got ${result === undefined ? 'success' : String(result)}`);
  }
  return result;
}

describe('60-s3: S3 server that checks signatures', () => {
  it('finds the bucket with the right keys (HeadBucket)', async () => {
    const res = await client().send(new HeadBucketCommand({ Bucket: requireEnv('S3_BUCKET') }));
    expect(res.$metadata.httpStatusCode).toBe(200);
  });

  it('stores, returns and deletes an object', async () => {
    const s3 = client();
    const Bucket = requireEnv('S3_BUCKET');
    const Key = `smoke/${process.pid}-${Date.now()}.txt`;
    await s3.send(
      new PutObjectCommand({ Bucket, Key, Body: 'hello from the smoke test', ContentType: 'text/plain' }),
    );
    try {
      const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
      expect(await got.Body?.transformToString()).toBe('hello from the smoke test');
    } finally {
      await s3.send(new DeleteObjectCommand({ Bucket, Key }));
    }
  });

  it('refuses HeadBucket signed with a wrong secret key', async () => {
    const bad = client({
      accessKeyId: requireEnv('S3_ACCESS_KEY'),
      secretAccessKey: 'wrong-secret-key-0000000000000000',
    });
    const error = await failure(bad.send(new HeadBucketCommand({ Bucket: requireEnv('S3_BUCKET') })));
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('names the bad signature on a request with a body (PutObject)', async () => {
    const bad = client({
      accessKeyId: requireEnv('S3_ACCESS_KEY'),
      secretAccessKey: 'wrong-secret-key-0000000000000000',
    });
    const error = await failure(
      bad.send(new PutObjectCommand({ Bucket: requireEnv('S3_BUCKET'), Key: 'smoke/never.txt', Body: 'x' })),
    );
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.name).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown access key', async () => {
    const bad = client({ accessKeyId: 'AKIAUNKNOWNTESTKEY00', secretAccessKey: requireEnv('S3_SECRET_KEY') });
    // AWS answers 403 InvalidAccessKeyId; versitygw answers 404 XAdminUserNotFound (so a HEAD
    // alone, which has no error body, cannot tell an unknown key from a missing bucket there)
    const head = await failure(bad.send(new HeadBucketCommand({ Bucket: requireEnv('S3_BUCKET') })));
    expect([403, 404]).toContain(head.$metadata.httpStatusCode);
    const list = await failure(
      bad.send(new ListObjectsV2Command({ Bucket: requireEnv('S3_BUCKET'), MaxKeys: 1 })),
    );
    expect(['InvalidAccessKeyId', 'XAdminUserNotFound']).toContain(list.name);
  });

  it('answers 404 for a bucket that does not exist', async () => {
    const error = await failure(client().send(new HeadBucketCommand({ Bucket: 'no-such-bucket-smoke' })));
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});
