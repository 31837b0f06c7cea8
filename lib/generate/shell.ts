/** Quoting for the commands printed in the runbook and the scripts (POSIX sh). */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one argument for sh: unchanged when safe, single-quoted otherwise. */
export function shellQuote(argument: string): string {
  if (argument !== '' && SAFE.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** Renders an argv as one shell command line. */
export function commandLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
