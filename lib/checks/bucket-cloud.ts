import 'server-only';

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';

import type { Bucket } from '@/lib/config';
import { classifyNetworkError } from '@/lib/errors';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import type { CheckContext, CheckOutcome, Evidence } from './types';

type GcsBucket = Extract<Bucket, { provider: 'gcs' }>;
type AzureBucket = Extract<Bucket, { provider: 'azure' }>;

/** Google's XML API host: `HEAD /<bucket>` answers 404 for a bucket that does not exist, 401/403 for a private one. */
export const GCS_ENDPOINT = 'https://storage.googleapis.com';

/** What one anonymous HTTP request got: a status, or the network code it failed with. */
export type Answer = { status: number; code?: string } | { status?: undefined; code: string; kind: string };

/** One request without credentials, bounded by `timeoutMs` and `signal`. Never throws. */
export function anonymousRequest(
  method: 'HEAD' | 'GET',
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve) => {
    const lib = url.startsWith('http://') ? http : https;
    const req = lib.request(url, { method, signal, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve({
        status: res.statusCode ?? 0,
        code: String(res.headers['x-ms-error-code'] ?? '') || undefined,
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => {
      const net = classifyNetworkError(e);
      resolve({
        code: net?.code ?? (e as NodeJS.ErrnoException).code ?? e.message,
        kind: net?.kind ?? 'other',
      });
    });
    req.end();
  });
}

/**
 * What an anonymous `HEAD` on a GCS bucket means (pure): 404 — it does not exist; 401/403 — it
 * exists and is private (as it should be); 200 — it exists and anyone may read it; no answer —
 * this machine cannot reach Google, which says nothing about the nodes (Private Google Access).
 */
export function judgeGcsAnswer(bucket: string, answer: Answer, endpoint = GCS_ENDPOINT): CheckOutcome {
  const params = { bucket, endpoint, code: answer.code ?? String(answer.status ?? '') };
  if (answer.status === undefined)
    return {
      status: 'warn',
      message: { key: 'checks.bucket.cloud.unreachable', params: { ...params, provider: 'GCS' } },
      remedy: { key: 'checks.bucket.gcs.unreachable.remedy', params },
    };
  if (answer.status === 404)
    return {
      status: 'fail',
      message: { key: 'checks.bucket.gcs.missing', params },
      remedy: { key: 'checks.bucket.gcs.missing.remedy', params },
    };
  if (answer.status === 401 || answer.status === 403)
    return { status: 'pass', message: { key: 'checks.bucket.gcs.exists', params } };
  if (answer.status >= 200 && answer.status < 300)
    return {
      status: 'warn',
      message: { key: 'checks.bucket.gcs.public', params },
      remedy: { key: 'checks.bucket.gcs.public.remedy', params },
    };
  return {
    status: 'fail',
    message: { key: 'checks.bucket.other', params: { ...params, code: `HTTP ${answer.status}` } },
    remedy: { key: 'checks.bucket.gcs.unreachable.remedy', params },
  };
}

/**
 * GCS from the wizard's machine: the credentials live on the nodes (service account, workload
 * identity), so the wizard asks Google anonymously whether the bucket exists.
 */
export async function checkGcsBucket(
  b: GcsBucket,
  _input: ChecksInput,
  ctx: CheckContext,
  endpoint = GCS_ENDPOINT,
): Promise<CheckOutcome> {
  const bucket = b.name.trim();
  const url = `${endpoint}/${encodeURIComponent(bucket)}`;
  const answer = await anonymousRequest('HEAD', url, ctx.signal, remainingMs(ctx.deadline, 500));
  const evidence: Evidence[] = [
    {
      label: 'HEAD (anonymous)',
      request: `HEAD ${url}`,
      response: answer.status !== undefined ? `HTTP ${answer.status}` : `${answer.kind}: ${answer.code}`,
    },
  ];
  return { ...judgeGcsAnswer(bucket, answer, endpoint), evidence };
}

/** The blob endpoint of a storage account in Azure's public cloud. */
export function azureBlobEndpoint(account: string): string {
  return `https://${account}.blob.core.windows.net`;
}

/**
 * What Azure's answer to reading a container means (pure): 404 — no such container; 403 with
 * AuthenticationFailed (a signature made with another key) — the key is wrong; another 403
 * (AuthorizationFailure: the account's firewall, or a key without the right) — access refused.
 * Azurite answers a wrong key with AuthorizationFailure, so there it reads as refused access.
 */
export function azureFailureKind(
  status: number | undefined,
  code: string,
): 'missing' | 'credentials' | 'denied' | 'other' {
  if (status === 404) return 'missing';
  if (status === 403 && /AuthenticationFailed|InvalidAuthenticationInfo/i.test(code)) return 'credentials';
  if (status === 403) return 'denied';
  return 'other';
}

/** Options of {@link checkAzureContainer}. */
export interface AzureContainerCheck {
  account: string;
  container: string;
  /** The account key; without it only the account's existence is checked (anonymously). */
  key: string;
  /** The blob endpoint (default: the public cloud's; Azurite and Azure Stack have their own). */
  endpoint?: string;
  writeTest?: boolean;
  signal: AbortSignal;
  timeoutMs: number;
}

function azureFailure(e: unknown): { status?: number; code: string; kind: string } {
  const err = e as { statusCode?: number; code?: string; details?: { errorCode?: string }; message?: string };
  const net = classifyNetworkError(e);
  if (net && !err.statusCode) return { code: net.code, kind: net.kind };
  return {
    ...(err.statusCode ? { status: err.statusCode } : {}),
    code: err.details?.errorCode ?? err.code ?? err.message?.slice(0, 120) ?? 'unknown',
    kind: 'http',
  };
}

/**
 * Azure Blob Storage: with the account key, the container's properties are read with the SDK
 * (Shared Key), and with the opt-in a small blob is written and deleted; without a key only the
 * account's endpoint is asked anonymously (Azure answers 404 for a private container whether it
 * exists or not, so the container stays unproven).
 */
export async function checkAzureContainer(o: AzureContainerCheck): Promise<CheckOutcome> {
  const endpoint = (o.endpoint ?? azureBlobEndpoint(o.account)).replace(/\/+$/, '');
  const params = { account: o.account, container: o.container, endpoint };
  const evidence: Evidence[] = [];
  const networkOutcome = (code: string, kind: string): CheckOutcome => ({
    status: kind === 'dns' ? 'warn' : 'fail',
    message: {
      key: kind === 'dns' ? 'checks.bucket.azure.unresolved' : 'checks.bucket.cloud.unreachable',
      params: { ...params, bucket: o.container, provider: 'Azure', code },
    },
    remedy: { key: 'checks.bucket.azure.unreachable.remedy', params },
    evidence,
  });

  if (!o.key) {
    const url = `${endpoint}/${encodeURIComponent(o.container)}?restype=container`;
    const answer = await anonymousRequest('GET', url, o.signal, o.timeoutMs);
    evidence.push({
      label: 'GET (anonymous)',
      request: `GET ${url}`,
      response:
        answer.status !== undefined
          ? `HTTP ${answer.status}${answer.code ? ` ${answer.code}` : ''}`
          : `${answer.kind}: ${answer.code}`,
    });
    if (answer.status === undefined) return networkOutcome(answer.code, answer.kind);
    return {
      status: 'warn',
      message: { key: 'checks.bucket.azure.noKey', params },
      remedy: { key: 'checks.bucket.azure.noKey.remedy', params },
      evidence,
    };
  }

  const service = new BlobServiceClient(endpoint, new StorageSharedKeyCredential(o.account, o.key), {
    retryOptions: { maxTries: 1, tryTimeoutInMs: o.timeoutMs },
  });
  const container = service.getContainerClient(o.container);
  const step = async (label: string, request: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      evidence.push({ label, request, response: 'ok' });
      return undefined;
    } catch (e) {
      const f = azureFailure(e);
      evidence.push({ label, request, response: `${f.status ?? f.kind}: ${f.code}` });
      return f;
    }
  };
  const failed = await step(
    'GetContainerProperties',
    `HEAD ${endpoint}/${o.container}?restype=container`,
    () => container.getProperties({ abortSignal: o.signal }),
  );
  if (failed) {
    if (failed.kind !== 'http') return networkOutcome(failed.code, failed.kind);
    const which = azureFailureKind(failed.status, failed.code);
    return {
      status: 'fail',
      message: {
        key: `checks.bucket.azure.${which}`,
        params: { ...params, code: `${failed.status} ${failed.code}` },
      },
      remedy: { key: `checks.bucket.azure.${which === 'other' ? 'unreachable' : which}.remedy`, params },
      evidence,
    };
  }
  if (o.writeTest) {
    const name = `wandb-wizard-check-${randomBytes(6).toString('hex')}`;
    const blob = container.getBlockBlobClient(name);
    const body = 'wandb wizard write test\n';
    const put = await step('PutBlob', `PUT ${o.container}/${name}`, () =>
      blob.upload(body, body.length, { abortSignal: o.signal }),
    );
    const del = put
      ? undefined
      : await step('DeleteBlob', `DELETE ${o.container}/${name}`, () =>
          blob.delete({ abortSignal: o.signal }),
        );
    const f = put ?? del;
    if (f)
      return {
        status: 'fail',
        message: {
          key: 'checks.bucket.azure.writeFailed',
          params: { ...params, code: `${f.status ?? f.kind} ${f.code}` },
        },
        remedy: { key: 'checks.bucket.azure.denied.remedy', params },
        evidence,
      };
  }
  return {
    status: 'pass',
    message: { key: o.writeTest ? 'checks.bucket.azure.passWrite' : 'checks.bucket.azure.pass', params },
    evidence,
  };
}

/** Azure from the configuration: `name` is the storage account, `path` the container (its first segment). */
export function checkAzureBucket(
  b: AzureBucket,
  input: ChecksInput,
  ctx: CheckContext,
): Promise<CheckOutcome> {
  return checkAzureContainer({
    account: b.name.trim(),
    container: b.path.trim().split('/')[0] ?? '',
    key: b.accessKey,
    writeTest: input.bucketWriteTest === true,
    signal: ctx.signal,
    timeoutMs: remainingMs(ctx.deadline, 500),
  });
}
