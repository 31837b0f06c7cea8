import { once } from 'node:events';
import net from 'node:net';

import { describe, expect, it } from 'vitest';

import { runChecks, runOne, streamChecks } from './runner';
import type { CheckDefinition, CheckOutcome } from './types';

type Cfg = { password: string };
const cfg: Cfg = { password: 'hunter2-secret' };

const pass: CheckOutcome = { status: 'pass', message: { key: 'ok', params: {} } };

/** A check that waits `ms` (honouring its signal) and passes. */
function sleeper(id: string, ms: number, extra: Partial<CheckDefinition<Cfg>> = {}): CheckDefinition<Cfg> {
  return {
    id,
    titleKey: `checks.${id}.title`,
    strict: true,
    timeoutMs: 5_000,
    ...extra,
    run: (_c, { signal }) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => resolve(pass), ms);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          reject(signal.reason);
        });
      }),
  };
}

/** A check that ignores its signal entirely and never settles. */
function hung(id: string, timeoutMs: number): CheckDefinition<Cfg> {
  return { id, titleKey: id, strict: true, timeoutMs, run: () => new Promise<CheckOutcome>(() => {}) };
}

describe('runChecks', () => {
  it('runs checks concurrently: the wall time is close to the slowest check', async () => {
    const defs = [
      sleeper('a', 300),
      sleeper('b', 200),
      sleeper('c', 100),
      sleeper('d', 300),
      sleeper('e', 250),
    ];
    const t0 = performance.now();
    const results = await runChecks(defs, cfg);
    const wall = performance.now() - t0;
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    const slowest = Math.max(...results.map((r) => r.durationMs));
    expect(slowest).toBeGreaterThanOrEqual(295);
    expect(wall).toBeLessThan(slowest * 1.5);
  });

  it('returns results in definition order but reports them in completion order', async () => {
    const seen: string[] = [];
    const results = await runChecks([sleeper('slow', 150), sleeper('fast', 10)], cfg, {
      onResult: (r) => seen.push(r.id),
    });
    expect(results.map((r) => r.id)).toEqual(['slow', 'fast']);
    expect(seen).toEqual(['fast', 'slow']);
  });

  it('fills timing: ISO timestamps and a duration that matches the work', async () => {
    const [r] = await runChecks([sleeper('t', 120)], cfg);
    expect(r?.durationMs).toBeGreaterThanOrEqual(115);
    expect(r?.durationMs).toBeLessThan(1_000);
    expect(Date.parse(r?.finishedAt ?? '') - Date.parse(r?.startedAt ?? '')).toBeGreaterThanOrEqual(115);
  });

  it('abandons a check that exceeds its timeout: error naming the limit, after the limit and no more', async () => {
    const t0 = performance.now();
    const [r, other] = await runChecks([hung('stuck', 200), sleeper('ok', 50)], cfg);
    const wall = performance.now() - t0;
    expect(r?.status).toBe('error');
    expect(r?.message).toEqual({ key: 'errors.check.timeout', params: { seconds: 0.2, limitMs: 200 } });
    expect(other?.status).toBe('pass');
    expect(wall).toBeGreaterThanOrEqual(195);
    expect(wall).toBeLessThan(600);
  });

  it('bounds every check by the overall deadline, reported as such', async () => {
    const t0 = performance.now();
    const results = await runChecks([hung('x', 10_000), hung('y', 10_000), sleeper('z', 20)], cfg, {
      deadlineMs: 250,
    });
    const wall = performance.now() - t0;
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'pass']);
    expect(results[0]?.message.key).toBe('errors.check.deadline');
    expect(results[0]?.message.params.seconds).toBe(0.3);
    expect(wall).toBeLessThan(700);
  });

  it('turns a throw into an error result with the mapped message, secrets removed', async () => {
    const def: CheckDefinition<Cfg> = {
      id: 'throws',
      titleKey: 't',
      strict: false,
      timeoutMs: 1_000,
      secrets: (c) => [c.password],
      run: async (c) => {
        throw new Error(`login failed with ${c.password}`);
      },
    };
    const [r] = await runChecks([def], cfg);
    expect(r?.status).toBe('error');
    expect(r?.message.key).toBe('errors.unknown');
    expect(JSON.stringify(r)).not.toContain('hunter2-secret');
    expect(r?.evidence[0]?.response).toContain('login failed with ***');
  });

  it('turns a synchronous throw into an error result too', async () => {
    const def: CheckDefinition<Cfg> = {
      id: 'sync',
      titleKey: 't',
      strict: false,
      timeoutMs: 1_000,
      run: () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
          address: '127.0.0.1',
          port: 1,
        });
      },
    };
    const [r] = await runChecks([def], cfg);
    expect(r?.message).toEqual({ key: 'errors.network.refused', params: { address: '127.0.0.1:1' } });
  });

  it('redacts secrets that a check puts in its message and evidence', async () => {
    const def: CheckDefinition<Cfg> = {
      id: 'leaky',
      titleKey: 't',
      strict: true,
      timeoutMs: 1_000,
      run: async (c) => ({
        status: 'fail',
        message: { key: 'k', params: { url: `https://u:${c.password}@host/x` } },
        evidence: [
          {
            label: 'req',
            request: `GET /v2/\nAuthorization: Basic ${Buffer.from(`u:${c.password}`).toString('base64')}`,
          },
        ],
      }),
    };
    const [r] = await runChecks([def], cfg, { secrets: [cfg.password] });
    expect(r?.message.params.url).toBe('https://u:***@host/x');
    expect(r?.evidence[0]?.request).not.toMatch(/dTpodW50ZXI/);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('aborts the signal on timeout so the work underneath is really cancelled (a socket is closed)', async () => {
    // A real server that accepts and never answers; we watch the connection close on its side.
    const server = net.createServer();
    const closed: Promise<unknown>[] = [];
    server.on('connection', (s) => closed.push(once(s, 'close')));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as net.AddressInfo).port;
    try {
      const def: CheckDefinition<Cfg> = {
        id: 'socket',
        titleKey: 't',
        strict: true,
        timeoutMs: 200,
        run: (_c, { signal }) =>
          new Promise<CheckOutcome>((resolve, reject) => {
            const sock = net.connect({ port, host: '127.0.0.1' });
            sock.on('error', reject);
            sock.on('data', () => resolve(pass));
            signal.addEventListener('abort', () => sock.destroy());
          }),
      };
      const [r] = await runChecks([def], cfg);
      expect(r?.message.key).toBe('errors.check.timeout');
      expect(closed).toHaveLength(1);
      await expect(
        Promise.race([
          closed[0],
          new Promise((_, rej) => setTimeout(() => rej(new Error('socket still open')), 1_000)),
        ]),
      ).resolves.toBeDefined();
    } finally {
      server.close();
    }
  });

  it('cancels running checks when the caller aborts the run', async () => {
    const controller = new AbortController();
    let innerAborted = false;
    const def: CheckDefinition<Cfg> = {
      id: 'c',
      titleKey: 't',
      strict: true,
      timeoutMs: 5_000,
      run: (_c, { signal }) =>
        new Promise<CheckOutcome>(() => {
          signal.addEventListener('abort', () => (innerAborted = true));
        }),
    };
    setTimeout(() => controller.abort(), 50);
    const t0 = performance.now();
    const [r] = await runChecks([def], cfg, { signal: controller.signal });
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(r?.message.key).toBe('errors.check.cancelled');
    expect(innerAborted).toBe(true);
  });

  it('skips cluster checks when no cluster is available', async () => {
    const [r] = await runChecks([sleeper('k', 1, { dependsOnCluster: true })], cfg, {
      clusterAvailable: false,
    });
    expect(r?.status).toBe('skipped');
    expect(r?.message.key).toBe('errors.check.noCluster');
  });

  it('runs a dependent check after its dependency passes, and skips it when the dependency fails', async () => {
    const failing: CheckDefinition<Cfg> = {
      id: 'base',
      titleKey: 't',
      strict: true,
      timeoutMs: 1_000,
      run: async () => ({ status: 'fail', message: { key: 'no', params: {} } }),
    };
    const [, dep] = await runChecks([failing, sleeper('dep', 1, { dependsOn: ['base'] })], cfg);
    expect(dep?.status).toBe('skipped');
    expect(dep?.message).toEqual({ key: 'errors.check.dependencyFailed', params: { dependency: 'base' } });

    const order: string[] = [];
    const results = await runChecks(
      [sleeper('after', 1, { dependsOn: ['first'] }), sleeper('first', 80)],
      cfg,
      { onResult: (r) => order.push(r.id) },
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(order).toEqual(['first', 'after']);
  });

  it('reports an unknown or circular dependency as an error', async () => {
    const results = await runChecks(
      [
        sleeper('a', 1, { dependsOn: ['b'] }),
        sleeper('b', 1, { dependsOn: ['a'] }),
        sleeper('c', 1, { dependsOn: ['nope'] }),
      ],
      cfg,
    );
    expect(results.map((r) => r.status)).toContain('error');
    expect(results[2]?.message).toEqual({
      key: 'errors.check.badDependency',
      params: { dependency: 'nope' },
    });
  });
});

