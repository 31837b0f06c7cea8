import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';

/** A variable of `scripts/test-env env`; a test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

function connectionOptions(overrides: Partial<mysql.ConnectionOptions> = {}): mysql.ConnectionOptions {
  return {
    host: requireEnv('MYSQL_HOST'),
    port: Number(requireEnv('MYSQL_PORT')),
    user: requireEnv('MYSQL_USER'),
    password: requireEnv('MYSQL_PASSWORD'),
    database: requireEnv('MYSQL_DATABASE'),
    connectTimeout: 10_000,
    ...overrides,
  };
}

async function withConnection<T>(
  overrides: Partial<mysql.ConnectionOptions>,
  fn: (c: mysql.Connection) => Promise<T>,
): Promise<T> {
  const connection = await mysql.createConnection(connectionOptions(overrides));
  try {
    return await fn(connection);
  } finally {
    await connection.end();
  }
}

describe('50-mysql: MariaDB on loopback', () => {
  it('answers SELECT VERSION() to the wandb user, in the wandb database', async () => {
    const [rows] = await withConnection({}, (c) =>
      c.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version, DATABASE() AS db, CURRENT_USER() AS user'),
    );
    expect(rows[0]?.version).toMatch(/^\d+\.\d+\.\d+.*MariaDB/);
    expect(rows[0]?.db).toBe(requireEnv('MYSQL_DATABASE'));
    expect(rows[0]?.user).toMatch(new RegExp(`^${requireEnv('MYSQL_USER')}@`));
  });

  it('lets the wandb user create, fill and drop a table', async () => {
    await withConnection({}, async (c) => {
      const table = `smoke_${process.pid}_${Date.now()}`;
      await c.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, name VARCHAR(64)) CHARACTER SET utf8mb4`);
      try {
        await c.execute(`INSERT INTO ${table} (id, name) VALUES (?, ?)`, [1, 'ウェイト']);
        const [rows] = await c.query<mysql.RowDataPacket[]>(`SELECT name FROM ${table} WHERE id = 1`);
        expect(rows[0]?.name).toBe('ウェイト');
      } finally {
        await c.query(`DROP TABLE ${table}`);
      }
    });
  });

  it('lets root in over TCP with MYSQL_ROOT_PASSWORD', async () => {
    const [rows] = await withConnection(
      { user: 'root', password: requireEnv('MYSQL_ROOT_PASSWORD'), database: undefined },
      (c) => c.query<mysql.RowDataPacket[]>('SELECT 1 AS one'),
    );
    expect(rows[0]?.one).toBe(1);
  });

  it('refuses a wrong password', async () => {
    const error = await mysql.createConnection(connectionOptions({ password: 'not-the-password' })).then(
      async (c) => {
        await c.end();
        return undefined;
      },
      (e: { code?: string; errno?: number }) => e,
    );
    expect(error?.code).toBe('ER_ACCESS_DENIED_ERROR');
    expect(error?.errno).toBe(1045);
  });

  it('refuses a database the user has no grant on', async () => {
    const error = await mysql.createConnection(connectionOptions({ database: 'mysql' })).then(
      async (c) => {
        await c.end();
        return undefined;
      },
      (e: { code?: string }) => e,
    );
    expect(error?.code).toBe('ER_DBACCESS_DENIED_ERROR');
  });
});
