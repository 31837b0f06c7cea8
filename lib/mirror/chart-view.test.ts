import { describe, expect, it } from 'vitest';

import {
  chartEndpoint,
  chartMuseumApi,
  type ChartOutcome,
  type ChartPlan,
  type PlannedChart,
  publishCommands,
} from '@/lib/registry/chart-publish';
import { emptyChartSource } from '@/lib/config';

import { chartPlanView, chartsReportView, chartStatus, destinationText } from './chart-view';

const archive = (name: string, version: string) => ({
  path: `/b/charts/${name}-${version}.tgz`,
  name,
  version,
  metadata: { name, version },
});

function planned(
  name: string,
  version: string,
  over: Pick<PlannedChart, 'destination' | 'state'> & Partial<PlannedChart>,
): PlannedChart {
  return {
    path: `/b/charts/${name}-${version}.tgz`,
    chart: archive(name, version),
    digest: 'sha256:abc',
    size: 100,
    ...over,
  };
}

const repoEndpoint = {
  kind: 'repo' as const,
  url: 'https://charts.example.com/stable',
  repo: { url: 'https://charts.example.com/stable', username: 'deploy', password: 'pw', ca: 'PEM' },
};

describe('chartEndpoint', () => {
  it('reaches an OCI repository with the TLS trust and login of the source, as the check does', () => {
    const e = chartEndpoint(
      {
        kind: 'oci',
        url: 'oci://r.example.com:5000/wandb/charts/',
        username: 'u',
        password: 'p',
        caBundle: 'PEM',
        plainHttp: false,
        insecureSkipVerify: true,
      },
      5000,
    );
    expect(e).toEqual({
      kind: 'oci',
      url: 'oci://r.example.com:5000/wandb/charts',
      path: 'wandb/charts',
      client: {
        registry: 'r.example.com:5000',
        plainHttp: false,
        ca: 'PEM',
        insecureSkipTlsVerify: true,
        username: 'u',
        password: 'p',
        requestTimeoutMs: 5000,
      },
    });
  });

  it('reaches an HTTP repository with its URL, and says an OCI address without a path is invalid', () => {
    const repo = { ...emptyChartSource('repo'), url: 'http://c.example.com' } as const;
    expect(chartEndpoint(repo, 1000)).toMatchObject({ kind: 'repo', repo: { url: 'http://c.example.com' } });
    expect(chartEndpoint({ ...emptyChartSource('oci'), url: 'oci://host' } as never, 1000).kind).toBe('invalid');
    expect(chartEndpoint({ kind: 'local', path: '/x.tgz' }, 1000)).toEqual({ kind: 'local', path: '/x.tgz' });
  });
});

describe('publishCommands', () => {
  it('gives the static way (helm repo index --merge) and the ChartMuseum upload, with the login but no password', () => {
    const cmds = publishCommands(
      { kind: 'repo', url: 'https://charts.example.com/stable/', api: 'unknown' },
      ['/media/usb/bundle/charts/operator-1.3.3.tgz', '/media/usb/my charts/operator-wandb-0.43.8.tgz'],
      { username: 'deploy', ca: true },
    );
    expect(cmds).toEqual([
      {
        where: 'https://charts.example.com/stable',
        kind: 'index',
        folder: 'wandb-charts',
        lines: [
          "mkdir -p wandb-charts && cp /media/usb/bundle/charts/operator-1.3.3.tgz '/media/usb/my charts/operator-wandb-0.43.8.tgz' wandb-charts/",
          'curl -fsS -u deploy --cacert CA.pem -o wandb-charts/index.yaml https://charts.example.com/stable/index.yaml || rm -f wandb-charts/index.yaml',
          'helm repo index wandb-charts --url https://charts.example.com/stable --merge wandb-charts/index.yaml',
        ],
      },
      {
        where: 'https://charts.example.com/stable',
        kind: 'upload',
        lines: [
          "curl -fsS -u deploy --cacert CA.pem -H 'Content-Type: application/octet-stream' --data-binary @/media/usb/bundle/charts/operator-1.3.3.tgz https://charts.example.com/stable/api/charts",
          "curl -fsS -u deploy --cacert CA.pem -H 'Content-Type: application/octet-stream' --data-binary @'/media/usb/my charts/operator-wandb-0.43.8.tgz' https://charts.example.com/stable/api/charts",
        ],
      },
    ]);
  });

  it('copies to the file the configuration installs from, and has nothing for OCI', () => {
    expect(publishCommands({ kind: 'local', path: '/opt/charts/operator.tgz' }, ['/b/operator-1.3.3.tgz'])).toEqual(
      [{ where: '/opt/charts/operator.tgz', kind: 'copy', lines: ['cp /b/operator-1.3.3.tgz /opt/charts/operator.tgz'] }],
    );
    expect(publishCommands({ kind: 'oci', url: 'oci://r/x', reference: 'r/x/operator:1' }, ['/b/x.tgz'])).toEqual([]);
    expect(chartMuseumApi('http://cm:8080/')).toBe('http://cm:8080/api/charts');
  });
});

