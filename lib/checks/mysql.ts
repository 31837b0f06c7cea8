import 'server-only';

import net from 'node:net';

import mysql from 'mysql2/promise';
import semver from 'semver';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

/** The server the chart wants: MySQL 8 (W&B supports MySQL 8 only). */
export const MIN_MYSQL_VERSION = '8.0.0';

/** What a server's `VERSION()` means for W&B: MySQL 8+ passes, MariaDB warns, older MySQL fails. Pure. */
export function judgeMysqlVersion(version: string): 'pass' | 'mariadb' | 'old' {
  if (/mariadb/i.test(version)) return 'mariadb';
  const v = semver.coerce(version);
  return v && semver.gte(v, MIN_MYSQL_VERSION) ? 'pass' : 'old';
}

/**
 * Whether a failed connection means the server never spoke: no greeting in time (`timeout`), or
 * the connection closed before any packet (`closed`) — a port that belongs to something else, a
 * proxy without a backend, a hung server — rather than a refused login. Pure.
 */
export function noAnswer(code: string | undefined): 'timeout' | 'closed' | undefined {
  if (code === 'ETIMEDOUT' || code === 'PROTOCOL_SEQUENCE_TIMEOUT') return 'timeout';
  if (code === 'PROTOCOL_CONNECTION_LOST' || code === 'ECONNRESET') return 'closed';
  return undefined;
}

/** Opens and closes a TCP connection, within `timeoutMs` or until `signal`. Resolves to an error code or ''. */
function tcpProbe(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (code: string) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(code);
    };
    const onAbort = () => finish('ABORTED');
    const timer = setTimeout(() => finish('ETIMEDOUT'), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish(''));
    socket.once('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
  });
}

/**
 * Check 7: the external MySQL is reachable over TCP, the user can log in, the database exists and
 * is accessible, and the server is MySQL 8 or newer. MariaDB is a warning (W&B supports MySQL 8
 * only); each failure is explained. Skipped when MySQL runs in the cluster.
 */
export const mysqlCheck: CheckDefinition<ChecksInput> = {
  id: 'mysql',
  titleKey: 'checks.mysql.title',
  strict: true,
  timeoutMs: 10_000,
  secrets: (input) => [input.config.mysql.password],
  async run(input, ctx): Promise<CheckOutcome> {
    const db = input.config.mysql;
    if (db.mode !== 'external')
      return { status: 'skipped', message: { key: 'checks.mysql.inCluster', params: {} } };
    const address = `${db.host}:${db.port}`;
    const evidence: Evidence[] = [];
    const code = await tcpProbe(db.host, db.port, remainingMs(ctx.deadline, 2_000), ctx.signal);
    evidence.push({ label: 'TCP', request: `connect ${address}`, response: code || 'connected' });
    if (code)
      return {
        status: 'fail',
        message: { key: 'checks.mysql.unreachable', params: { address, code } },
        remedy: { key: 'checks.mysql.unreachable.remedy', params: { address } },
        evidence,
      };

    // The greeting may wait on the server's reverse DNS lookup of this machine (skip_name_resolve
    // off), so the check's whole remaining time is given before calling the server silent.
    const greetingMs = remainingMs(ctx.deadline, 500);
    let conn: mysql.Connection | undefined;
    const onAbort = () => conn?.destroy();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      try {
        conn = await mysql.createConnection({
          host: db.host,
          port: db.port,
          user: db.user,
          password: db.password,
          connectTimeout: greetingMs,
        });
        evidence.push({ label: 'login', request: `user ${db.user} at ${address}`, response: 'accepted' });
      } catch (e) {
        const err = e as { code?: string; errno?: number; sqlMessage?: string; message?: string };
        evidence.push({
          label: 'login',
          request: `user ${db.user} at ${address}`,
          response: `${err.code ?? ''} ${err.sqlMessage ?? err.message ?? ''}`.trim(),
        });
        const denied = err.code === 'ER_ACCESS_DENIED_ERROR' || err.errno === 1045;
        const silence = noAnswer(err.code);
        if (silence)
          return {
            status: 'fail',
            message: {
              key: silence === 'closed' ? 'checks.mysql.closedSilently' : 'checks.mysql.noAnswer',
              params: { address, seconds: Math.round(greetingMs / 100) / 10 },
            },
            remedy: { key: 'checks.mysql.noAnswer.remedy', params: { address } },
            evidence,
          };
        return {
          status: 'fail',
          message: denied
            ? { key: 'checks.mysql.loginDenied', params: { user: db.user, address } }
            : {
                key: 'checks.mysql.loginFailed',
                params: { user: db.user, address, code: err.code ?? err.message ?? '' },
              },
          remedy: {
            key: denied ? 'checks.mysql.loginDenied.remedy' : 'checks.mysql.unreachable.remedy',
            params: { user: db.user, address },
          },
          evidence,
        };
      }
      const [rows] = await conn.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
      const version = String(rows[0]?.version ?? '');
      evidence.push({ label: 'version', request: 'SELECT VERSION()', response: version });
      try {
        await conn.query('USE ??', [db.database]);
        evidence.push({ label: 'database', request: `USE ${db.database}`, response: 'ok' });
      } catch (e) {
        const err = e as { code?: string; sqlMessage?: string };
        evidence.push({
          label: 'database',
          request: `USE ${db.database}`,
          response: `${err.code ?? ''} ${err.sqlMessage ?? ''}`.trim(),
        });
        const missing = err.code === 'ER_BAD_DB_ERROR';
        return {
          status: 'fail',
          message: {
            key: missing ? 'checks.mysql.databaseMissing' : 'checks.mysql.databaseDenied',
            params: { database: db.database, user: db.user },
          },
          remedy: { key: 'checks.mysql.database.remedy', params: { database: db.database, user: db.user } },
          evidence,
        };
      }
      const params = { version, minimum: MIN_MYSQL_VERSION, database: db.database, address };
      switch (judgeMysqlVersion(version)) {
        case 'mariadb':
          return {
            status: 'warn',
            message: { key: 'checks.mysql.mariadb', params },
            remedy: { key: 'checks.mysql.mariadb.remedy', params },
            evidence,
          };
        case 'old':
          return {
            status: 'fail',
            message: { key: 'checks.mysql.tooOld', params },
            remedy: { key: 'checks.mysql.tooOld.remedy', params },
            evidence,
          };
        case 'pass':
          return { status: 'pass', message: { key: 'checks.mysql.pass', params }, evidence };
      }
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      conn?.destroy();
    }
  },
};
