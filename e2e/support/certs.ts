import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Certificates made for the test run with openssl (nothing is committed). */
export interface TestCertificates {
  /** A valid self-signed CA. */
  ca: string;
  /** A CA certificate that expired in 2021 (signed by `ca`). */
  expiredCa: string;
  /** A self-signed server certificate and its unencrypted key, for the ingress TLS. */
  tlsCert: string;
  tlsKey: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the certificates in a temporary folder. */
export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-certs-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=E2E Test CA',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'old.key',
      '-out',
      'old.csr',
      '-subj',
      '/CN=E2E Expired CA',
    ],
    dir,
  );
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(path.join(dir, 'db', 'index.txt'), '');
  writeFileSync(path.join(dir, 'db', 'serial'), '01\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = dflt',
      '[ dflt ]',
      'database = db/index.txt',
      'serial = db/serial',
      'new_certs_dir = db',
      'default_md = sha256',
      'policy = any',
      '[ any ]',
      'commonName = supplied',
      '[ v3 ]',
      'basicConstraints = critical,CA:TRUE',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.crt',
      '-keyfile',
      'ca.key',
      '-in',
      'old.csr',
      '-out',
      'old.crt',
      '-notext',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20210101000000Z',
      '-extensions',
      'v3',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'tls.key',
      '-out',
      'tls.crt',
      '-days',
      '30',
      '-subj',
      '/CN=wandb.example.internal',
    ],
    dir,
  );
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return {
    ca: read('ca.crt'),
    expiredCa: read('old.crt'),
    tlsCert: read('tls.crt'),
    tlsKey: read('tls.key'),
  };
}
