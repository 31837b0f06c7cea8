/**
 * toUserError on errors produced by the real MySQL (MariaDB) and S3 (versitygw) servers of
 * scripts/test-env, through the libraries the wizard uses (mysql2, @aws-sdk/client-s3).
 */
import { HeadBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';

import { toUserError } from './user-error';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

const connect = (over: Partial<mysql.ConnectionOptions> = {}) =>
  mysql.createConnection({
    host: requireEnv('MYSQL_HOST'),
    port: Number(requireEnv('MYSQL_PORT')),
    user: requireEnv('MYSQL_USER'),
    password: requireEnv('MYSQL_PASSWORD'),
    database: requireEnv('MYSQL_DATABASE'),
    connectTimeout: 5_000,
    ...over,
  });

describe('MySQL errors', () => {
  it('a wrong password: errors.mysql.accessDenied, the password nowhere', async () => {
    const e = await caught(connect({ password: 'wrong-pass-123' }));
    const u = toUserError(e, { secrets: ['wrong-pass-123'] });
    expect(u.key).toBe('errors.mysql.accessDenied');
    expect(JSON.stringify(u)).not.toContain('wrong-pass-123');
  });

  it('a database the user has no grant on (MariaDB answers this before saying it does not exist)', async () => {
    const e = await caught(connect({ database: 'no_such_db_here' }));
    expect(toUserError(e)).toMatchObject({
      key: 'errors.mysql.databaseAccessDenied',
      params: { code: 'ER_DBACCESS_DENIED_ERROR' },
    });
  });

  it('an unknown database, asked by a user with rights on all databases', async () => {
    const e = await caught(
      connect({ user: 'root', password: requireEnv('MYSQL_ROOT_PASSWORD'), database: 'no_such_db_here' }),
    );
    expect(toUserError(e)).toMatchObject({
      key: 'errors.mysql.unknownDatabase',
      params: { code: 'ER_BAD_DB_ERROR' },
    });
  });

  it('a closed port: errors.network.refused', async () => {
    const e = await caught(connect({ port: 1 }));
    expect(toUserError(e).key).toBe('errors.network.refused');
  });
});

describe('S3 errors', () => {
  const client = (over: { accessKeyId?: string; secretAccessKey?: string } = {}) =>
    new S3Client({
      endpoint: requireEnv('S3_ENDPOINT'),
      region: requireEnv('S3_REGION'),
      forcePathStyle: true,
      credentials: {
        accessKeyId: over.accessKeyId ?? requireEnv('S3_ACCESS_KEY'),
        secretAccessKey: over.secretAccessKey ?? requireEnv('S3_SECRET_KEY'),
      },
      maxAttempts: 1,
    });

  it('a missing bucket', async () => {
    const e = await caught(client().send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' })));
    expect(toUserError(e)).toMatchObject({ key: 'errors.s3.noSuchBucket', params: { status: 404 } });
  });

  it('an unknown access key and a wrong secret key', async () => {
    const unknown = await caught(
      client({ accessKeyId: 'NOSUCHKEY' }).send(
        new ListObjectsV2Command({ Bucket: requireEnv('S3_BUCKET') }),
      ),
    );
    expect(toUserError(unknown).key).toBe('errors.s3.invalidAccessKey');
    const wrongSecret = await caught(
      client({ secretAccessKey: 'wrong-secret-xyz' }).send(
        new ListObjectsV2Command({ Bucket: requireEnv('S3_BUCKET') }),
      ),
    );
    const u = toUserError(wrongSecret, { secrets: ['wrong-secret-xyz'] });
    expect(u.key).toBe('errors.s3.signatureMismatch');
    expect(JSON.stringify(u)).not.toContain('wrong-secret-xyz');
  });

  it('HeadBucket on a missing bucket (no body: the SDK names it NotFound)', async () => {
    const e = await caught(client().send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' })));
    expect(toUserError(e).key).toBe('errors.s3.noSuchBucket');
  });

  it('a closed port: errors.network.refused', async () => {
    const c = new S3Client({
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const e = await caught(c.send(new ListObjectsV2Command({ Bucket: 'x' })));
    expect(toUserError(e).key).toBe('errors.network.refused');
  });
});
