import { describe, expect, it } from 'vitest';

import { mirrorConfigFromDraft } from './input';

describe('mirrorConfigFromDraft', () => {
  it('takes the registry, the source and the chart version of an otherwise incomplete draft', () => {
    const r = mirrorConfigFromDraft({
      registry: { host: 'registry.example.com:5000/mirror', username: 'u', password: 'p' },
      charts: { platform: { version: '0.43.8' } },
      mirror: { source: '/media/usb/bundle' },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.registry.host).toBe('registry.example.com:5000/mirror');
    expect(r.config.registry.password).toBe('p');
    expect(r.config.charts.platform.version).toBe('0.43.8');
    expect(r.config.mirror.source).toBe('/media/usb/bundle');
  });

  it('names the registry field when the address is missing', () => {
    const r = mirrorConfigFromDraft({ mirror: { source: '/x' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors)).toContain('registry.host');
  });

  it('names the source field when the path is relative', () => {
    const r = mirrorConfigFromDraft({ registry: { host: 'r.example.com' }, mirror: { source: 'bundle' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors['mirror.source']?.key).toBe('config.mirror.source.absolute');
  });

  it('ignores sections the mirror does not read, however incomplete', () => {
    const r = mirrorConfigFromDraft({
      registry: { host: 'r.example.com' },
      platform: { host: '' },
      bucket: { name: '' },
      mysql: { mode: 'in-cluster' },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.config.mysql.mode).toBe('in-cluster');
  });

  it('takes each valid chart source (where the charts are pushed), and leaves an invalid one empty', () => {
    const oci = {
      kind: 'oci',
      url: 'oci://r.example.com/charts',
      username: 'u',
      password: 'p',
      caBundle: '',
      plainHttp: false,
      insecureSkipVerify: false,
    };
    const r = mirrorConfigFromDraft({
      registry: { host: 'r.example.com' },
      charts: { operator: { source: oci, version: '' }, platform: { source: { kind: 'repo', url: 'ftp://x' } } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.charts.operator.source).toEqual(oci);
    expect(r.config.charts.platform.source).toMatchObject({ kind: 'repo', url: '' });
  });
});
