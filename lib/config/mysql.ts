import { z } from 'zod';

import { msg } from './field-errors';
import { hasControlCharacter, isHostname } from './formats';

const identifier = z
  .string()
  .min(1, msg('config.required'))
  .max(64, msg('config.tooLong'))
  .refine(
    (value) => !hasControlCharacter(value) && !/[\s`]/.test(value),
    msg('config.mysql.identifier.invalid'),
  );

/** The chart installs a MySQL StatefulSet (`mysql.install: true`); an empty password lets the chart generate one. */
export const inClusterMysqlSchema = z.object({
  mode: z.literal('in-cluster'),
  database: identifier,
  user: identifier,
  password: z.string().max(4096, msg('config.tooLong')),
});

/** An existing MySQL the platform connects to. */
export const externalMysqlSchema = z.object({
  mode: z.literal('external'),
  host: z.string().min(1, msg('config.required')).refine(isHostname, msg('config.mysql.host.invalid')),
  port: z
    .number({ error: msg('config.invalidType') })
    .int(msg('config.port.invalid'))
    .min(1, msg('config.port.invalid'))
    .max(65535, msg('config.port.invalid')),
  database: identifier,
  user: identifier,
  password: z.string().min(1, msg('config.required')).max(4096, msg('config.tooLong')),
});

export const mysqlSchema = z.discriminatedUnion('mode', [inClusterMysqlSchema, externalMysqlSchema]);
export type Mysql = z.infer<typeof mysqlSchema>;
export type MysqlMode = Mysql['mode'];

/** A fresh MySQL section of a mode (for forms switching the mode). */
export function emptyMysql(mode: MysqlMode): Mysql {
  return mode === 'in-cluster'
    ? { mode, database: 'wandb_local', user: 'wandb', password: '' }
    : { mode, host: '', port: 3306, database: 'wandb', user: 'wandb', password: '' };
}

export const defaultMysql: Mysql = emptyMysql('external');
