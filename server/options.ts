import os from 'node:os';
import path from 'node:path';

/**
 * How the wizard is served, from the command line and the environment. Loopback unless the user
 * names another address; any other address is served over HTTPS only.
 */
export interface ServerOptions {
  /** Address to listen on (default 127.0.0.1). */
  host: string;
  port: number;
  /** True when `host` is a loopback address: plain HTTP is allowed there. */
  loopback: boolean;
  /** HTTPS: always off loopback; on loopback when asked (`--https`). */
  https: boolean;
  /** The user's certificate and key (PEM files); else one is generated in `configDir`. */
  tlsCert?: string;
  tlsKey?: string;
  /** Drafts, sessions, the audit log. */
  dataDir: string;
  /** The secrets key and the generated certificate: outside the data folder. */
  configDir: string;
  /** Extra host names the wizard answers to (DNS names of the bastion host). */
  allowedHosts: string[];
  /** Absolute or relative to the server file: the built application (`.next` inside). */
  appDir: string;
}

/**
 * What `--help` prints (the launcher of the archive, `node server.js` in the built folder, `npm
 * start`). A constant: the bundled server.js holds no comment of this file to read it from.
 */
export const USAGE = `W&B air-gapped install wizard: serves the wizard and prints a one-time sign-in URL.

Usage:
  wandb-airgap-wizard [options]             (in the built folder: node server.js [options])
  wandb-airgap-wizard signin-url [--draft ID] [--list]
                                            a new sign-in URL for the running wizard; --list lists the drafts
  wandb-airgap-wizard help                  this text (also --help)

Options (environment variable in brackets):
  --host ADDR          address to listen on (HOST; default 127.0.0.1). Any address but loopback is
                       served over HTTPS only.
  --port N             port (PORT; default 3000)
  --tls-cert F --tls-key F
                       the certificate and key for HTTPS, PEM files (WIZARD_TLS_CERT, WIZARD_TLS_KEY);
                       without them one is generated once in the configuration folder
  --https              HTTPS on loopback too (WIZARD_HTTPS=1)
  --data-dir DIR       drafts, sessions, the audit log (WIZARD_DATA_DIR; default .data in the current
                       folder; the archive's launcher sets wizard-data beside it)
  --config-dir DIR     the secrets key and the generated certificate, outside the data folder
                       (WIZARD_CONFIG_DIR; default ~/.config/wandb-airgap-wizard)
  --allowed-hosts A,B  more host names the wizard answers to (WIZARD_ALLOWED_HOSTS)
`;

/**
 * The command that prints a new sign-in URL, as the user started the wizard: the archive's
 * launcher (beside the server's folder), npm (`npm start`, `npm run wizard`), or the built
 * folder's server.js (e.g. in the image).
 */
export function signinUrlCommand(
  appDir: string,
  env: Readonly<Record<string, string | undefined>>,
  exists: (file: string) => boolean,
): string {
  const launcher = path.join(appDir, '..', 'wandb-airgap-wizard');
  if (path.basename(appDir) === 'app' && exists(launcher)) return `${launcher} signin-url`;
  if (env.npm_lifecycle_event) return 'npm run signin-url';
  return `node ${path.join(appDir, 'server.js')} signin-url`;
}

/**
 * The same command as the browser's pages name it: relative to the wizard's folder (a page shown
 * before sign-in does not reveal the server's paths), and with its extra arguments (`--draft ID`)
 * behind npm's `--` where npm runs it.
 */
export function publicSigninCommand(command: string, args = ''): string {
  const base = command.startsWith('npm ')
    ? command
    : command.startsWith('node ')
      ? 'node server.js signin-url'
      : './wandb-airgap-wizard signin-url';
  if (!args) return base;
  return base.startsWith('npm ') ? `${base} -- ${args}` : `${base} ${args}`;
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** `--name value` and `--name=value` flags, and bare `--flag`. */
export function parseFlags(argv: readonly string[]): { command: string | null; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      command ??= arg;
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(arg.slice(2), argv[++i]!);
    else flags.set(arg.slice(2), 'true');
  }
  return { command, flags };
}

/** The default folder for the key and the generated certificate (XDG). */
export function defaultConfigDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'wandb-airgap-wizard');
}

/** An error the launcher prints as is (no stack): a wrong flag or setting. */
export class OptionError extends Error {}

/**
 * Options from flags (first) and the environment. `HOSTNAME` is not read: shells and containers
 * set it to the machine's name, and listening beyond loopback must be an explicit choice
 * (`--host` or `HOST`).
 */
export function resolveOptions(
  flags: ReadonlyMap<string, string>,
  env: NodeJS.ProcessEnv,
  cwd: string,
  appDir: string,
): ServerOptions {
  const host = flags.get('host') ?? env.HOST ?? '127.0.0.1';
  const portText = flags.get('port') ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new OptionError(`invalid port "${portText}": a number from 1 to 65535`);
  const loopback = isLoopback(host);
  const tlsCert = flags.get('tls-cert') ?? env.WIZARD_TLS_CERT;
  const tlsKey = flags.get('tls-key') ?? env.WIZARD_TLS_KEY;
  if (!!tlsCert !== !!tlsKey)
    throw new OptionError('give both --tls-cert and --tls-key (WIZARD_TLS_CERT, WIZARD_TLS_KEY), or neither');
  const httpsAsked = flags.has('https') || env.WIZARD_HTTPS === '1';
  const dataDir = path.resolve(cwd, flags.get('data-dir') ?? env.WIZARD_DATA_DIR ?? '.data');
  const configDir = path.resolve(
    cwd,
    flags.get('config-dir') ?? env.WIZARD_CONFIG_DIR ?? defaultConfigDir(env),
  );
  const rel = path.relative(dataDir, configDir);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
    throw new OptionError(
      `the configuration folder ${configDir} (the secrets key) must be outside the data folder ${dataDir}`,
    );
  const allowedHosts = (flags.get('allowed-hosts') ?? env.WIZARD_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return {
    host,
    port,
    loopback,
    https: !loopback || httpsAsked || !!tlsCert,
    ...(tlsCert ? { tlsCert: path.resolve(cwd, tlsCert), tlsKey: path.resolve(cwd, tlsKey!) } : {}),
    dataDir,
    configDir,
    allowedHosts,
    appDir,
  };
}

/**
 * The host names (without port) a request may name in `Host`: loopback names always; when
 * listening beyond loopback also the address itself, the machine's name and its interfaces'
 * addresses, and the names the user added. Anything else is refused (DNS rebinding).
 */
export function allowedHostNames(
  options: Pick<ServerOptions, 'host' | 'loopback' | 'allowedHosts'>,
): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  for (const h of options.allowedHosts) names.add(h);
  if (options.loopback) {
    names.add(bracket(options.host.toLowerCase()));
    return names;
  }
  const wildcard = options.host === '0.0.0.0' || options.host === '::' || options.host === '[::]';
  if (!wildcard) names.add(bracket(options.host.toLowerCase()));
  const hostname = os.hostname().toLowerCase();
  if (hostname) names.add(hostname);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (!wildcard && a.address !== options.host) continue;
      names.add(a.family === 'IPv6' ? bracket(a.address.toLowerCase()) : a.address);
    }
  }
  return names;
}

function bracket(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
