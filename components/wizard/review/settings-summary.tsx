import 'server-only';

import Link from 'next/link';

import { storageClassOf, type InstallConfig } from '@/lib/config';

import { fieldHref, fieldLabel } from '../field-labels';

type T = (key: string, params?: Record<string, string | number>) => string;

/** A row: the field it shows (its label and the link to it) and the value in words. */
interface Row {
  path: string;
  value: string;
}

function chartSourceText(source: InstallConfig['charts']['operator']['source']): string {
  if (source.kind === 'local') return source.path;
  const login = source.username ? ` (${source.username})` : '';
  return `${source.url}${login}`;
}

/**
 * The settings in plain words above the generated files: what a consultant reads back to the
 * customer before the install (no secrets; a secret shows only whether it is set). Each label links
 * to its field.
 */
export function SettingsSummary({ config, t }: { config: InstallConfig; t: T }) {
  const set = (value: string) => (value === '' ? t('ui.summary.notSet') : t('ui.summary.set'));
  const { registry, charts, platform, bucket, mysql, ingress, target, secrets } = config;
  const rows: Row[] = [
    { path: 'platform.host', value: platform.host },
    { path: 'platform.license', value: set(platform.license) },
    {
      path: 'registry.host',
      value: [
        registry.host,
        registry.username ? `${registry.username} / ${set(registry.password)}` : '',
        registry.plainHttp
          ? t('ui.summary.plainHttp')
          : registry.insecureSkipVerify
            ? t('ui.summary.noVerify')
            : registry.caBundle.trim()
              ? t('ui.summary.ownCa')
              : '',
      ]
        .filter(Boolean)
        .join(' · '),
    },
    {
      path: 'charts.operator.version',
      value: `operator ${charts.operator.version || t('ui.summary.newest')} · ${chartSourceText(charts.operator.source)}`,
    },
    {
      path: 'charts.platform.version',
      value: `operator-wandb ${charts.platform.version} · ${chartSourceText(charts.platform.source)}`,
    },
    {
      path: 'bucket.provider',
      value: [
        t(`ui.bucket.provider.${bucket.provider}`),
        bucket.name,
        bucket.path,
        bucket.provider === 's3' ? bucket.region : '',
        bucket.provider === 's3'
          ? bucket.credentials === 'role'
            ? t('ui.bucket.credentials.role')
            : t('ui.bucket.credentials.keys')
          : '',
      ]
        .filter(Boolean)
        .join(' · '),
    },
    {
      path: 'mysql.mode',
      value:
        mysql.mode === 'external'
          ? `${t('ui.mysql.mode.external')} · ${mysql.user}@${mysql.host}:${mysql.port}/${mysql.database}`
          : t('ui.mysql.mode.inCluster'),
    },
    {
      path: 'ingress.class',
      value: [
        ingress.class || t('ui.summary.defaultClass'),
        ingress.tls.enabled ? `TLS ${ingress.tls.secretName}` : t('ui.summary.noTls'),
      ].join(' · '),
    },
    { path: 'platform.storageClass', value: storageClassOf(platform) || t('ui.summary.defaultClass') },
    { path: 'secrets.delivery', value: t(`ui.secrets.delivery.${secrets.delivery}`) },
    {
      path: 'target.crName',
      value: `WeightsAndBiases ${target.crNamespace}/${target.crName} · operator ${target.operatorNamespace}`,
    },
    {
      path: 'target.kubeconfig.source',
      value: [
        t(`ui.cluster.source.${target.kubeconfig.source}`),
        target.kubeconfig.source === 'path' ? target.kubeconfig.path : '',
        target.kubeContext || t('ui.cluster.context.currentNone'),
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ];
  return (
    <section aria-labelledby="settings-summary-title" data-testid="settings-summary">
      <h2 id="settings-summary-title">{t('ui.summary.title')}</h2>
      <dl className="settings-summary">
        {rows.map((row) => (
          <div key={row.path}>
            <dt>
              <Link href={fieldHref(row.path)} prefetch={false}>
                {fieldLabel(row.path, t)}
              </Link>
            </dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
