import type { InstallConfig, Message } from '@/lib/config';
import { translate, type Locale } from '@/lib/i18n';

import { CA_FILES } from './commands';
import { buildContext, type GenerateContext } from './context';
import { renderImageList, renderMirrorScript } from './image-list';
import { buildOperatorValues } from './operator-values';
import { renderRunbook } from './runbook';
import { buildSecretManifests, type SecretManifest } from './secrets';
import { buildWandbCr } from './wandb-cr';
import { dump, dumpAll } from './yaml';

/**
 * Pure generation: a valid InstallConfig (parsed with `installConfigSchema`) in, plain objects
 * and text files out. Nothing here touches the network or the cluster.
 */

export interface GenerateOptions {
  /** Write the real secret values (true), or `REPLACE_WITH_…` placeholders (false). */
  readonly includeSecrets: boolean;
  /** Language of the runbook and of the comments (YAML keys and values are never translated). */
  readonly locale?: Locale;
}

/** The objects the wizard applies itself (server-side apply / helm), before any serialisation. */
export interface Manifests {
  /** values.yaml of the operator chart. */
  readonly operatorValues: Record<string, unknown>;
  /** The WeightsAndBiases custom resource. */
  readonly wandbCr: Record<string, unknown>;
  /** Secrets to create before the operator and the CR, in order. */
  readonly secrets: readonly SecretManifest[];
}

export type ArtifactName =
  | 'values.yaml'
  | 'wandb.yaml'
  | 'secrets.yaml'
  | 'RUNBOOK.md'
  | 'images.txt'
  | 'mirror-images.sh'
  | (typeof CA_FILES)[keyof typeof CA_FILES]
  | 'tls.crt';

/** File name → content. CA and certificate files appear only when the configuration has them. */
export type Artifacts = Readonly<Partial<Record<ArtifactName, string>>> & {
  readonly 'values.yaml': string;
  readonly 'wandb.yaml': string;
  readonly 'secrets.yaml': string;
  readonly 'RUNBOOK.md': string;
  readonly 'images.txt': string;
  readonly 'mirror-images.sh': string;
};

/** Builds the plain objects of an install. */
export function buildManifests(config: InstallConfig, options: GenerateOptions): Manifests {
  const context = buildContext(config, options);
  return manifestsOf(context);
}

function manifestsOf(context: GenerateContext): Manifests {
  return {
    operatorValues: buildOperatorValues(context),
    wandbCr: buildWandbCr(context),
    secrets: buildSecretManifests(context),
  };
}

function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
}

function renderSecrets(context: GenerateContext, secrets: readonly SecretManifest[], locale: Locale): string {
  const header = [translate(locale, 'generate.secrets.header')];
  if (!context.includeSecrets && secrets.length > 0)
    header.push(translate(locale, 'generate.secrets.placeholders'));
  for (const note of context.notes) {
    if (note.key === 'generate.note.secretsInline') header.push(translate(locale, note.key, note.params));
  }
  if (secrets.length === 0) header.push(translate(locale, 'generate.secrets.none'));
  const body = secrets.length > 0 ? dumpAll(secrets.map((secret) => secret.manifest)) : '';
  return `${comment(header.join('\n'))}\n${body === '' ? '' : `---\n${body}`}`;
}

/**
 * Generates every file of the install bundle: values.yaml (operator), wandb.yaml (the CR),
 * secrets.yaml, RUNBOOK.md, images.txt and mirror-images.sh, plus the CA files the commands
 * reference. With `includeSecrets: false` no secret value appears in any file.
 */
export function generateArtifacts(config: InstallConfig, options: GenerateOptions): Artifacts {
  const locale = options.locale ?? 'en';
  const context = buildContext(config, options);
  const manifests = manifestsOf(context);
  const files: Record<string, string> = {
    'values.yaml': dump(manifests.operatorValues),
    'wandb.yaml': dump(manifests.wandbCr),
    'secrets.yaml': renderSecrets(context, manifests.secrets, locale),
    'RUNBOOK.md': renderRunbook(context, locale),
    'images.txt': renderImageList(context),
    'mirror-images.sh': renderMirrorScript(context),
  };
  const normalise = (pem: string) => `${pem.replace(/\r\n?/g, '\n').trim()}\n`;
  if (config.registry.caBundle.trim() !== '') files[CA_FILES.registry] = normalise(config.registry.caBundle);
  const operatorSource = config.charts.operator.source;
  if (operatorSource.kind !== 'local' && operatorSource.caBundle.trim() !== '') {
    files[CA_FILES.operatorChart] = normalise(operatorSource.caBundle);
  }
  const platformSource = config.charts.platform.source;
  if (platformSource.kind !== 'local' && platformSource.caBundle.trim() !== '') {
    files[CA_FILES.platformChart] = normalise(platformSource.caBundle);
  }
  if (config.ingress.tls.enabled && config.ingress.tls.certificate.trim() !== '') {
    files['tls.crt'] = normalise(config.ingress.tls.certificate);
  }
  return files as Artifacts;
}

/** The notes (translatable) about a configuration's artifacts: fallbacks, unverified versions, node setup. */
export function generationNotes(config: InstallConfig): Message[] {
  return [...buildContext(config, { includeSecrets: false }).notes];
}

export { dump, dumpAll, parseYaml, parseYamlDocuments, type YamlError, type YamlResult } from './yaml';
export { SECRET_PLACEHOLDERS, InvalidConfigError, type GenerateContext, type SecretPlan } from './context';
export {
  FIELD_MANAGER,
  WIZARD_LABELS,
  dockerConfigJson,
  type SecretManifest,
  type SecretPurpose,
} from './secrets';
export { LOCAL_CHART_PATH, PLATFORM_CHART_NAME, SECRET_KEYS } from './wandb-cr';
export * from './commands';
export { mirrorEntries, type MirrorEntry } from './image-list';
export { commandLine, shellQuote } from './shell';
export { importInstallConfig, type DocumentResult, type ImportResult } from './import';
