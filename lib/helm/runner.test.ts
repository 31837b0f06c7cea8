import { existsSync, readFileSync, statSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isHelmError, toUserError } from '@/lib/errors';

import { type HelmCommand, runHelm, withHelmHome } from './runner';

// The runner's mechanics (stdin, exit codes, timeout, abort, output limit, environment) exercised
// with a real process: node itself running a tiny script in place of helm.
const NODE = process.execPath;
const script = (code: string) => ['-e', code];

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('runHelm', () => {
  it('passes stdin and returns stdout; the password never appears in the recorded command', async () => {
    await withHelmHome(async (home) => {
      const commands: HelmCommand[] = [];
      const r = await runHelm(
        NODE,
        script(
          'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>process.stdout.write("got:"+d.length))',
        ),
        {
          env: home.env,
          stdin: 's3cr3t-pass',
          secrets: ['s3cr3t-pass'],
          commands,
        },
      );
      expect(r.stdout).toBe('got:11');
      expect(commands).toHaveLength(1);
      expect(commands[0]?.exitCode).toBe(0);
      expect(JSON.stringify(commands)).not.toContain('s3cr3t-pass');
    });
  });

  it('a non-zero exit becomes a HelmError with the exit code and the stderr tail, secrets removed', async () => {
    await withHelmHome(async (home) => {
      const e = await caught(
        runHelm(
          NODE,
          script('console.error("line1\\nError: 401 Unauthorized for pw hunter22");process.exit(3)'),
          { env: home.env, secrets: ['hunter22'] },
        ),
      );
      expect(isHelmError(e)).toBe(true);
      if (!isHelmError(e)) return;
      expect(e.details.exitCode).toBe(3);
      expect(e.details.stderrTail).toContain('401 Unauthorized for pw ***');
      expect(toUserError(e).key).toBe('errors.helm.unauthorized');
    });
  });

  it('kills a process that exceeds its timeout', async () => {
    await withHelmHome(async (home) => {
      const t0 = performance.now();
      const e = await caught(
        runHelm(NODE, script('setInterval(()=>{},1000)'), { env: home.env, timeoutMs: 300 }),
      );
      expect(performance.now() - t0).toBeLessThan(2_000);
      expect(isHelmError(e) && e.details).toMatchObject({ timedOut: true, signal: 'SIGTERM' });
    });
  });

  it('escalates to SIGKILL when the process ignores SIGTERM', async () => {
    await withHelmHome(async (home) => {
      const t0 = performance.now();
      const e = await caught(
        runHelm(NODE, script('process.on("SIGTERM",()=>{});setInterval(()=>{},1000)'), {
          env: home.env,
          timeoutMs: 1_500,
        }),
      );
      const elapsed = performance.now() - t0;
      // The handler must be installed before SIGTERM arrives: node starts well within 1.5 s.
      expect(isHelmError(e) && e.details).toMatchObject({ timedOut: true, signal: 'SIGKILL' });
      expect(elapsed).toBeGreaterThan(4_400);
      expect(elapsed).toBeLessThan(7_500);
    });
  });

  it('stops the process when the signal aborts', async () => {
    await withHelmHome(async (home) => {
      const e = await caught(
        runHelm(NODE, script('setInterval(()=>{},1000)'), {
          env: home.env,
          signal: AbortSignal.timeout(100),
        }),
      );
      expect(isHelmError(e) && e.details.aborted).toBe(true);
      expect(toUserError(e).key).toBe('errors.aborted');
    });
  });

  it('refuses output beyond maxBuffer', async () => {
    await withHelmHome(async (home) => {
      const e = await caught(
        runHelm(NODE, script('process.stdout.write("x".repeat(10000))'), { env: home.env, maxBuffer: 1000 }),
      );
      expect(toUserError(e).key).toBe('errors.helm.outputTooLarge');
    });
  });

  it('a missing binary maps to errors.helm.notFound', async () => {
    await withHelmHome(async (home) => {
      const e = await caught(runHelm('/nonexistent/helm', ['version'], { env: home.env }));
      expect(toUserError(e)).toMatchObject({
        key: 'errors.helm.notFound',
        params: { path: '/nonexistent/helm' },
      });
    });
  });

  it('gives the process only its own environment, with every HELM_* location inside the home', async () => {
    process.env.WIZARD_TEST_LEAK = 'leak';
    try {
      await withHelmHome(async (home) => {
        const r = await runHelm(NODE, script('process.stdout.write(JSON.stringify(process.env))'), {
          env: home.env,
        });
        const env = JSON.parse(r.stdout) as Record<string, string>;
        expect(env.WIZARD_TEST_LEAK).toBeUndefined();
        expect(env.HOME).toBe(home.dir);
        for (const k of [
          'HELM_CONFIG_HOME',
          'HELM_CACHE_HOME',
          'HELM_DATA_HOME',
          'HELM_REPOSITORY_CONFIG',
          'HELM_REPOSITORY_CACHE',
          'HELM_REGISTRY_CONFIG',
          'KUBECONFIG',
        ]) {
          expect(env[k], k).toMatch(new RegExp(`^${home.dir}/`));
        }
      });
    } finally {
      delete process.env.WIZARD_TEST_LEAK;
    }
  });
});

describe('withHelmHome', () => {
  it('writes private files with mode 0600 and removes the whole home afterwards, also on failure', async () => {
    let dir = '';
    let file = '';
    await expect(
      withHelmHome(async (home) => {
        dir = home.dir;
        file = await home.writePrivateFile('values.yaml', 'license: abc');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(statSync(dir).mode & 0o777).toBe(0o700);
        expect(readFileSync(file, 'utf8')).toBe('license: abc');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('points KUBECONFIG at the given file', async () => {
    await withHelmHome(async (home) => expect(home.env.KUBECONFIG).toBe('/etc/kubeconfig'), {
      kubeconfig: '/etc/kubeconfig',
    });
  });
});
