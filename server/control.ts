import { createHash } from 'node:crypto';
import { chmod, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { writeFileAtomic } from '@/lib/files/atomic';

/**
 * The local control channel of a running wizard: a Unix socket (mode 0600, in the data folder
 * where the path allows) that prints a new sign-in URL on request. Only the user who runs the
 * wizard (or root) can connect. `<data>/server.json` says where the socket and the server are.
 */

export interface ServerInfo {
  pid: number;
  /** The wizard's address, without a token. */
  url: string;
  socket: string;
  /** SHA-256 fingerprint of the HTTPS certificate, when served over HTTPS. */
  fingerprint?: string;
}

export interface ControlRequest {
  op: 'signin-url';
  /** Continue this draft instead of starting a new one. */
  draft?: string;
}

const INFO_FILE = 'server.json';

/** Where the socket goes: in the data folder unless its path is too long for a socket. */
export function socketPath(dataDir: string): string {
  const inData = path.join(dataDir, 'wizard.sock');
  if (Buffer.byteLength(inData) < 100) return inData;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `wandb-airgap-wizard-${process.getuid?.() ?? 'u'}-${hash}.sock`);
}

/** Starts the control socket; `handle` answers one request. Returns a function that closes it. */
export async function startControl(
  dataDir: string,
  info: Omit<ServerInfo, 'socket' | 'pid'>,
  handle: (request: ControlRequest) => Promise<{ url: string } | { error: string }>,
): Promise<() => Promise<void>> {
  const socket = socketPath(dataDir);
  // A socket left by a crashed server: nobody answers on it any more.
  if (!(await answers(socket))) await rm(socket, { force: true });
  else throw new Error(`another wizard is running with this data folder (${dataDir})`);
  const server = net.createServer((conn) => {
    let text = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 4096) conn.destroy();
      if (!text.includes('\n')) return;
      let request: ControlRequest;
      try {
        request = JSON.parse(text.slice(0, text.indexOf('\n'))) as ControlRequest;
      } catch {
        conn.end(`${JSON.stringify({ error: 'bad request' })}\n`);
        return;
      }
      handle(request).then(
        (answer) => conn.end(`${JSON.stringify(answer)}\n`),
        (e: unknown) => conn.end(`${JSON.stringify({ error: e instanceof Error ? e.message : 'failed' })}\n`),
      );
    });
    conn.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  await chmod(socket, 0o600);
  const full: ServerInfo = { ...info, pid: process.pid, socket };
  await writeFileAtomic(path.join(dataDir, INFO_FILE), JSON.stringify(full, null, 2));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(socket, { force: true });
    await rm(path.join(dataDir, INFO_FILE), { force: true });
  };
}

function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = net.connect(socket);
    conn.once('connect', () => {
      conn.destroy();
      resolve(true);
    });
    conn.once('error', () => resolve(false));
  });
}

/** The running wizard's info, or null when none runs with this data folder. */
export async function readServerInfo(dataDir: string): Promise<ServerInfo | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, INFO_FILE), 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
}

/** Asks the running wizard for a new sign-in URL (what `signin-url` prints, and what the tests use). */
export async function requestSigninUrl(dataDir: string, draft?: string): Promise<string> {
  const info = await readServerInfo(dataDir);
  if (!info) throw new Error(`no wizard is running with the data folder ${dataDir}`);
  const request: ControlRequest = { op: 'signin-url', ...(draft ? { draft } : {}) };
  const answer = await new Promise<string>((resolve, reject) => {
    const conn = net.connect(info.socket);
    let text = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify(request)}\n`));
    conn.on('data', (chunk: string) => (text += chunk));
    conn.on('end', () => resolve(text));
    conn.on('error', (e) => reject(new Error(`the wizard does not answer on ${info.socket}: ${e.message}`)));
  });
  const parsed = JSON.parse(answer) as { url?: string; error?: string };
  if (!parsed.url) throw new Error(parsed.error ?? 'no answer');
  return parsed.url;
}