describe('runChecks: definitions', () => {
  it('reports a second check with the same id as an error instead of sharing the first result', async () => {
    const failing: CheckDefinition<Cfg> = {
      id: 'same',
      titleKey: 't',
      strict: true,
      timeoutMs: 1_000,
      run: async () => ({ status: 'fail', message: { key: 'no', params: {} } }),
    };
    const results = await runChecks([sleeper('same', 1), failing], cfg);
    expect(results.map((r) => r.status)).toEqual(['pass', 'error']);
    expect(results[1]?.message).toEqual({ key: 'errors.check.duplicateId', params: { id: 'same' } });
  });
});

describe('streamChecks', () => {
  it('yields results as they finish', async () => {
    const ids: string[] = [];
    for await (const r of streamChecks([sleeper('slow', 120), sleeper('fast', 10), sleeper('mid', 60)], cfg))
      ids.push(r.id);
    expect(ids).toEqual(['fast', 'mid', 'slow']);
  });

  it('cancels the remaining checks when the consumer stops early', async () => {
    let aborted = false;
    const watcher: CheckDefinition<Cfg> = {
      id: 'long',
      titleKey: 't',
      strict: true,
      timeoutMs: 5_000,
      run: (_c, { signal }) =>
        new Promise<CheckOutcome>(() => signal.addEventListener('abort', () => (aborted = true))),
    };
    for await (const r of streamChecks([watcher, sleeper('fast', 5)], cfg)) {
      expect(r.id).toBe('fast');
      break;
    }
    expect(aborted).toBe(true);
  });
});

describe('runOne', () => {
  it('re-runs one check alone, ignoring its dependencies', async () => {
    let runs = 0;
    const counted: CheckDefinition<Cfg> = {
      id: 'x',
      titleKey: 't',
      strict: true,
      timeoutMs: 1_000,
      dependsOn: ['y'],
      run: async () => (runs++, pass),
    };
    const other: CheckDefinition<Cfg> = {
      id: 'y',
      titleKey: 't',
      strict: true,
      timeoutMs: 1_000,
      run: async () => {
        throw new Error('must not run');
      },
    };
    const r = await runOne([counted, other], 'x', cfg);
    expect(r.status).toBe('pass');
    expect(runs).toBe(1);
  });

  it('answers an unknown id with an error result', async () => {
    const r = await runOne([sleeper('a', 1)], 'zzz', cfg);
    expect(r).toMatchObject({
      id: 'zzz',
      status: 'error',
      message: { key: 'errors.check.unknown', params: { id: 'zzz' } },
    });
  });

  it('applies the check timeout when run alone', async () => {
    const r = await runOne([hung('h', 100)], 'h', cfg);
    expect(r.message.key).toBe('errors.check.timeout');
    expect(r.durationMs).toBeLessThan(500);
  });
});
