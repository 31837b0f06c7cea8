import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { translate } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n/messages/en';

import { HelmError, KubeError, MessageError, RegistryError } from './typed-errors';
import { toUserError } from './user-error';
import { freePort } from '@/test/support/ports';

/** Resolves with the error a real operation fails with. */
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

/** A port that refuses connections. */
const closedPort = freePort;

describe('toUserError: network and TLS failures from real sockets', () => {
  let dir: string;
  let server: tls.Server;
  let port: number;
  let cert: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'errors-test-'));
    // A self-signed certificate for a name that is not 127.0.0.1.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=other.example',
        '-addext',
        'subjectAltName=DNS:other.example',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'c.pem'), 'utf8');
    server = tls.createServer({ key: readFileSync(join(dir, 'k.pem')), cert }, (s) => s.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (opts: https.RequestOptions) =>
    new Promise((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port, path: '/', ...opts }, resolve);
      req.on('error', reject);
      req.end();
    });

  it('connection refused names the address', async () => {
    const p = await closedPort();
    const e = await failure(new Promise((_r, reject) => net.connect(p, '127.0.0.1').on('error', reject)));
    expect(toUserError(e)).toMatchObject({
      key: 'errors.network.refused',
      params: { address: `127.0.0.1:${p}` },
    });
  });

  it('connection refused through fetch (TypeError with a cause) is recognised too', async () => {
    const p = await closedPort();
    const e = await failure(fetch(`http://127.0.0.1:${p}/`));
    expect(toUserError(e).key).toBe('errors.network.refused');
  });

  it('a self-signed certificate without a CA', async () => {
    const e = await failure(get({}));
    expect(toUserError(e, { target: 'registry:443' })).toMatchObject({
      key: 'errors.tls.selfSigned',
      params: { address: 'registry:443', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });

  it('a trusted certificate for another host name', async () => {
    const e = await failure(get({ ca: cert }));
    expect(toUserError(e)).toMatchObject({
      key: 'errors.tls.hostname',
      params: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
  });

  it('plain HTTP spoken to an HTTPS client is a TLS protocol error', async () => {
    const plain = net.createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')).listen(0, '127.0.0.1');
    await once(plain, 'listening');
    const p = (plain.address() as net.AddressInfo).port;
    try {
      const e = await failure(
        new Promise((resolve, reject) =>
          https.get({ host: '127.0.0.1', port: p }, resolve).on('error', reject),
        ),
      );
      expect(toUserError(e).key).toBe('errors.tls.protocol');
    } finally {
      plain.close();
    }
  });

  it('an AbortSignal.timeout abort is a timeout; a plain abort is a cancel', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const p = (silent.address() as net.AddressInfo).port;
    try {
      const t = await failure(fetch(`http://127.0.0.1:${p}/`, { signal: AbortSignal.timeout(50) }));
      expect(toUserError(t, { target: `127.0.0.1:${p}` })).toMatchObject({
        key: 'errors.timeout',
        params: { address: `127.0.0.1:${p}` },
      });
      const c = new AbortController();
      setTimeout(() => c.abort(), 20);
      const a = await failure(fetch(`http://127.0.0.1:${p}/`, { signal: c.signal }));
      expect(toUserError(a).key).toBe('errors.aborted');
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});

describe('toUserError: typed errors', () => {
  it('keeps the key and parameters of a MessageError, with secrets removed from both', () => {
    const e = new MessageError(
      'apply.follow.invalidConfig',
      { resource: 'ns/w', events: 'bad pw s3cret' },
      'pw s3cret',
    );
    expect(toUserError(e, { secrets: ['s3cret'] })).toEqual({
      key: 'apply.follow.invalidConfig',
      params: { resource: 'ns/w', events: 'bad pw ***' },
      detail: 'pw ***',
    });
  });

  it('maps KubeError by status, keeping the API server message', () => {
    const e = new KubeError(
      403,
      'Forbidden',
      'namespaces is forbidden: User "ro" cannot create resource "namespaces"',
    );
    expect(toUserError(e)).toMatchObject({
      key: 'errors.kube.forbidden',
      params: {
        status: 403,
        reason: 'Forbidden',
        message: 'namespaces is forbidden: User "ro" cannot create resource "namespaces"',
      },
    });
    expect(toUserError(new KubeError(409, 'AlreadyExists', 'x')).key).toBe('errors.kube.alreadyExists');
    expect(toUserError(new KubeError(500, 'InternalError', 'x')).key).toBe('errors.kube.status');
  });

  it('recognises an ApiException-shaped error carrying a Status body', () => {
    class ApiException extends Error {
      constructor(
        public code: number,
        public body: unknown,
      ) {
        super(`HTTP-Code: ${code}`);
      }
    }
    const body = JSON.stringify({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      message: 'namespaces "wandb" not found',
      code: 404,
    });
    expect(toUserError(new ApiException(404, body))).toMatchObject({
      key: 'errors.kube.notFound',
      params: { message: 'namespaces "wandb" not found' },
    });
  });

  it('maps a helm failure by its stderr, keeping the last line and no secret', () => {
    const e = new HelmError('helm failed', {
      helmPath: '/usr/bin/helm',
      args: ['template', 'x', 'oci://h/c'],
      exitCode: 1,
      signal: null,
      stderrTail:
        'Error: failed to do request: Head "https://127.0.0.1:25001/v2/c/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      timedOut: false,
      aborted: false,
    });
    const u = toUserError(e);
    expect(u.key).toBe('errors.helm.tls');
    expect(u.params.exitCode).toBe(1);
    expect(u.detail).toContain('/usr/bin/helm template x oci://h/c');

    const missing = new HelmError('x', {
      ...e.details,
      stderrTail: 'Error: chart "operator" version "9.9.9" not found in https://127.0.0.1:28443 repository',
    });
    expect(toUserError(missing).key).toBe('errors.helm.chartNotFound');
    const timedOut = new HelmError('x', { ...e.details, timedOut: true, exitCode: null, signal: 'SIGTERM' });
    expect(toUserError(timedOut).key).toBe('errors.helm.timeout');
    const pending = new HelmError('x', {
      ...e.details,
      stderrTail: 'Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress',
    });
    expect(toUserError(pending).key).toBe('errors.helm.operationInProgress');
    // Helm 4.1.4's words over a CRD a client-side kubectl apply wrote last (seen in the test cluster).
    const crd = new HelmError('x', {
      ...e.details,
      stderrTail:
        'Error: failed to install CRD crds/wandb.yaml: conflict occurred while applying object /weightsandbiases.apps.wandb.com apiextensions.k8s.io/v1, Kind=CustomResourceDefinition: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apiextensions.k8s.io/v1: .spec.versions',
    });
    const mapped = toUserError(crd);
    expect(mapped.key).toBe('errors.helm.crdConflict');
    expect(translate('en', mapped.key as MessageKey, mapped.params)).toContain(
      'kubectl apply --server-side --force-conflicts --field-manager=helm -f operator/crds/wandb.yaml',
    );
  });

  it('maps a registry error to its kind', () => {
    expect(
      toUserError(
        new RegistryError('missing', '127.0.0.1:25001/mirror/wandb/local:9', 'no', { status: 404 }),
      ),
    ).toMatchObject({
      key: 'errors.registry.missing',
      params: { target: '127.0.0.1:25001/mirror/wandb/local:9', status: 404 },
    });
  });

  it('maps a zod error to a validation summary with paths', () => {
    const schema = z.object({ registry: z.object({ host: z.string().min(1) }), port: z.number() });
    const r = schema.safeParse({ registry: { host: '' }, port: 'x' });
    expect(r.success).toBe(false);
    const u = toUserError(r.error);
    expect(u.key).toBe('errors.validation');
    expect(u.params.count).toBe(2);
    expect(u.params.summary).toContain('registry.host');
    expect(u.params.summary).toContain('port');
  });
});

describe('toUserError: MySQL and S3 error shapes', () => {
  // mysql2 and @aws-sdk errors are exercised against the real servers in lib/errors/user-error.int.test.ts;
  // these pin the mapping of the fields those libraries document.
  it('mysql2 access denied, with the password removed from the detail', () => {
    const e = Object.assign(new Error("Access denied for user 'wandb'@'localhost' (using password: YES)"), {
      code: 'ER_ACCESS_DENIED_ERROR',
      errno: 1045,
      sqlState: '28000',
      sqlMessage: "Access denied for user 'wandb'@'localhost' (using password: YES)",
    });
    expect(toUserError(e).key).toBe('errors.mysql.accessDenied');
    const unknownCode = Object.assign(new Error('x'), { code: 'ER_SOMETHING_NEW', sqlState: 'HY000' });
    expect(toUserError(unknownCode)).toMatchObject({
      key: 'errors.mysql.failed',
      params: { code: 'ER_SOMETHING_NEW' },
    });
  });

  it('S3 service errors by name and status', () => {
    const e = Object.assign(new Error('The specified bucket does not exist'), {
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404, requestId: 'r1' },
    });
    expect(toUserError(e)).toMatchObject({
      key: 'errors.s3.noSuchBucket',
      params: { name: 'NoSuchBucket', status: 404 },
    });
    const other = Object.assign(new Error('x'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    expect(toUserError(other)).toMatchObject({
      key: 'errors.s3.failed',
      params: { name: 'SlowDown', status: 503 },
    });
  });
});

describe('toUserError: everything else', () => {
  it('a missing file names the path', async () => {
    const { readFile } = await import('node:fs/promises');
    const e = await failure(readFile('/nonexistent/kubeconfig'));
    expect(toUserError(e)).toMatchObject({
      key: 'errors.file.notFound',
      params: { path: '/nonexistent/kubeconfig' },
    });
  });

  it('an unknown value becomes errors.unknown, secrets removed, and never throws', () => {
    const u = toUserError(new Error('boom with password=hunter2 and hunter2'), { secrets: ['hunter2'] });
    expect(u.key).toBe('errors.unknown');
    expect(JSON.stringify(u)).not.toContain('hunter2');
    expect(toUserError(undefined).key).toBe('errors.unknown');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(toUserError(circular).key).toBe('errors.unknown');
  });
});
