import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type AddressInfo, isIP } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';

/** A variable of `scripts/test-env env`; a test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

function pki() {
  const caFile = requireEnv('TEST_CA_FILE');
  const dir = path.dirname(caFile);
  return {
    caPem: readFileSync(caFile),
    serverPem: readFileSync(path.join(dir, 'server.crt')),
    serverKey: readFileSync(path.join(dir, 'server.key')),
    dir,
  };
}

/** Handshake with a TLS server that uses the test server certificate; resolves to the error, if any. */
async function handshake(name: string, ca: Buffer | undefined): Promise<Error | undefined> {
  const { serverPem, serverKey } = pki();
  const server = tls.createServer({ cert: serverPem, key: serverKey }, (socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Error | undefined>((resolve) => {
      // the identity is checked against `servername`, or against `host` when it is an IP (no SNI then)
      const target = isIP(name) ? { host: name } : { host: '127.0.0.1', servername: name };
      const socket = tls.connect({ ...target, port, ca: ca ?? [...tls.rootCertificates] }, () => {
        socket.end();
        resolve(undefined);
      });
      socket.on('error', resolve);
    });
  } finally {
    server.close();
  }
}

describe('05-pki: private CA and server certificate', () => {
  it('has a CA certificate that is a CA', () => {
    const ca = new X509Certificate(pki().caPem);
    expect(ca.ca).toBe(true);
    expect(new Date(ca.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it('has a server certificate for localhost and 127.0.0.1, signed by the CA', () => {
    const { caPem, serverPem, dir } = pki();
    const ca = new X509Certificate(caPem);
    const server = new X509Certificate(serverPem);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(server.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(existsSync(path.join(dir, 'ca.key'))).toBe(true);
  });

  it('lets a client that trusts the CA connect by name and by IP', async () => {
    expect(await handshake('localhost', pki().caPem)).toBeUndefined();
    expect(await handshake('127.0.0.1', pki().caPem)).toBeUndefined();
  });

  it('is refused by a client that does not trust the CA', async () => {
    const error = await handshake('localhost', undefined);
    expect(error).toBeInstanceOf(Error);
    expect((error as NodeJS.ErrnoException).code).toMatch(/SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/);
  });

  it('is refused for a name the certificate does not carry', async () => {
    const error = await handshake('example.com', pki().caPem);
    expect((error as NodeJS.ErrnoException | undefined)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });
});
