import { translate, type Locale } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n/messages/en';

import {
  type Argv,
  CA_FILES,
  CHARTS_CONFIGMAP,
  CRD_NAME,
  helmInstallOperator,
  helmOperatorHistory,
  helmRollbackOperator,
  helmShowOperatorChart,
  helmUninstallOperator,
  kubectlDeleteCr,
  uninstallPlatformByHand,
  kubectlDeleteNamed,
  kubectlSecretType,
  kubectlTlsCertificate,
  kubectlTlsSecretManifest,
  helmRegistryLogin,
  helmRepoAdd,
  kubectlApplyFile,
  kubectlApplyStdin,
  kubectlChartsConfigMap,
  kubectlNamespaceManifest,
  kubectlTroubleshoot,
  kubectlWaitOperator,
  kubectlWaitPlatform,
  namespacesOf,
  prerequisiteChecks,
  serviceChecks,
} from './commands';
import { SECRET_PLACEHOLDERS, type GenerateContext, type SecretField } from './context';
import { mirrorEntries } from './image-list';
import { buildSecretManifests, type SecretManifest } from './secrets';
import { commandLine, shellQuote } from './shell';
import { CHART_CREDENTIAL_KEYS, hostnameOf } from './wandb-cr';

/** Shell variables the runbook reads secrets into (`read -rs`), by secret field. */
export const SECRET_VARIABLES: Record<SecretField, string> = {
  license: 'WANDB_LICENSE',
  mysqlPassword: 'MYSQL_PASSWORD',
  bucketAccessKey: 'BUCKET_ACCESS_KEY',
  bucketSecretKey: 'BUCKET_SECRET_KEY',
  registryPassword: 'REGISTRY_PASSWORD',
  chartPassword: 'CHART_REPOSITORY_PASSWORD',
  tlsPrivateKey: 'TLS_PRIVATE_KEY',
};

const FIELD_LABELS: Record<SecretField, MessageKey> = {
  license: 'generate.secretField.license',
  mysqlPassword: 'generate.secretField.mysqlPassword',
  bucketAccessKey: 'generate.secretField.bucketAccessKey',
  bucketSecretKey: 'generate.secretField.bucketSecretKey',
  registryPassword: 'generate.secretField.registryPassword',
  chartPassword: 'generate.secretField.chartPassword',
  tlsPrivateKey: 'generate.secretField.tlsPrivateKey',
};

function code(lines: readonly string[]): string {
  return ['```bash', ...lines, '```'].join('\n');
}

/** What the prompt for one secret says (`MySQL password: `), in the runbook's language. */
function promptOf(locale: Locale, field: SecretField): string {
  return translate(locale, 'generate.runbook.prompt', { label: translate(locale, FIELD_LABELS[field]) });
}

/**
 * The line that asks for one secret at the prompt (`read -rsp 'MySQL password: ' MYSQL_PASSWORD`):
 * nothing echoed, nothing in the history; the prompt names what to type, in the runbook's language.
 */
function readSecret(locale: Locale, field: SecretField): string {
  return readLine(promptOf(locale, field), SECRET_VARIABLES[field]);
}

function readLine(prompt: string, variable: string): string {
  return `read -rsp ${shellQuote(prompt)} ${variable}; echo`;
}

/**
 * Shell variable of the password of the operator chart's source, which this shell logs in to. Not
 * the platform chart's (CHART_REPOSITORY_PASSWORD, for the operator's credential Secret): the two
 * sources may differ.
 */
export const OPERATOR_CHART_PASSWORD_VARIABLE = 'OPERATOR_CHART_PASSWORD';

/** The prompt for the operator chart source's password, and the line that pipes it to helm. */
function operatorChartLogin(locale: Locale, command: Argv): string[] {
  const label = translate(locale, 'generate.runbook.operatorChartPassword');
  return [
    readLine(translate(locale, 'generate.runbook.prompt', { label }), OPERATOR_CHART_PASSWORD_VARIABLE),
    `printf '%s' "$${OPERATOR_CHART_PASSWORD_VARIABLE}" | ${commandLine(command)}`,
  ];
}

/** Shell variable the runbook resolves the newest operator chart version into, when none was given. */
export const OPERATOR_CHART_VERSION_VARIABLE = 'OPERATOR_CHART_VERSION';

