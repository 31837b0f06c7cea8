import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, vendorChart } from '@/test/vendor-charts';

import { chartDigest, readChart, readChartUncached, type ChartReading } from './read-chart';

function keysOf(reading: ChartReading, enabledOnly = true): Record<string, string> {
  return Object.fromEntries(
    reading.keys
      .filter((key) => !enabledOnly || key.enabled)
      .map((key) => [key.path.join('.'), `${key.style} ${key.source}:${key.tag}`]),
  );
}

function read(name: string, version: string): ChartReading {
  const result = readChart(vendorChart(name, version));
  if (!result.ok) throw new Error(result.reason);
  return result.reading;
}

/** A tar entry (ustar header + data), for archives the tests build themselves. */
function tarEntry(path: string, content: string | Uint8Array): Uint8Array {
  const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const header = new Uint8Array(512);
  header.set(new TextEncoder().encode(path), 0);
  header.set(new TextEncoder().encode('0000644\0'), 100);
  header.set(new TextEncoder().encode(`${data.length.toString(8).padStart(11, '0')}\0`), 124);
  header[156] = '0'.charCodeAt(0);
  header.set(new TextEncoder().encode('ustar\0'), 257);
  const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
  padded.set(data);
  const out = new Uint8Array(512 + padded.length);
  out.set(header);
  out.set(padded, 512);
  return out;
}

function tgz(entries: [string, string | Uint8Array][]): Uint8Array {
  const parts = [...entries.map(([path, content]) => tarEntry(path, content)), new Uint8Array(1024)];
  const tar = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    tar.set(part, offset);
    offset += part.length;
  }
  return gzipSync(tar);
}

describe('readChart on built archives', () => {
  it('reads a nested .tgz subchart under its alias, with its appVersion as the empty tag, and plain image strings', () => {
    const sub = tgz([
      ['sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.2.3\nappVersion: v9.9.9\n'],
      [
        'sub/values.yaml',
        'server:\n  image:\n    repository: quay.io/x/server\n    tag: ""\nsidecarImage: busybox:1.36\n',
      ],
    ]);
    const chart = tgz([
      [
        'top/Chart.yaml',
        'apiVersion: v2\nname: top\nversion: 0.1.0\ndependencies:\n- name: sub\n  alias: inner\n  condition: inner.install\n',
      ],
      [
        'top/values.yaml',
        'inner:\n  install: false\nimage: {registry: docker.io, repository: bitnami/redis, tag: "7"}\n',
      ],
      ['top/charts/sub-1.2.3.tgz', sub],
    ]);
    const result = readChartUncached(chart);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reading.digest).toBe(chartDigest(chart));
    expect(result.reading.parts.map((part) => [part.path, part.version, part.enabled])).toEqual([
      ['top', '0.1.0', true],
      ['top/inner', '1.2.3', false],
    ]);
    expect(keysOf(result.reading, false)).toEqual({
      image: 'bitnami docker.io/bitnami/redis:7',
      'inner.server.image': 'repository quay.io/x/server:v9.9.9',
      'inner.sidecarImage': 'string docker.io/library/busybox:1.36',
    });
  });

  it('answers a reason for bytes that are no chart', () => {
    expect(readChartUncached(new TextEncoder().encode('not gzip'))).toMatchObject({ ok: false });
    expect(readChartUncached(tgz([['x/values.yaml', 'a: 1\n']]))).toEqual({
      ok: false,
      reason: 'no <chart>/Chart.yaml inside',
    });
  });
});

describe.skipIf(!HAVE_VENDOR_CHARTS)(
  `readChart on the vendor's charts ${HAVE_VENDOR_CHARTS ? '' : `(skipped: ${NO_VENDOR_CHARTS})`}`,
  () => {
    it('operator-wandb 0.18.0: every key a default install uses, weave and parquet included', () => {
      const reading = read('operator-wandb', '0.18.0');
      expect(reading).toMatchObject({ name: 'operator-wandb', version: '0.18.0' });
      expect(keysOf(reading)).toMatchObject({
        'app.image': 'repository docker.io/wandb/local:latest',
        'console.image': 'repository docker.io/wandb/console:latest',
        'weave.image': 'repository docker.io/wandb/local:latest',
        'parquet.image': 'repository docker.io/wandb/local:latest',
        'otel.daemonset.image': 'repository docker.io/otel/opentelemetry-collector-contrib:0.97.0',
        'prometheus.instance.server.image': 'repository quay.io/prometheus/prometheus:v2.47.0',
        'prometheus.instance.configmapReload.prometheus.image':
          'repository quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
        'redis.image': 'bitnami docker.io/bitnami/redis:7.2.4-debian-12-r9',
      });
      // mysql.install is false by default: the key is found, but not enabled.
      expect(reading.keys.find((key) => key.path.join('.') === 'mysql.image')).toMatchObject({
        enabled: false,
        source: 'docker.io/library/mysql',
      });
      expect(reading.parts.find((part) => part.path === 'operator-wandb/prometheus/instance')).toMatchObject({
        name: 'prometheus',
        version: '24.5.0',
      });
    });

    it('operator-wandb 0.43.8: the wandb-base aliases, megabinary and weave-python with their own tags, the hooks', () => {
      const keys = keysOf(read('operator-wandb', '0.43.8'));
      expect(keys).toMatchObject({
        'app.image': 'repository docker.io/wandb/local:latest',
        'parquet.image': 'repository docker.io/wandb/megabinary:latest',
        'weave.image': 'repository docker.io/wandb/weave-python:latest',
        'appRenamePreHook.image': 'repository docker.io/alpine/k8s:1.31.12',
        'appRenamePostHook.image': 'repository docker.io/alpine/k8s:1.31.12',
        'redis.image': 'bitnami docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9',
        'prometheus.instance.server.image': 'repository quay.io/prometheus/prometheus:v2.47.0',
      });
      expect(keys['console.image']).toMatch(/^repository docker\.io\/wandb\/console:/);
    });

    it('operator-wandb 0.30.0: a version between the two catalogue lines is read like any other', () => {
      const keys = keysOf(read('operator-wandb', '0.30.0'));
      expect(keys['app.image']).toBe('repository docker.io/wandb/local:latest');
      expect(Object.keys(keys).length).toBeGreaterThan(8);
    });

    it.each(['1.3.3', '1.4.8'])('operator %s: the controller image', (version) => {
      const reading = read('operator', version);
      expect(keysOf(reading)).toEqual({ image: 'repository docker.io/wandb/controller:latest' });
    });

    it('caches by digest: the same bytes give the same reading object', () => {
      const bytes = vendorChart('operator', '1.4.8');
      expect(readChart(bytes)).toBe(readChart(Uint8Array.from(bytes)));
    });
  },
);
