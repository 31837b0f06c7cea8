import 'server-only';

import { randomBytes } from 'node:crypto';
import https from 'node:https';

import {
  DeleteObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

import { s3Target } from '@/lib/config';
import { classifyNetworkError } from '@/lib/errors';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { checkAzureBucket, checkGcsBucket } from './bucket-cloud';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

interface S3Failure {
  kind: 'unreachable' | 'tls' | 'plain-http-on-tls' | 'credentials' | 'denied' | 'missing' | 'other';
  code: string;
}

function classify(e: unknown): S3Failure {
  const err = e as {
    name?: string;
    Code?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    message?: string;
  };
  const status = err.$metadata?.httpStatusCode;
  const name = err.Code ?? err.name ?? '';
  if (/InvalidAccessKeyId|SignatureDoesNotMatch|InvalidToken|AuthorizationHeaderMalformed/.test(name))
    return { kind: 'credentials', code: name };
  if (name === 'NoSuchBucket' || name === 'NotFound' || status === 404)
    return { kind: 'missing', code: name || '404' };
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403)
    return { kind: 'denied', code: name || '403' };
  const net = classifyNetworkError(e);
  const message = err.message ?? String(e);
  if (
    /wrong version number|packet length too long|ERR_SSL_WRONG_VERSION_NUMBER/i.test(
      message + (err.code ?? ''),
    )
  )
    return { kind: 'plain-http-on-tls', code: err.code ?? 'EPROTO' };
  if (net?.kind === 'tls') return { kind: 'tls', code: net.code };
  if (net) return { kind: 'unreachable', code: net.code };
  if (status) return { kind: 'other', code: `${status} ${name}` };
  return { kind: 'other', code: name || message.slice(0, 120) };
}

/**
 * Check 8: the object store is reachable and the bucket exists. S3: the endpoint over the scheme
 * the configuration says (HTTPS, or plain HTTP when chosen), the credentials and the bucket; with
 * the opt-in, a small test object is written and deleted. GCS and Azure: see `bucket-cloud.ts`.
 */
export const bucketCheck: CheckDefinition<ChecksInput> = {
  id: 'bucket',
  titleKey: 'checks.bucket.title',
  strict: true,
  timeoutMs: 10_000,
  secrets: (input) =>
    input.config.bucket.provider === 's3'
      ? [input.config.bucket.secretKey, input.config.bucket.accessKey]
      : input.config.bucket.provider === 'azure'
        ? [input.config.bucket.accessKey]
        : [],
  async run(input, ctx): Promise<CheckOutcome> {
    const b = input.config.bucket;
    if (b.provider === 'gcs') return checkGcsBucket(b, input, ctx);
    if (b.provider === 'azure') return checkAzureBucket(b, input, ctx);
    const target = s3Target(b);
    const evidence: Evidence[] = [];
    const ca = input.config.certificates.bundle.trim();
    const scheme = target.endpoint ? (b.plainHttp ? 'http://' : 'https://') : '';
    const where = target.endpoint ?? `s3.${b.region || 'us-east-1'}.amazonaws.com`;

    {
      const endpoint = target.endpoint ? `${scheme}${target.endpoint}` : undefined;
      const timeout = remainingMs(ctx.deadline, 500);
      const client = new S3Client({
        region: b.region || 'us-east-1',
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
        ...(b.accessKey ? { credentials: { accessKeyId: b.accessKey, secretAccessKey: b.secretKey } } : {}),
        maxAttempts: 1,
        requestHandler: {
          connectionTimeout: timeout,
          requestTimeout: timeout,
          ...(ca ? { httpsAgent: new https.Agent({ ca }) } : {}),
        },
      });
      const send = <T>(label: string, request: string, fn: () => Promise<T>) =>
        fn().then(
          (v) => {
            evidence.push({ label, request, response: 'ok' });
            return v;
          },
          (e: unknown) => {
            const f = classify(e);
            evidence.push({ label, request, response: `${f.kind}: ${f.code}` });
            throw f;
          },
        );
      try {
        try {
          await send('HeadBucket', `HEAD ${endpoint ?? 'aws'}/${target.bucket}`, () =>
            client.send(new HeadBucketCommand({ Bucket: target.bucket }), { abortSignal: ctx.signal }),
          );
        } catch (f) {
          const failure = f as S3Failure;
          if (failure.kind === 'denied' || failure.kind === 'missing') {
            // HeadBucket has no body: tell bad credentials from a missing or forbidden bucket by listing.
            try {
              await send('ListBuckets', `GET ${endpoint ?? 'aws'}/`, () =>
                client.send(new ListBucketsCommand({}), { abortSignal: ctx.signal }),
              );
            } catch (g) {
              if ((g as S3Failure).kind === 'credentials') throw g;
            }
          }
          throw failure;
        }
        if (input.bucketWriteTest) {
          const key = `${target.prefix ? `${target.prefix.replace(/\/+$/, '')}/` : ''}wandb-wizard-check-${randomBytes(6).toString('hex')}`;
          await send('PutObject', `PUT ${target.bucket}/${key}`, () =>
            client.send(
              new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: 'wandb wizard write test\n' }),
              { abortSignal: ctx.signal },
            ),
          );
          await send('DeleteObject', `DELETE ${target.bucket}/${key}`, () =>
            client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key }), {
              abortSignal: ctx.signal,
            }),
          );
        }
        const params = { bucket: target.bucket, endpoint: endpoint ?? where };
        if (scheme === 'http://')
          return {
            status: 'warn',
            message: { key: 'checks.bucket.plainHttp', params },
            remedy: { key: 'checks.bucket.plainHttp.remedy', params },
            evidence,
          };
        return {
          status: 'pass',
          message: { key: input.bucketWriteTest ? 'checks.bucket.passWrite' : 'checks.bucket.pass', params },
          evidence,
        };
      } catch (f) {
        const failure = f as S3Failure;
        if (!failure || typeof failure.kind !== 'string') throw f;
        const params = { bucket: target.bucket, endpoint: endpoint ?? where, code: failure.code };
        const [key, remedy] = (
          {
            unreachable: ['checks.bucket.unreachable', 'checks.bucket.unreachable.remedy'],
            tls: ['checks.bucket.tls', 'checks.bucket.tls.remedy'],
            'plain-http-on-tls': ['checks.bucket.speaksHttp', 'checks.bucket.speaksHttp.remedy'],
            credentials: ['checks.bucket.credentials', 'checks.bucket.credentials.remedy'],
            denied: ['checks.bucket.denied', 'checks.bucket.denied.remedy'],
            missing: ['checks.bucket.missing', 'checks.bucket.missing.remedy'],
            other: [
              'checks.bucket.other',
              scheme === 'http://'
                ? 'checks.bucket.other.plainHttp.remedy'
                : 'checks.bucket.unreachable.remedy',
            ],
          } satisfies Record<S3Failure['kind'], [string, string]>
        )[failure.kind];
        return { status: 'fail', message: { key, params }, remedy: { key: remedy, params }, evidence };
      } finally {
        client.destroy();
      }
    }
  },
};