/** The command that creates one Secret from secrets typed at the prompt (no value in argv or history). */
function fillSecretCommand(context: GenerateContext, secret: SecretManifest, locale: Locale): string[] {
  const { config } = context;
  const kube =
    config.target.kubeContext === ''
      ? 'kubectl'
      : `kubectl --context ${shellQuote(config.target.kubeContext)}`;
  const apply = commandLine(kubectlApplyStdin(config));
  const ns = shellQuote(secret.namespace);
  const name = shellQuote(secret.name);
  switch (secret.purpose) {
    case 'registryPull': {
      // The .dockerconfigjson is written through a file descriptor by shell builtins: no password
      // in any process's argv (`--docker-password=…` would show in ps). Only `auth` is needed.
      const auth = 'REGISTRY_AUTH';
      const format = `{"auths":{%s:{"username":%s,"auth":"%s"}}}`;
      return [
        readSecret(locale, 'registryPassword'),
        `${auth}=$(printf '%s:%s' ${shellQuote(config.registry.username)} "$${SECRET_VARIABLES.registryPassword}" | base64 | tr -d '\\n')`,
        `${kube} create secret generic ${name} --namespace ${ns} --type=kubernetes.io/dockerconfigjson --from-file=.dockerconfigjson=<(printf ${shellQuote(format)} ${shellQuote(JSON.stringify(context.registry.host))} ${shellQuote(JSON.stringify(config.registry.username))} "$${auth}") --dry-run=client --output=yaml | ${apply}`,
      ];
    }
    case 'chartCredentials': {
      const source = config.charts.platform.source;
      const username = source.kind === 'local' ? '' : source.username;
      return [
        readSecret(locale, 'chartPassword'),
        `${kube} create secret generic ${name} --namespace ${ns} --from-literal=${CHART_CREDENTIAL_KEYS.username}=${shellQuote(username)} --from-file=${CHART_CREDENTIAL_KEYS.password}=<(printf '%s' "$${SECRET_VARIABLES.chartPassword}") --dry-run=client --output=yaml | ${apply}`,
      ];
    }
    case 'ingressTls':
      // tls.crt is part of the bundle; tls.key is the private key file kept by the customer.
      return [`${commandLine(kubectlTlsSecretManifest(config, secret.name, secret.namespace))} | ${apply}`];
    default: {
      const reads = Object.values(secret.fields).map((field) => readSecret(locale, field));
      const files = Object.entries(secret.fields).map(
        ([key, field]) => `--from-file=${key}=<(printf '%s' "$${SECRET_VARIABLES[field]}")`,
      );
      return [
        ...reads,
        `${kube} create secret generic ${name} --namespace ${ns} ${files.join(' ')} --dry-run=client --output=yaml | ${apply}`,
      ];
    }
  }
}

/** Drops repeated `read` lines: a value typed once serves every Secret that needs it. */
function onceEach(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    if (!line.startsWith('read -rs')) return true;
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}

/**
 * Placeholders present in a document of the bundle, with what to put there; with `prompts`, a
 * third column says what fills each one in the commands that follow (a prompt, or the tls.key file).
 */
function placeholderTable(locale: Locale, fields: readonly SecretField[], prompts = false): string {
  const filledBy = (field: SecretField) =>
    field === 'tlsPrivateKey'
      ? translate(locale, 'generate.runbook.filledBy.tlsKey')
      : translate(locale, 'generate.runbook.filledBy.prompt', {
          prompt: promptOf(locale, field).trimEnd(),
          variable: SECRET_VARIABLES[field],
        });
  const rows = [...new Set(fields)].map(
    (field) =>
      `| \`${SECRET_PLACEHOLDERS[field]}\` | ${translate(locale, FIELD_LABELS[field])} |${prompts ? ` ${filledBy(field)} |` : ''}`,
  );
  const header = [
    translate(locale, 'generate.runbook.placeholder'),
    translate(locale, 'generate.runbook.value'),
  ];
  if (prompts) header.push(translate(locale, 'generate.runbook.filledBy'));
  return [`| ${header.join(' | ')} |`, `|${'---|'.repeat(header.length)}`, ...rows].join('\n');
}