describe('chartStatus', () => {
  it('says missing, present, outdated, manual, extra and error', () => {
    const oci = { kind: 'oci', url: 'oci://r/x', reference: 'r/x/operator:1.3.3' } as const;
    expect(chartStatus({ destination: oci, state: { kind: 'absent' } })).toBe('missing');
    expect(chartStatus({ destination: oci, state: { kind: 'same' } })).toBe('present');
    expect(chartStatus({ destination: oci, state: { kind: 'different', digest: 'sha256:x' } })).toBe('outdated');
    expect(chartStatus({ destination: oci, state: { kind: 'error', failure: { kind: 'aborted' } } })).toBe('error');
    expect(chartStatus({ destination: { kind: 'local', path: '/x' }, state: { kind: 'manual' } })).toBe('manual');
    expect(chartStatus({ destination: { kind: 'extra' }, state: { kind: 'manual' } })).toBe('extra');
  });
});

describe('chartPlanView', () => {
  const plan: ChartPlan = {
    charts: [
      planned('operator', '1.3.3', {
        destination: { kind: 'oci', url: 'oci://r/x', reference: 'r/x/operator:1.3.3' },
        state: { kind: 'same' },
      }),
      planned('operator-wandb', '0.43.8', {
        destination: { kind: 'repo', url: repoEndpoint.url, api: 'unknown' },
        state: { kind: 'absent' },
        endpoint: repoEndpoint,
      }),
      planned('operator-wandb', '0.18.0', {
        destination: { kind: 'repo', url: 'http://cm:8080', api: 'chartmuseum' },
        state: { kind: 'different', digest: 'x' },
      }),
      planned('other', '1.0.0', { destination: { kind: 'extra' }, state: { kind: 'manual' } }),
      planned('operator', '1.4.8', {
        destination: { kind: 'unconfigured', role: 'operator' },
        state: { kind: 'manual' },
      }),
    ],
    unreadable: [{ path: '/b/charts/broken.tgz', detail: 'no Chart.yaml' }],
  };
  const view = chartPlanView(plan);

  it('gives each chart its destination, status and how it goes', () => {
    expect(view.charts.map((c) => [c.file, c.destination, c.status, c.willPush, c.note?.key])).toEqual([
      ['operator-1.3.3.tgz', 'oci://r/x/operator:1.3.3', 'present', false, undefined],
      ['operator-wandb-0.43.8.tgz', repoEndpoint.url, 'missing', true, 'mirrorStep.chart.tryApi'],
      ['operator-wandb-0.18.0.tgz', 'http://cm:8080', 'outdated', true, 'mirrorStep.chart.outdated.repo'],
      ['other-1.0.0.tgz', undefined, 'extra', false, 'mirrorStep.chart.extra'],
      ['operator-1.4.8.tgz', undefined, 'manual', false, 'mirrorStep.chart.unconfigured'],
      ['broken.tgz', undefined, 'unreadable', false, 'mirrorStep.ui.chart.problem'],
    ]);
  });

  it('gives the publishing commands for a repository whose upload API is not known, with the login name only', () => {
    expect(view.publish.map((p) => [p.kind, p.where])).toEqual([
      ['index', repoEndpoint.url],
      ['upload', repoEndpoint.url],
    ]);
    expect(view.publish[1]?.lines[0]).toContain('-u deploy --cacert CA.pem');
    expect(JSON.stringify(view)).not.toContain('pw');
  });
});

describe('chartsReportView', () => {
  it('counts the results, failures first, and gives commands for a repository that took no upload', () => {
    const a = planned('operator', '1.3.3', {
      destination: { kind: 'oci', url: 'oci://r/x', reference: 'r/x/operator:1.3.3' },
      state: { kind: 'absent' },
    });
    const b = planned('operator-wandb', '0.43.8', {
      destination: { kind: 'repo', url: repoEndpoint.url, api: 'unknown' },
      state: { kind: 'absent' },
      endpoint: repoEndpoint,
    });
    const c = planned('operator-wandb', '0.18.0', {
      destination: { kind: 'repo', url: 'http://cm:8080', api: 'chartmuseum' },
      state: { kind: 'different', digest: 'x' },
    });
    const outcomes: ChartOutcome[] = [
      { ...a, result: 'present' },
      { ...b, result: 'manual', reason: 'no-upload-api' },
      { ...c, result: 'failed', failure: { kind: 'conflict', what: 'operator-wandb 0.18.0', detail: 'exists' } },
    ];
    const view = chartsReportView({ charts: [a, b, c], unreadable: [] }, outcomes);
    expect(view).toMatchObject({ pushed: 0, present: 1, failed: 1, manual: 1 });
    expect(view.outcomes.map((o) => [o.result, o.note?.key])).toEqual([
      ['failed', 'mirrorStep.chart.conflict'],
      ['manual', 'mirrorStep.chart.noApi'],
      ['present', undefined],
    ]);
    expect(view.publish.map((p) => p.kind)).toEqual(['index', 'upload']);
    expect(destinationText(a.destination)).toBe('oci://r/x/operator:1.3.3');
  });
});
