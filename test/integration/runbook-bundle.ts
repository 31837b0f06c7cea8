/**
 * The runbook as a person runs it, for the runbook's integration test and the apply benchmark: the
 * download archive written to a folder, README.md's bash blocks by section, each run by
 * `bash -euo pipefail` with its prompts answered on stdin.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { InstallConfig } from '@/lib/config';
import { generateArtifacts } from '@/lib/generate';
import type { SecretField } from '@/lib/generate/context';
import { OPERATOR_CHART_PASSWORD_VARIABLE, SECRET_VARIABLES } from '@/lib/generate/runbook';
import { translate } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n/messages/en';

import { need } from './apply-fixture';

/** A section of README.md: its title (without the step number) and its bash blocks. */
export interface Section {
  readonly title: string;
  readonly blocks: string[];
}

export function sectionsOf(markdown: string): Section[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((part) => ({
      title: (part.split('\n')[0] ?? '').replace(/^\d+\. /, ''),
      blocks: [...part.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1] ?? ''),
    }));
}

export const en = (key: MessageKey) => translate('en', key);

/** Runs one script with bash -euo pipefail; rejects with its output when it fails or overruns. */
export function bash(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; stdin: string; timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: options.cwd,
      env: options.env,
      timeout: options.timeoutMs,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`bash ended with ${signal ?? code}:\n${script}\n--- output ---\n${out}`)),
    );
    // A script that never reads its stdin may end before it is written: that is not a failure,
    // its exit code says how it went.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin);
  });
}

/** The answers to the script's prompts, in the order it asks (`read -rsp '…' VARIABLE`). */
export function answers(script: string, values: Record<string, string>): string {
  return [...script.matchAll(/^read -rsp '[^']*' ([A-Z_]+); echo$/gm)]
    .map(([, variable]) => {
      const value = values[variable ?? ''];
      if (value === undefined)
        throw new Error(`the runbook asks for ${variable}, which the test cannot answer`);
      return `${value}\n`;
    })
    .join('');
}

/**
 * The download archive's folder for `config` (in a new temporary folder `work`, the caller's to remove) (RUNBOOK.md as README.md; `tlsKey`, when given, put
 * next to tls.crt as the runbook asks), `helm` and the test environment's kubectl first on PATH, a
 * private Helm home; `run` runs one of README.md's blocks there, answering its prompts.
 */
export function unpackRunbook(config: InstallConfig, helm: string, tlsKey: string) {
  const work = mkdtempSync(path.join(tmpdir(), 'runbook-int-'));
  const bundle = path.join(work, 'wandb-airgap-localhost');
  mkdirSync(bundle);
  const files = generateArtifacts(config, { includeSecrets: false });
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(bundle, name === 'RUNBOOK.md' ? 'README.md' : name);
    writeFileSync(target, text, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
  }
  if (tlsKey !== '') writeFileSync(path.join(bundle, 'tls.key'), tlsKey, { mode: 0o600 });

  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  symlinkSync(helm, path.join(bin, 'helm'));
  symlinkSync(need('KUBECTL'), path.join(bin, 'kubectl'));
  chmodSync(bin, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    KUBECONFIG: need('KUBECONFIG'),
    HELM_CONFIG_HOME: path.join(work, 'helm', 'config'),
    HELM_CACHE_HOME: path.join(work, 'helm', 'cache'),
    HELM_DATA_HOME: path.join(work, 'helm', 'data'),
    HELM_REPOSITORY_CONFIG: path.join(work, 'helm', 'config', 'repositories.yaml'),
    HELM_REGISTRY_CONFIG: path.join(work, 'helm', 'config', 'registry.json'),
  };

  // What a human types at each prompt, or writes over each placeholder.
  const platformSource = config.charts.platform.source;
  const operatorSource = config.charts.operator.source;
  const secretOf: Record<SecretField, string> = {
    license: config.platform.license,
    mysqlPassword: config.mysql.password,
    bucketAccessKey: config.bucket.provider === 's3' ? config.bucket.accessKey : '',
    bucketSecretKey: config.bucket.provider === 's3' ? config.bucket.secretKey : '',
    registryPassword: config.registry.password,
    chartPassword: platformSource.kind === 'local' ? '' : platformSource.password,
    tlsPrivateKey: tlsKey,
  };
  const typed = {
    ...Object.fromEntries(
      Object.entries(secretOf).map(([field, value]) => [SECRET_VARIABLES[field as SecretField], value]),
    ),
    [OPERATOR_CHART_PASSWORD_VARIABLE]: operatorSource.kind === 'local' ? '' : operatorSource.password,
  };

  const readme = readFileSync(path.join(bundle, 'README.md'), 'utf8');
  const sections = sectionsOf(readme);
  const blocksOf = (key: MessageKey): string[] => {
    const found = sections.find((s) => s.title === en(key));
    if (!found) throw new Error(`README.md has no section "${en(key)}"`);
    return found.blocks;
  };
  const run = (script: string, timeoutMs = 90_000) =>
    bash(script, { cwd: bundle, env, stdin: answers(script, typed), timeoutMs });
  return { work, bundle, env, readme, sections, blocksOf, run, secretOf };
}
