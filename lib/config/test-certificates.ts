import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test support only (imported by *.test.ts): real certificates made with the openssl CLI at
 * test time, so that no key material is committed. Node has no certificate generator.
 */
export interface TestCertificates {
  /** Self-signed CA (basicConstraints CA:TRUE), valid for 10 days from now. */
  readonly ca: string;
  /** A second, independent CA. */
  readonly ca2: string;
  /** A server certificate signed by `ca` (CA:FALSE), valid for 10 days. */
  readonly leaf: string;
  /** The private key of `leaf` (PKCS#8 PEM). */
  readonly leafKey: string;
  /** Subject CN of `ca`. */
  readonly caCommonName: string;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the certificates in a temporary directory and removes it again. */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'wizard-certs-'));
  try {
    const caCommonName = 'Wizard Test Root CA';
    openssl(
      dir,
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
      '10',
      '-subj',
      `/O=Wizard Tests/CN=${caCommonName}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(
      dir,
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca2.key',
      '-out',
      'ca2.crt',
      '-days',
      '10',
      '-subj',
      '/CN=Wizard Second CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    );
    openssl(
      dir,
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/CN=wandb.example.test',
    );
    writeFileSync(
      join(dir, 'leaf.ext'),
      'basicConstraints=CA:FALSE\nsubjectAltName=DNS:wandb.example.test\n',
    );
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.crt',
      '-days',
      '10',
      '-extfile',
      'leaf.ext',
    );
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return {
      ca: read('ca.crt'),
      ca2: read('ca2.crt'),
      leaf: read('leaf.crt'),
      leafKey: read('leaf.key'),
      caCommonName,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
