import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * The production build as a site runs it, for the security suite: `node server.js` from the
 * standalone folder (scripts/start copies the static files there first), on a free loopback port,
 * with its own data and configuration folders. Everything here talks HTTP like an attacker would.
 */
export const ROOT = path.resolve(__dirname, '..', '..');
export const STANDALONE = path.join(ROOT, '.next', 'standalone');
export const SERVER_JS = path.join(STANDALONE, 'server.js');

export interface Wizard {
  base: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  configDir: string;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
  /** The sign-in URL printed at start. */
  signinUrl: string;
  stop: () => Promise<void>;
}

/** Some variables of an environment (a test server gets no more of the machine's). */
export function pick(env: NodeJS.ProcessEnv, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]!]));
}

export function tempDirs(): { dataDir: string; configDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'wizard-security-'));
  return { dataDir: path.join(root, 'data'), configDir: path.join(root, 'config') };
}

/** Starts the built server; resolves once it printed its sign-in URL. */
export function startWizard(
  options: { dataDir?: string; configDir?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<Wizard> {
  const dirs = tempDirs();
  const dataDir = options.dataDir ?? dirs.dataDir;
  const configDir = options.configDir ?? dirs.configDir;
  const child = spawn(process.execPath, [SERVER_JS, '--port', '0', ...(options.args ?? [])], {
    cwd: os.tmpdir(),
    env: {
      ...pick(process.env, ['PATH', 'HOME', 'TMPDIR']),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      WIZARD_DATA_DIR: dataDir,
      WIZARD_CONFIG_DIR: configDir,
      // No cluster: an apply that gets past the gate stops at the kubeconfig.
      KUBECONFIG: path.join(configDir, 'no-such-kubeconfig'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess;
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the wizard did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const m = /(https?:\/\/[^\s]+):(\d+)\/signin\?token=[A-Za-z0-9_-]+/.exec(output);
      if (child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`the wizard exited:\n${output}`));
      }
      if (!m) return;
      clearInterval(poll);
      clearTimeout(timer);
      const port = Number(m[2]);
      resolve({
        base: `${m[1]!.replace(/\/\/[^/:]+$/, '//127.0.0.1')}:${port}`,
        port,
        child,
        dataDir,
        configDir,
        log: () => output,
        signinUrl: m[0].replace(/\/\/[^/:]+:/, '//127.0.0.1:'),
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    }, 100);
  });
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with exactly the headers given (Host included), no redirects followed. */
export function request(
  base: string,
  pathAndQuery: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Exchanges a sign-in URL for the session cookie (`name=value`). */
export async function signIn(signinUrl: string): Promise<string> {
  const url = new URL(signinUrl);
  const answer = await request(url.origin, url.pathname + url.search);
  if (answer.status !== 303) throw new Error(`sign-in answered ${answer.status}: ${answer.body}`);
  const set = ([] as string[]).concat(answer.headers['set-cookie'] ?? [])[0] ?? '';
  return set.split(';')[0]!;
}

/** A new sign-in URL from the running server, as `npm run signin-url` prints it. */
export async function newSigninUrl(wizard: Wizard, draft?: string): Promise<string> {
  const { requestSigninUrl } = await import('../../server/control');
  return requestSigninUrl(wizard.dataDir, draft);
}

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers?: Record<string, unknown>;
}

/**
 * Every server action of the build: id, its exported name and file when the manifest says, and
 * the path of a page that can run it (the page the browser would post to).
 */
export function serverActions(): Array<{ id: string; name: string; file: string; page: string }> {
  const manifest = JSON.parse(
    readFileSync(path.join(STANDALONE, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers ?? {}).find((w) => w.startsWith('app/wizard/')) ?? 'app/page';
    return {
      id,
      name: entry.exportedName ?? '',
      file: entry.filename ?? '',
      page: worker.replace(/^app/, '').replace(/\/page$/, '') || '/',
    };
  });
}

/** Every route of the build: pages and route handlers, with sample values for dynamic segments. */
export function routes(): { pages: string[]; handlers: string[] } {
  const manifest = JSON.parse(
    readFileSync(path.join(STANDALONE, '.next', 'server', 'app-paths-manifest.json'), 'utf8'),
  ) as Record<string, string>;
  const concrete = (route: string) =>
    route
      .replace(/\/(page|route)$/, '')
      .replace(/\[\[?\.\.\.[^\]]+\]\]?/g, 'a/b')
      .replace(/\[[^\]]+\]/g, 'sample') || '/';
  const keys = Object.keys(manifest).filter((k) => !k.startsWith('/_'));
  return {
    pages: keys.filter((k) => k.endsWith('/page')).map(concrete),
    handlers: keys.filter((k) => k.endsWith('/route')).map(concrete),
  };
}

/** Calls a server action as the page does: its id, JSON arguments, the session cookie. */
export async function callAction(
  wizard: Wizard,
  cookie: string,
  id: string,
  args: unknown[],
  extra: Record<string, string> = {},
): Promise<Answer & { result?: unknown }> {
  const page = serverActions().find((a) => a.id === id)?.page ?? '/wizard/start';
  const answer = await request(wizard.base, page, {
    method: 'POST',
    headers: {
      Host: `127.0.0.1:${wizard.port}`,
      Origin: wizard.base,
      Cookie: cookie,
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      ...extra,
    },
    body: JSON.stringify(args),
  });
  // The RSC answer: the action's result is the line `1:<json>`.
  const line = answer.body.split('\n').find((l) => l.startsWith('1:'));
  let result: unknown;
  try {
    result = line ? JSON.parse(line.slice(2)) : undefined;
  } catch {
    result = undefined;
  }
  return { ...answer, result };
}

/** The resident memory of a process, in bytes (Linux). */
export function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The id of a server action by its exported name (and file, when two share a name). */
export function actionId(name: string, file?: string): string {
  const found = serverActions().filter((a) => a.name === name && (!file || a.file.includes(file)));
  if (found.length !== 1) throw new Error(`no single server action named ${name} (${found.length})`);
  return found[0]!.id;
}