/** Secret fields written inline into wandb.yaml. */
function inlineCrFields(context: GenerateContext): SecretField[] {
  const { config, secrets } = context;
  const fields: SecretField[] = [];
  if (secrets.license === 'inline') fields.push('license');
  if (secrets.mysqlPassword === 'inline') fields.push('mysqlPassword');
  if (secrets.bucketKeys === 'inline') {
    fields.push('bucketAccessKey');
    if (config.bucket.provider === 's3') fields.push('bucketSecretKey');
  }
  const platform = config.charts.platform.source;
  if (platform.kind !== 'local' && platform.username !== '' && !context.chartCredentialSecret)
    fields.push('chartPassword');
  return fields;
}

/**
 * RUNBOOK.md: the exact commands, in order, for sites where the wizard cannot reach the cluster.
 * Secrets never appear in it: passwords are read with `read -rs` and piped to `--password-stdin`
 * or to files; the bundle's placeholders are listed with what to put there.
 */
export function renderRunbook(context: GenerateContext, locale: Locale): string {
  const { config } = context;
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const out: string[] = [];
  const section = (title: string, ...body: string[]) =>
    out.push(`## ${title}`, '', ...body.flatMap((part) => [part, '']));
  let step = 0;
  const title = (key: MessageKey, params: Record<string, string | number> = {}) =>
    `${(step += 1)}. ${t(key, params)}`;

  out.push(
    `# ${t('generate.runbook.title', { name: config.target.crName, namespace: config.target.crNamespace })}`,
    '',
  );
  out.push(
    t('generate.runbook.intro', {
      version: config.charts.platform.version,
      line: context.line.id,
      registry: config.registry.host,
    }),
    '',
  );
  if (context.notes.length > 0) {
    out.push(`> **${t('generate.runbook.notes')}**`, '>');
    for (const note of context.notes) out.push(`> - ${t(note.key, note.params)}`);
    out.push('');
  }

  const storageClass = context.storageClass.name;
  section(
    title('generate.runbook.prerequisites.title'),
    t('generate.runbook.prerequisites.body'),
    ...(storageClass === ''
      ? []
      : [t('generate.runbook.prerequisites.storageClass', { name: storageClass })]),
    code(prerequisiteChecks(config).map(commandLine)),
  );

  const services = serviceChecks(config);
  if (services.length > 0)
    section(
      title('generate.runbook.services.title'),
      t('generate.runbook.services.body'),
      code(services.map(commandLine)),
    );

  section(
    title('generate.runbook.images.title'),
    t('generate.runbook.images.body', {
      count: mirrorEntries(context).length,
      registry: config.registry.host,
    }),
    code([
      'bash mirror-images.sh skopeo    # or, at the site after docker load: bash mirror-images.sh docker',
      'bash mirror-images.sh verify',
    ]),
  );

  // Chart sources.
  const chartBody: string[] = [];
  const addedRepos = new Set<string>();
  for (const chart of ['operator', 'platform'] as const) {
    const source = config.charts[chart].source;
    const caFile = chart === 'operator' ? CA_FILES.operatorChart : CA_FILES.platformChart;
    if (source.kind === 'repo') {
      // The platform chart is fetched by the operator, not by this shell; only the operator's repository is added.
      if (chart === 'platform' || addedRepos.has(source.repoName)) continue;
      addedRepos.add(source.repoName);
      chartBody.push(t('generate.runbook.charts.repo', { name: source.repoName, url: source.url }));
      const add = helmRepoAdd(source, caFile);
      const lines = source.username === '' ? [commandLine(add)] : operatorChartLogin(locale, add);
      lines.push(commandLine(['helm', 'repo', 'update', source.repoName]));
      lines.push(commandLine(['helm', 'search', 'repo', `${source.repoName}/operator`, '--versions']));
      chartBody.push(code(lines));
    } else if (source.kind === 'oci') {
      if (chart === 'platform') continue;
      chartBody.push(t('generate.runbook.charts.oci', { url: source.url }));
      if (source.username !== '') {
        chartBody.push(code(operatorChartLogin(locale, helmRegistryLogin(source, caFile))));
      }
    } else if (chart === 'operator') {
      chartBody.push(
        t('generate.runbook.charts.local', { path: source.path }),
        code([commandLine(['test', '-f', source.path])]),
      );
    }
  }
  const platformSource = config.charts.platform.source;
  if (platformSource.kind !== 'local') {
    chartBody.push(
      t('generate.runbook.charts.platformFetchedByOperator', {
        url: platformSource.url,
        version: config.charts.platform.version,
      }),
    );
  }
  section(title('generate.runbook.charts.title'), ...chartBody);

  const apply = commandLine(kubectlApplyStdin(config));
  section(
    title('generate.runbook.namespaces.title'),
    t('generate.runbook.namespaces.body'),
    code(
      namespacesOf(config).map(
        (namespace) => `${commandLine(kubectlNamespaceManifest(config, namespace))} | ${apply}`,
      ),
    ),
  );

  // Secrets.
  const secrets = buildSecretManifests(context);
  if (secrets.length > 0) {
    const body: string[] = [];
    if (context.includeSecrets) {
      body.push(
        t('generate.runbook.secrets.included'),
        code([commandLine(kubectlApplyFile(config, 'secrets.yaml'))]),
      );
    } else {
      body.push(
        t('generate.runbook.secrets.placeholders'),
        placeholderTable(
          locale,
          secrets.flatMap((secret) => Object.values(secret.fields)),
          true,
        ),
        code([`grep -n 'REPLACE_WITH_' secrets.yaml`, commandLine(kubectlApplyFile(config, 'secrets.yaml'))]),
        t('generate.runbook.secrets.commands'),
      );
      if (secrets.some((secret) => secret.purpose === 'ingressTls'))
        body.push(t('generate.runbook.secrets.tlsKeyFile', { name: config.ingress.tls.secretName }));
      body.push(code(onceEach(secrets.flatMap((secret) => fillSecretCommand(context, secret, locale)))));
    }
    section(title('generate.runbook.secrets.title'), ...body);
  }

  // The ingress certificate: created above from the bundle's tls.crt, or an existing Secret.
  const tls = config.ingress.tls;
  if (tls.enabled) {
    const created = secrets.some((secret) => secret.purpose === 'ingressTls');
    const params = {
      name: tls.secretName,
      namespace: config.target.crNamespace,
      host: hostnameOf(config.platform.host),
    };
    const kube = kubectlSecretType(config, tls.secretName, config.target.crNamespace);
    const check = [
      `test "$(${commandLine(kube)})" = kubernetes.io/tls`,
      `${commandLine(kubectlTlsCertificate(config, tls.secretName, config.target.crNamespace))} | base64 -d | openssl x509 -noout -subject -enddate -ext subjectAltName -checkend 0`,
    ];
    const body = created
      ? [t('generate.runbook.tls.created', params)]
      : [
          t('generate.runbook.tls.existing', params),
          code([
            `${commandLine(kubectlTlsSecretManifest(config, tls.secretName, config.target.crNamespace))} | ${apply}`,
          ]),
          t('generate.runbook.tls.check', params),
        ];
    section(title('generate.runbook.tls.title'), ...body, code(check));
  }

  if (platformSource.kind === 'local') {
    section(
      title('generate.runbook.chartConfigMap.title'),
      t('generate.runbook.chartConfigMap.body', {
        namespace: config.target.operatorNamespace,
        path: platformSource.path,
      }),
      code([
        `base64 -w0 ${shellQuote(platformSource.path)} > operator-wandb.b64`,
        `${commandLine(kubectlChartsConfigMap(config, 'operator-wandb.b64'))} | ${apply}`,
      ]),
    );
  }

  // The operator chart's version: the one configured, else the newest the source holds, looked up
  // once and pinned, so that the install (and a later upgrade with this runbook) says which it took.
  const operatorSource = config.charts.operator.source;
  const resolveVersion = config.charts.operator.version === '' && operatorSource.kind !== 'local';
  const operatorBody = [t('generate.runbook.operator.body', { namespace: config.target.operatorNamespace })];
  const operatorLines: string[] = [];
  if (resolveVersion) {
    operatorBody.push(t('generate.runbook.operator.newest', { variable: OPERATOR_CHART_VERSION_VARIABLE }));
    operatorLines.push(
      `${OPERATOR_CHART_VERSION_VARIABLE}=$(${commandLine(helmShowOperatorChart(config))} | sed -n 's/^version: //p')`,
      `echo "operator \${${OPERATOR_CHART_VERSION_VARIABLE}:?}"`,
    );
  } else if (operatorSource.kind !== 'local') {
    operatorBody.push(t('generate.runbook.operator.pinned', { version: config.charts.operator.version }));
  }
  const sentinel = '@OPERATOR_CHART_VERSION@';
  operatorLines.push(
    commandLine(helmInstallOperator(config, 'values.yaml', resolveVersion ? sentinel : undefined)).replace(
      sentinel,
      `"$${OPERATOR_CHART_VERSION_VARIABLE}"`,
    ),
    ...kubectlWaitOperator(config).map(commandLine),
  );
  section(title('generate.runbook.operator.title'), ...operatorBody, code(operatorLines));

  const crBody: string[] = [];
  const inline = inlineCrFields(context);
  if (!context.includeSecrets && inline.length > 0) {
    crBody.push(
      t('generate.runbook.platform.placeholders'),
      placeholderTable(locale, inline),
      code([`grep -n 'REPLACE_WITH_' wandb.yaml`]),
    );
  }
  crBody.push(
    t('generate.runbook.platform.body', { name: config.target.crName, namespace: config.target.crNamespace }),
    code([
      commandLine(kubectlApplyFile(config, 'wandb.yaml')),
      ...kubectlWaitPlatform(config).map(commandLine),
    ]),
  );
  section(title('generate.runbook.platform.title'), ...crBody);

  section(
    title('generate.runbook.verify.title'),
    t('generate.runbook.verify.body', { host: config.platform.host }),
  );

  section(
    t('generate.runbook.troubleshooting.title'),
    t('generate.runbook.troubleshooting.body'),
    code(kubectlTroubleshoot(config).map(commandLine)),
  );

  section(
    t('generate.runbook.rollback.title'),
    t('generate.runbook.rollback.operator', { namespace: config.target.operatorNamespace }),
    code([commandLine(helmOperatorHistory(config)), commandLine(helmRollbackOperator(config))]),
    t('generate.runbook.rollback.platform', { name: config.target.crName }),
  );

  // What this runbook created, by namespace: the Secrets, and the chart ConfigMap of a local chart.
  const deletions = new Map<string, { secrets: string[]; configMaps: string[] }>();
  const namespaceOf = (namespace: string) => {
    const entry = deletions.get(namespace) ?? { secrets: [], configMaps: [] };
    deletions.set(namespace, entry);
    return entry;
  };
  for (const secret of secrets) {
    const entry = namespaceOf(secret.namespace);
    if (!entry.secrets.includes(secret.name)) entry.secrets.push(secret.name);
  }
  if (platformSource.kind === 'local')
    namespaceOf(config.target.operatorNamespace).configMaps.push(CHARTS_CONFIGMAP);
  const cleanup: string[] = [];
  for (const [namespace, { secrets: names, configMaps }] of deletions) {
    if (names.length > 0) cleanup.push(commandLine(kubectlDeleteNamed(config, 'secret', namespace, names)));
    if (configMaps.length > 0)
      cleanup.push(commandLine(kubectlDeleteNamed(config, 'configmap', namespace, configMaps)));
  }
  section(
    t('generate.runbook.uninstall.title'),
    t('generate.runbook.uninstall.body', {
      name: config.target.crName,
      namespace: config.target.crNamespace,
    }),
    code([
      ...kubectlDeleteCr(config).map(commandLine),
      commandLine(helmUninstallOperator(config)),
      ...cleanup,
    ]),
    t('generate.runbook.uninstall.stuck', { name: config.target.crName }),
    code(uninstallPlatformByHand(config).map(commandLine)),
    t('generate.runbook.uninstall.kept', { crd: CRD_NAME }),
  );

  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The shell lines that create each Secret from values typed at the prompt (one list per Secret). */
export function secretFillCommands(context: GenerateContext, locale: Locale = 'en'): string[][] {
  return buildSecretManifests(context).map((secret) => fillSecretCommand(context, secret, locale));
}
