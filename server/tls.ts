import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ensurePrivateDir, writeFileAtomic } from '@/lib/files/atomic';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 fingerprint, as browsers show it (AA:BB:…). */
  fingerprint: string;
  /** Where it came from: the user's files or the generated pair. */
  source: 'user' | 'generated';
  certFile: string;
}

/** The addresses and names a generated certificate covers: loopback, the machine's name and addresses. */
function subjectAltNames(host: string): Array<{ type: 2; value: string } | { type: 7; ip: string }> {
  const dns = new Set(['localhost', os.hostname().toLowerCase()]);
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) ips.add(a.address.split('%')[0]!);
  if (/^[\d.]+$|:/.test(host)) {
    if (host !== '0.0.0.0' && host !== '::') ips.add(host.replace(/^\[|\]$/g, ''));
  } else dns.add(host.toLowerCase());
  return [
    ...[...dns].filter(Boolean).map((value) => ({ type: 2 as const, value })),
    ...[...ips].map((ip) => ({ type: 7 as const, ip })),
  ];
}

/**
 * The HTTPS certificate: the user's (`--tls-cert`/`--tls-key`), else a self-signed one generated
 * once in the configuration folder (key 0600) and kept, so that its fingerprint stays the same
 * from one start to the next. The generated one is made again when it nears its end or no longer
 * names this machine's addresses.
 */
export async function loadTls(options: {
  host: string;
  configDir: string;
  tlsCert?: string;
  tlsKey?: string;
}): Promise<TlsMaterial> {
  if (options.tlsCert && options.tlsKey) {
    const [cert, key] = await Promise.all([
      readFile(options.tlsCert, 'utf8'),
      readFile(options.tlsKey, 'utf8'),
    ]);
    return {
      cert,
      key,
      fingerprint: new X509Certificate(cert).fingerprint256,
      source: 'user',
      certFile: options.tlsCert,
    };
  }
  const dir = path.join(options.configDir, 'tls');
  const certFile = path.join(dir, 'wizard.crt');
  const keyFile = path.join(dir, 'wizard.key');
  const names = subjectAltNames(options.host);
  try {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
    const x509 = new X509Certificate(cert);
    const covers = names.every((n) => ('value' in n ? x509.checkHost(n.value) : x509.checkIP(n.ip)));
    if (covers && Date.parse(x509.validTo) - Date.now() > 30 * 24 * 3600_000)
      return { cert, key, fingerprint: x509.fingerprint256, source: 'generated', certFile };
  } catch {
    // None yet (or unreadable): make one.
  }
  const { generate } = await import('selfsigned');
  const notAfter = new Date(Date.now() + 825 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: os.hostname() || 'wandb-airgap-wizard' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names },
    ],
  });
  await ensurePrivateDir(dir);
  await writeFileAtomic(keyFile, pems.private);
  await writeFileAtomic(certFile, pems.cert);
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    source: 'generated',
    certFile,
  };
}
