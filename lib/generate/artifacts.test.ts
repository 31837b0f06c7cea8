import { execFileSync } from 'node:child_process';

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { CHART_LINES, PROCEDURE_EXAMPLE, emptyChartSource, type InstallConfig } from '@/lib/config';
import { makeTestCertificates, type TestCertificates } from '@/lib/config/test-certificates';

import { buildContext } from './context';
import {
  buildManifests,
  generateArtifacts,
  generationNotes,
  helmInstallOperator,
  SECRET_PLACEHOLDERS,
} from './index';
import { renderRunbook, secretFillCommands } from './runbook';
import { at, config043 } from './test-support';
import { parseYaml, parseYamlDocuments } from './yaml';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

const on043 = (config: InstallConfig): InstallConfig => ({
  ...config,
  charts: { ...config.charts, platform: { ...config.charts.platform, version: '0.43.8' } },
});

describe('0.43 generation', () => {
  it('sets every image key of the 0.43 line onto the internal registry', () => {
    const config = config043(certs);
    const cr = buildManifests(config, { includeSecrets: true }).wandbCr;
    const values = at(cr, ['spec', 'values']);
    for (const image of CHART_LINES['0.43'].images) {
      if (image.artifact !== 'crValues' || image.when !== 'always') continue;
      for (const key of image.keys) {
        const set = at(values, key.path) as Record<string, string> | undefined;
        expect(set, key.path.join('.')).toBeDefined();
        const repository = key.style === 'bitnami' ? `${set?.registry}/${set?.repository}` : set?.repository;
        const path = image.source.replace(/^(docker\.io|quay\.io)\//, '').replace(/^library\//, '');
        expect(repository, key.path.join('.')).toBe(`registry.example.com:5000/mirror/${path}`);
        expect(set?.tag, key.path.join('.')).toMatch(/^[\w][\w.-]*$/);
      }
    }
    // Full repositories everywhere: a global registry or prefix could only double them.
    expect(at(values, ['global', 'imageRegistry'])).toBeUndefined();
    expect(at(values, ['global', 'repositoryPrefix'])).toBeUndefined();
    expect(at(values, ['weave', 'image', 'tag'])).toBe('0.74.1');
    expect(at(values, ['parquet', 'image', 'repository'])).toBe(
      'registry.example.com:5000/mirror/wandb/megabinary',
    );
  });

  it('installs the in-cluster MySQL from the mirror only when chosen', () => {
    const config = {
      ...config043(certs),
      mysql: { mode: 'in-cluster' as const, database: 'wandb_local', user: 'wandb', password: '' },
    };
    const values = at(buildManifests(config, { includeSecrets: true }).wandbCr, ['spec', 'values']);
    expect(at(values, ['mysql'])).toEqual({
      install: true,
      image: { repository: 'registry.example.com:5000/mirror/mysql', tag: '8.0.40' },
    });
    expect(at(values, ['global', 'mysql'])).toEqual({ database: 'wandb_local', user: 'wandb' });
    const external = at(buildManifests(config043(certs), { includeSecrets: true }).wandbCr, [
      'spec',
      'values',
      'mysql',
    ]);
    expect(external).toEqual({ install: false });
  });

  it('references the Secrets the chart accepts and creates them beside the CR', () => {
    const manifests = buildManifests(config043(certs), { includeSecrets: true });
    const global = at(manifests.wandbCr, ['spec', 'values', 'global']) as Record<string, unknown>;
    expect(global.license).toBeUndefined();
    expect(global.licenseSecret).toEqual({ name: 'wandb-wizard-license', key: 'license' });
    expect(at(global, ['mysql', 'password'])).toBeUndefined();
    expect(at(global, ['bucket', 'accessKey'])).toBeUndefined();
    expect(manifests.secrets.map((secret) => `${secret.purpose}@${secret.namespace}`)).toEqual([
      'registryPull@wandb-system',
      'registryPull@wandb',
      'license@wandb',
      'mysqlPassword@wandb',
      'bucketKeys@wandb',
      'ingressTls@wandb',
    ]);
    const license = manifests.secrets.find((secret) => secret.purpose === 'license');
    expect(at(license?.manifest, ['stringData', 'license'])).toBe('license-jwt-value');
  });

  it('falls back to inline on 0.18 and says so', () => {
    const config = {
      ...config043(certs),
      charts: {
        ...config043(certs).charts,
        platform: { ...config043(certs).charts.platform, version: '0.18.0' },
      },
    };
    const manifests = buildManifests(config, { includeSecrets: true });
    expect(at(manifests.wandbCr, ['spec', 'values', 'global', 'license'])).toBe('license-jwt-value');
    expect(manifests.secrets.map((secret) => secret.purpose)).toEqual([
      'registryPull',
      'registryPull',
      'ingressTls',
    ]);
    const notes = generationNotes(config).map((note) => note.key);
    expect(notes).toContain('generate.note.secretsInline');
    expect(notes).toContain('generate.note.pullSecretsIgnored');
    const files = generateArtifacts(config, { includeSecrets: true });
    expect(files['secrets.yaml']).toContain('# operator-wandb 0.18.0 cannot reference Secrets');
    expect(files['RUNBOOK.md']).toContain('operator-wandb 0.18.0 cannot reference Secrets');
  });

  it('warns, with the command to confirm at the site, when the chart of the version was not read', () => {
    const config = {
      ...PROCEDURE_EXAMPLE,
      charts: {
        ...PROCEDURE_EXAMPLE.charts,
        platform: { ...PROCEDURE_EXAMPLE.charts.platform, version: '0.50.1' },
      },
    };
    expect(generationNotes(config)).toContainEqual({
      key: 'generate.note.unverifiedChartVersion',
      params: {
        version: '0.50.1',
        verified: '0.43.8',
        command:
          "helm template wandb local-repo/operator-wandb --version 0.50.1 -f wandb-values.yaml | grep 'image:' | sort -u",
      },
    });
  });
});

describe('operator values', () => {
  it('always sets airgapped, and adds the chart repository CA to the custom CAs', () => {
    const config = config043(certs);
    const values = buildManifests(config, { includeSecrets: true }).operatorValues;
    expect(values.airgapped).toBe(true);
    expect(values.customCACerts).toEqual([certs.ca, certs.ca2]);
    expect(at(values, ['image', 'pullSecrets'])).toEqual(['wandb-registry-pull']);
    const plain = buildManifests(
      { ...config, certificates: { bundle: '' } },
      { includeSecrets: true },
    ).operatorValues;
    expect(plain.customCACerts).toEqual([certs.ca2]);
    const cr = buildManifests({ ...config, certificates: { bundle: '' } }, { includeSecrets: true }).wandbCr;
    expect(at(cr, ['spec', 'values', 'global', 'customCACerts'])).toBeUndefined();
  });
});

describe('secrets never leak', () => {
  const secretText = fc
    .string({ minLength: 6, maxLength: 24 })
    .filter((value) => /^[A-Za-z0-9]{6,}$/.test(value) && !/^(REPLACE|wandb|docker)/i.test(value));

  it('no artifact holds a secret value when secrets are not included (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(secretText, secretText, secretText, secretText, secretText, secretText),
        fc.boolean(),
        ([license, mysql, access, secret, registry, chart], on43) => {
          const base = config043(certs);
          const config: InstallConfig = {
            ...(on43
              ? base
              : {
                  ...base,
                  charts: { ...base.charts, platform: { ...base.charts.platform, version: '0.18.0' } },
                }),
            platform: { ...base.platform, license: `L${license}` },
            mysql: { ...base.mysql, password: `M${mysql}` } as InstallConfig['mysql'],
            bucket: {
              ...base.bucket,
              accessKey: `A${access}`,
              secretKey: `S${secret}`,
            } as InstallConfig['bucket'],
            registry: { ...base.registry, password: `R${registry}` },
            charts: {
              ...base.charts,
              platform: {
                ...base.charts.platform,
                version: on43 ? '0.43.8' : '0.18.0',
                source: {
                  ...base.charts.platform.source,
                  password: `C${chart}`,
                } as InstallConfig['charts']['platform']['source'],
              },
            },
          };
          for (const locale of ['en', 'ja'] as const) {
            const files = generateArtifacts(config, { includeSecrets: false, locale });
            for (const [name, content] of Object.entries(files)) {
              for (const value of [
                `L${license}`,
                `M${mysql}`,
                `A${access}`,
                `S${secret}`,
                `R${registry}`,
                `C${chart}`,
                certs.leafKey.split('\n')[1] ?? '',
              ]) {
                expect(content.includes(value), `${name} holds a secret`).toBe(false);
              }
            }
            // The runbook never holds them even when the bundle does.
            const runbook = generateArtifacts(config, { includeSecrets: true, locale })['RUNBOOK.md'];
            for (const value of [`L${license}`, `M${mysql}`, `S${secret}`, `R${registry}`, `C${chart}`])
              expect(runbook.includes(value)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists every placeholder it writes, with a command that fills it', () => {
    const files = generateArtifacts(config043(certs), { includeSecrets: false });
    const runbook = files['RUNBOOK.md'];
    const used = new Set<string>();
    for (const content of [files['secrets.yaml'], files['wandb.yaml']]) {
      for (const match of content.matchAll(/REPLACE_WITH_[A-Z_]+/g)) used.add(match[0]);
    }
    expect(used.size).toBeGreaterThan(0);
    for (const placeholder of used) {
      expect(Object.values(SECRET_PLACEHOLDERS)).toContain(placeholder);
      expect(runbook, placeholder).toContain(`\`${placeholder}\``);
    }
    const commands = secretFillCommands(buildContext(config043(certs), { includeSecrets: false }))
      .flat()
      .join('\n');
    expect(commands).toContain('--from-file=license=<(printf \'%s\' "$WANDB_LICENSE")');
    // The table says which prompt fills each placeholder, and the commands ask at that prompt.
    expect(runbook).toContain(
      '| `REPLACE_WITH_MYSQL_PASSWORD` | MySQL password | typed at the prompt "MySQL password:" ($MYSQL_PASSWORD) |',
    );
    expect(runbook).toContain(
      '| `REPLACE_WITH_TLS_PRIVATE_KEY` | TLS private key of the ingress | the file tls.key',
    );
    // Each value is asked for at a prompt that names it.
    expect(commands).toContain("read -rsp 'MySQL password: ' MYSQL_PASSWORD; echo");
    expect(commands).toContain("read -rsp 'W&B license: ' WANDB_LICENSE; echo");
    expect(commands).toContain(
      'create secret generic wandb-registry-pull --namespace wandb-system --type=kubernetes.io/dockerconfigjson',
    );
  });

  it('passes no secret in any argv: the pull secret is built by shell builtins, and it works', () => {
    const config = config043(certs);
    const commands = secretFillCommands(buildContext(config, { includeSecrets: false })).flat();
    // Every secret variable reaches a command only through printf (a builtin) or a here-string.
    for (const line of commands) {
      expect(line).not.toMatch(/--[a-z-]*(password|secret|token|license)[a-z-]*=\S*\$/i);
    }
    const pull = secretFillCommands(buildContext(config, { includeSecrets: false }))
      .find((lines) => lines.some((l) => l.includes('REGISTRY_AUTH')))!
      .join('\n');
    const password = 'pä$s "w\\rd\'`x';
    // kubectl replaced by a function that prints the file it is given (argv is what ps would show).
    const script = [
      'set -euo pipefail',
      `kubectl() { for a in "$@"; do case $a in --from-file=.dockerconfigjson=*) cat "\${a##*=}";; esac; done; printf '\\nARGV %s\\n' "$*" >&2; }`,
      pull.replace(/read -rsp '[^']*' REGISTRY_PASSWORD; echo\n/, '').replace(/ \| kubectl .*$/gm, ''),
    ].join('\n');
    const out = execFileSync('bash', ['-c', script], {
      env: { PATH: process.env.PATH, REGISTRY_PASSWORD: password } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const json = JSON.parse(out) as { auths: Record<string, { username: string; auth: string }> };
    const entry = Object.values(json.auths)[0]!;
    expect(Buffer.from(entry.auth, 'base64').toString('utf8')).toBe(
      `${config.registry.username}:${password}`,
    );
    expect(Object.keys(json.auths)).toEqual([buildContext(config, { includeSecrets: false }).registry.host]);
  });

  it('writes the real values, parseable, when they are included', () => {
    const files = generateArtifacts(config043(certs), { includeSecrets: true });
    const documents = parseYamlDocuments(files['secrets.yaml']).value ?? [];
    expect(documents).toHaveLength(6);
    const tls = documents.find((doc) => at(doc, ['type']) === 'kubernetes.io/tls');
    expect(at(tls, ['stringData', 'tls.key'])).toBe(certs.leafKey);
    expect(files['wandb.yaml']).toContain('chart-secret');
  });
});

describe('runbook', () => {
  it('installs the operator from the alias it added (the procedure mixes local-repo and wandb)', () => {
    const runbook = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: true })['RUNBOOK.md'];
    expect(runbook).toContain('helm repo add local-repo https://charts.yourdomain.com');
    // No operator chart version was typed: the newest is looked up once and pinned.
    expect(runbook).toContain(
      "OPERATOR_CHART_VERSION=$(helm show chart local-repo/operator | sed -n 's/^version: //p')",
    );
    expect(runbook).toContain(
      'helm upgrade --install operator local-repo/operator --version "$OPERATOR_CHART_VERSION" --namespace wandb --create-namespace --values values.yaml',
    );
    expect(runbook).not.toContain('wandb/operator');
    const order = [
      'helm repo add',
      'kubectl create namespace',
      'helm upgrade --install',
      'rollout status',
      '--filename wandb.yaml',
      'status.phase',
    ];
    const positions = order.map((needle) => runbook.indexOf(needle));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('logs in to an OCI registry with the password on stdin and passes TLS options to helm', () => {
    const config = config043(certs);
    const runbook = renderRunbook(buildContext(config, { includeSecrets: true }), 'en');
    expect(runbook).toContain(
      'printf \'%s\' "$OPERATOR_CHART_PASSWORD" | helm registry login registry.example.com:5000 --username chart-bot --password-stdin --ca-file operator-chart-ca.crt',
    );
    // Its own prompt: the operator chart's source, not the platform chart's (they may differ).
    expect(runbook).toContain(
      "read -rsp 'Password of the operator chart source: ' OPERATOR_CHART_PASSWORD; echo",
    );
    expect(helmInstallOperator(config)).toEqual([
      'helm',
      'upgrade',
      '--install',
      'operator',
      'oci://registry.example.com:5000/mirror/charts/operator',
      '--version',
      '1.4.8',
      '--namespace',
      'wandb-system',
      '--create-namespace',
      '--values',
      'values.yaml',
      '--ca-file',
      'operator-chart-ca.crt',
      '--wait',
      '--timeout',
      '10m',
      '--kube-context',
      'prod-cluster',
    ]);
    expect(runbook).toContain('kubectl --context prod-cluster apply --server-side');
  });

  it('delivers a local platform chart through the wandb-charts ConfigMap before the operator starts', () => {
    const config: InstallConfig = {
      ...PROCEDURE_EXAMPLE,
      charts: {
        operator: { source: { kind: 'local', path: './charts/operator-1.4.8.tgz' }, version: '1.4.8' },
        platform: {
          source: { kind: 'local', path: './charts/operator-wandb-0.18.0.tgz' },
          version: '0.18.0',
        },
      },
    };
    const files = generateArtifacts(config, { includeSecrets: true });
    expect(at(parseYaml(files['wandb.yaml']).value, ['spec', 'chart'])).toEqual({
      path: '/charts/operator-wandb',
    });
    const runbook = files['RUNBOOK.md'];
    expect(runbook).toContain('base64 -w0 ./charts/operator-wandb-0.18.0.tgz > operator-wandb.b64');
    expect(runbook).toContain(
      'kubectl create configmap wandb-charts --namespace wandb --from-file=operator-wandb=operator-wandb.b64',
    );
    expect(runbook.indexOf('configmap wandb-charts')).toBeLessThan(runbook.indexOf('helm upgrade --install'));
    expect(runbook).toContain(
      'helm upgrade --install operator ./charts/operator-1.4.8.tgz --namespace wandb',
    );
  });

  it('is written in Japanese on request, with the same commands', () => {
    const en = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: true, locale: 'en' })['RUNBOOK.md'];
    const ja = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: true, locale: 'ja' })['RUNBOOK.md'];
    expect(ja).toContain('オペレーターのインストール');
    // The same commands; only the prompts of `read -rsp` speak the runbook's language.
    const commands = (text: string) =>
      text
        .split('```')
        .filter((_, index) => index % 2 === 1)
        .map((block) => block.replace(/read -rsp '[^']*'/g, 'read -rsp PROMPT'));
    expect(commands(ja)).toEqual(commands(en));
    const placeholders = (locale: 'en' | 'ja') =>
      generateArtifacts(config043(certs), { includeSecrets: false, locale })['RUNBOOK.md'];
    expect(commands(placeholders('ja'))).toEqual(commands(placeholders('en')));
    expect(placeholders('ja')).toContain("read -rsp 'MySQL のパスワード：' MYSQL_PASSWORD; echo");
  });

  it('adds the OCI note for the platform chart', () => {
    const config: InstallConfig = {
      ...PROCEDURE_EXAMPLE,
      charts: {
        ...PROCEDURE_EXAMPLE.charts,
        platform: {
          source: {
            ...emptyChartSource('oci'),
            url: 'oci://r.example.com/charts',
          } as InstallConfig['charts']['platform']['source'],
          version: '0.18.0',
        },
      },
    };
    expect(generationNotes(config)).toContainEqual({
      key: 'generate.note.ociNeedsNewerOperator',
      params: { tag: '1.13.3', since: '1.22.0' },
    });
    const newer = { ...config, images: { ...config.images, controller: { repository: '', tag: '1.22.0' } } };
    expect(generationNotes(newer).map((note) => note.key)).not.toContain(
      'generate.note.ociNeedsNewerOperator',
    );
    expect(at(buildManifests(config, { includeSecrets: true }).wandbCr, ['spec', 'chart'])).toEqual({
      url: 'oci://r.example.com/charts/operator-wandb',
      version: '0.18.0',
    });
  });

  it('uses the same image list in images.txt and the mirror script', () => {
    const files = generateArtifacts(on043(PROCEDURE_EXAMPLE), { includeSecrets: true });
    const pairs = files['images.txt'].split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(pairs).toHaveLength(10);
    for (const pair of pairs) expect(files['mirror-images.sh']).toContain(pair.split(' ').join(' '));
    expect(pairs).toContain('docker.io/alpine/k8s:1.31.12 registry.yourdomain.com/alpine/k8s:1.31.12');
  });

  it('checks an existing ingress TLS Secret it does not create, and says how to create it', () => {
    const config: InstallConfig = {
      ...PROCEDURE_EXAMPLE,
      ingress: {
        ...PROCEDURE_EXAMPLE.ingress,
        tls: { enabled: true, secretName: 'site-tls', certificate: '', privateKey: '' },
      },
    };
    for (const locale of ['en', 'ja'] as const) {
      const runbook = generateArtifacts(config, { includeSecrets: false, locale })['RUNBOOK.md'];
      expect(runbook).toContain(
        'kubectl create secret tls site-tls --namespace default --cert=tls.crt --key=tls.key --dry-run=client --output=yaml | kubectl apply',
      );
      expect(runbook).toContain(
        `test "$(kubectl get secret site-tls --namespace default '--output=jsonpath={.type}')" = kubernetes.io/tls`,
      );
      expect(runbook).toContain('openssl x509 -noout -subject -enddate -ext subjectAltName -checkend 0');
      // …before the operator and the resource that use it.
      expect(runbook.indexOf('kubernetes.io/tls')).toBeLessThan(runbook.indexOf('helm upgrade --install'));
    }
    const off = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: false })['RUNBOOK.md'];
    expect(PROCEDURE_EXAMPLE.ingress.tls.enabled).toBe(false);
    expect(off).not.toContain('kubernetes.io/tls');
  });

  it('ends with a roll back and an uninstall section: the resource first, then the operator, then its Secrets', () => {
    const runbook = generateArtifacts(config043(certs), { includeSecrets: false })['RUNBOOK.md'];
    const order = [
      '## Roll back',
      'helm history operator --namespace wandb-system --kube-context prod-cluster',
      'helm rollback operator --namespace wandb-system --wait',
      '## Uninstall',
      'kubectl --context prod-cluster delete weightsandbiases wandb --namespace wandb',
      'helm uninstall operator --namespace wandb-system',
      'delete secret wandb-registry-pull --namespace wandb-system --ignore-not-found',
      'wandb-tls --namespace wandb --ignore-not-found',
    ];
    const positions = order.map((needle) => runbook.indexOf(needle));
    expect(
      positions.every((position) => position >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const ja = generateArtifacts(config043(certs), { includeSecrets: false, locale: 'ja' })['RUNBOOK.md'];
    expect(ja).toContain('## ロールバック');
    expect(ja).toContain('## アンインストール');
  });

  it('writes shell that bash can parse: the runbook blocks and the mirror script', () => {
    for (const config of [PROCEDURE_EXAMPLE, config043(certs), on043(PROCEDURE_EXAMPLE)]) {
      for (const includeSecrets of [true, false]) {
        const files = generateArtifacts(config, { includeSecrets });
        const blocks = files['RUNBOOK.md']
          .split('```bash\n')
          .slice(1)
          .map((block) => block.split('```')[0] ?? '');
        expect(blocks.length).toBeGreaterThan(4);
        for (const block of blocks) execFileSync('bash', ['-n', '-c', block]);
        execFileSync('bash', ['-n', '-c', files['mirror-images.sh']]);
      }
    }
  });
});

describe('chart repository credentials', () => {
  const withCredentials = (controllerTag: string): InstallConfig => ({
    ...PROCEDURE_EXAMPLE,
    images: { ...PROCEDURE_EXAMPLE.images, controller: { repository: '', tag: controllerTag } },
    charts: {
      ...PROCEDURE_EXAMPLE.charts,
      platform: {
        ...PROCEDURE_EXAMPLE.charts.platform,
        source: {
          kind: 'repo',
          url: 'https://charts.example.com',
          repoName: 'local-repo',
          username: 'bot',
          password: 's3cret',
          caBundle: '',
          insecureSkipVerify: false,
        },
      },
    },
  });

  it('from controller 1.20.0 the password goes into a Secret that spec.chart.credentialSecret names', () => {
    const m = buildManifests(withCredentials('1.22.0'), { includeSecrets: true });
    const chart = at(m.wandbCr, ['spec', 'chart']) as Record<string, unknown>;
    expect(chart.password).toBeUndefined();
    expect(chart.username).toBeUndefined();
    expect(chart.credentialSecret).toEqual({
      name: 'wandb-chart-repository',
      usernameKey: 'HELM_USERNAME',
      passwordKey: 'HELM_PASSWORD',
    });
    expect(JSON.stringify(m.wandbCr)).not.toContain('s3cret');
    const secrets = generateArtifacts(withCredentials('1.22.0'), { includeSecrets: false });
    expect(JSON.stringify(secrets)).toContain('HELM_USERNAME');
  });

  it('before 1.20.0 (and for a tag that is not a release) the credentials stay in the resource', () => {
    for (const tag of ['1.16.1', 'latest']) {
      const chart = at(buildManifests(withCredentials(tag), { includeSecrets: true }).wandbCr, [
        'spec',
        'chart',
      ]) as Record<string, unknown>;
      expect(chart.credentialSecret).toBeUndefined();
      expect(chart.password).toBe('s3cret');
    }
  });
});
