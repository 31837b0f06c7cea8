import { describe, expect, it } from 'vitest';

import {
  chartVersionsFromTags,
  findChartVersion,
  ociTagToChartVersion,
  parseChartIndex,
} from './chart-index';

const INDEX = `apiVersion: v1
entries:
  operator:
  - apiVersion: v2
    name: operator
    version: 1.3.3
    appVersion: 1.13.3
    created: "2024-01-01T00:00:00Z"
    digest: abc
    urls: [operator-1.3.3.tgz]
  - name: operator
    version: 1.4.8
    urls: [operator-1.4.8.tgz]
  - name: operator
    version: 1.10.0
    urls: [https://elsewhere/operator-1.10.0.tgz]
  operator-wandb:
  - name: operator-wandb
    version: 0.18.0
    created: 2024-01-01T00:00:00Z
    deprecated: true
    urls: [operator-wandb-0.18.0.tgz]
generated: "2024-01-01T00:00:00Z"
`;

describe('parseChartIndex', () => {
  it('lists versions per chart, newest first by semver', () => {
    const r = parseChartIndex(INDEX);
    expect(r.error).toBeUndefined();
    expect(r.value?.operator?.map((v) => v.version)).toEqual(['1.10.0', '1.4.8', '1.3.3']);
    expect(r.value?.operator?.[2]).toEqual({
      name: 'operator',
      version: '1.3.3',
      appVersion: '1.13.3',
      created: '2024-01-01T00:00:00Z',
      digest: 'abc',
      urls: ['operator-1.3.3.tgz'],
    });
  });

  it('keeps unquoted timestamps as strings and reads deprecated', () => {
    const e = parseChartIndex(INDEX).value?.['operator-wandb']?.[0];
    expect(e?.created).toBe('2024-01-01T00:00:00Z');
    expect(e?.deprecated).toBe(true);
  });

  it('rejects YAML without entries and broken YAML', () => {
    expect(parseChartIndex('<html>login</html>').error?.key).toBe('errors.chartIndex.invalid');
    expect(parseChartIndex('entries: [1, 2]').error?.key).toBe('errors.chartIndex.invalid');
    expect(parseChartIndex('entries:\n  a: [\n').error?.key).toBe('errors.chartIndex.invalid');
  });

  it('reads numeric versions as text', () => {
    expect(parseChartIndex('entries:\n  x:\n  - version: 1.0\n').value?.x?.[0]?.version).toBe('1');
  });
});

describe('findChartVersion', () => {
  const index = parseChartIndex(INDEX).value!;
  it('finds an exact version, with or without a leading v', () => {
    expect(findChartVersion(index, 'operator', '1.4.8')).toMatchObject({
      found: true,
      entry: { version: '1.4.8' },
    });
    expect(findChartVersion(index, 'operator', 'v1.4.8')).toMatchObject({
      found: true,
      entry: { version: '1.4.8' },
    });
  });
  it('takes the newest for an empty version', () => {
    expect(findChartVersion(index, 'operator', '')).toMatchObject({
      found: true,
      entry: { version: '1.10.0' },
    });
  });
  it('names the versions that exist when the one asked for is missing', () => {
    expect(findChartVersion(index, 'operator', '9.9.9')).toEqual({
      found: false,
      chartExists: true,
      available: ['1.10.0', '1.4.8', '1.3.3'],
    });
    expect(findChartVersion(index, 'nope', '1.0.0')).toEqual({
      found: false,
      chartExists: false,
      available: [],
    });
  });
});

describe('OCI chart tags', () => {
  it('maps _ back to + and sorts semver tags newest first', () => {
    expect(ociTagToChartVersion('1.0.0_build.1')).toBe('1.0.0+build.1');
    expect(chartVersionsFromTags(['0.18.0', 'latest', '0.43.8', '0.9.1_meta', 'sha256-abc.sig'])).toEqual([
      '0.43.8',
      '0.18.0',
      '0.9.1+meta',
    ]);
  });
});
