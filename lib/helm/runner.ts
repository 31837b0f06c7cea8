import 'server-only';

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HelmError, redact, tail } from '@/lib/errors';

/** One helm invocation as evidence: the command (no secrets by construction), exit and timing. */
export interface HelmCommand {
  command: string;
  exitCode: number | null;
  durationMs: number;
  stderrTail: string;
}

/** What a successful run returns. */
export interface HelmRunResult {
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Options of {@link runHelm}. */
export interface RunHelmOptions {
  /** Caller's cancel: helm gets SIGTERM, then SIGKILL after a grace period. */
  signal?: AbortSignal;
  /** Hard limit for this invocation. Default 120 s. */
  timeoutMs?: number;
  /** Written to helm's stdin, then closed (passwords for `--password-stdin`). */
  stdin?: string;
  /** The complete environment for helm (see {@link HelmHome.env}); nothing else is inherited. */
  env: Record<string, string>;
  cwd?: string;
  /** Default 64 MiB (rendered manifests of a large chart). */
  maxBuffer?: number;
  /** Values to remove from the stderr kept in errors and evidence. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Each invocation is appended here. */
  commands?: HelmCommand[];
  /** Called once helm has been started (for callers that work in parallel with it). */
  onSpawn?: () => void;
}

const KILL_GRACE_MS = 3_000;

/**
 * The one helm runner: `execFile` with an argument array (no shell), a timeout and an AbortSignal
 * (SIGTERM, then SIGKILL), bounded output, an explicit environment and secrets only on stdin.
 * Resolves with stdout/stderr on exit code 0; otherwise throws a {@link HelmError}.
 */
export function runHelm(helmPath: string, args: string[], opts: RunHelmOptions): Promise<HelmRunResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const t0 = performance.now();
  const secrets = opts.secrets ?? [];
  return new Promise<HelmRunResult>((resolve, reject) => {
    let timedOut = false;
    let aborted = false;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const onAbort = () => {
      aborted = true;
      stop();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);

    const child = execFile(
      helmPath,
      args,
      {
        env: opts.env as NodeJS.ProcessEnv,
        cwd: opts.cwd,
        maxBuffer: opts.maxBuffer ?? 64 * 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        clearTimeout(timer);
        if (killTimer) clearTimeout(killTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        const durationMs = Math.round(performance.now() - t0);
        const stderrTail = redact(tail(stderr), secrets);
        const e = error as
          (NodeJS.ErrnoException & { code?: string | number; signal?: NodeJS.Signals | null }) | null;
        const exitCode = e ? (typeof e.code === 'number' ? e.code : null) : 0;
        opts.commands?.push({
          command: redact([helmPath, ...args].join(' '), secrets),
          exitCode,
          durationMs,
          stderrTail,
        });
        if (!e && !timedOut && !aborted) {
          resolve({ stdout, stderr, durationMs });
          return;
        }
        const errorCode = e && typeof e.code === 'string' ? e.code : undefined;
        const why = timedOut
          ? `timed out after ${timeoutMs} ms`
          : aborted
            ? 'was cancelled'
            : errorCode
              ? `failed (${errorCode})`
              : `exited with ${exitCode ?? e?.signal}`;
        reject(
          new HelmError(`helm ${args[0] ?? ''} ${why}`, {
            helmPath,
            args: args.map((a) => redact(a, secrets)),
            exitCode,
            signal: e?.signal ?? null,
            stderrTail,
            timedOut,
            aborted,
            ...(errorCode ? { errorCode } : {}),
          }),
        );
      },
    );
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    // EPIPE when helm exits before reading stdin is reported through the exit callback above.
    child.stdin?.on('error', () => {});
    if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
    else child.stdin?.end();
    opts.onSpawn?.();
  });
}

/** A throwaway helm home: config, cache, data and registry credentials all in one private temp dir. */
export interface HelmHome {
  dir: string;
  /** The environment for {@link runHelm}: PATH, HOME and the HELM_* locations, plus KUBECONFIG when given. */
  env: Record<string, string>;
  /** Writes a file readable only by this user (values with passwords, CA bundles) and returns its path. */
  writePrivateFile(name: string, content: string | Buffer): Promise<string>;
}

/** Variables passed through from the server's environment: network settings, never credentials of ours. */
const PASSED_THROUGH = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'TMPDIR',
  'LANG',
];

/**
 * Runs `fn` with a fresh helm home in a private temp directory (mode 0700) so that nothing reads
 * or writes ~/.config/helm or ~/.cache/helm, and removes it afterwards — with any password files
 * and registry logins in it — whatever happens.
 */
export async function withHelmHome<T>(
  fn: (home: HelmHome) => Promise<T>,
  opts: { kubeconfig?: string } = {},
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'wizard-helm-'));
  try {
    const config = join(dir, 'config');
    const cache = join(dir, 'cache');
    const data = join(dir, 'data');
    const files = join(dir, 'files');
    await Promise.all([config, cache, data, files].map((d) => mkdir(d, { recursive: true, mode: 0o700 })));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: dir,
      HELM_CONFIG_HOME: config,
      HELM_CACHE_HOME: cache,
      HELM_DATA_HOME: data,
      HELM_REPOSITORY_CONFIG: join(config, 'repositories.yaml'),
      HELM_REPOSITORY_CACHE: join(cache, 'repository'),
      HELM_REGISTRY_CONFIG: join(config, 'registry', 'config.json'),
      HELM_PLUGINS: join(data, 'plugins'),
      NO_COLOR: '1',
    };
    for (const k of PASSED_THROUGH) {
      const v = process.env[k];
      if (v) env[k] = v;
    }
    // An empty KUBECONFIG would make helm fall back to ~/.kube/config; point it at nothing instead.
    env.KUBECONFIG = opts.kubeconfig ?? join(dir, 'no-kubeconfig');
    let n = 0;
    const home: HelmHome = {
      dir,
      env,
      async writePrivateFile(name, content) {
        const path = join(files, `${n++}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
        await writeFile(path, content, { mode: 0o600 });
        return path;
      },
    };
    return await fn(home);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
