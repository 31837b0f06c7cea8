/**
 * fetchChartIndex against the chart repositories of scripts/test-env: plain HTTP, and HTTPS with
 * Basic auth and the private CA. The charts expected are the fixtures the env publishes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { fetchChartIndex, findChartVersion } from './chart-index';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

/** name → versions of the fixture charts (test/fixtures/charts/<dir>/Chart.yaml). */
function fixtureCharts(): Map<string, string[]> {
  const root = join(__dirname, '../../test/fixtures/charts');
  const out = new Map<string, string[]>();
  for (const dir of readdirSync(root)) {
    if (!existsSync(join(root, dir, 'Chart.yaml'))) continue;
    const text = readFileSync(join(root, dir, 'Chart.yaml'), 'utf8');
    const name = text.match(/^name:\s*(\S+)/m)?.[1];
    const version = text.match(/^version:\s*['"]?([^'"\s]+)/m)?.[1];
    if (name && version) out.set(name, [...(out.get(name) ?? []), version]);
  }
  return out;
}

describe('fetchChartIndex', () => {
  it('reads every fixture chart version from the plain HTTP repository', async () => {
    const r = await fetchChartIndex({ url: requireEnv('CHARTS_HTTP_URL') });
    expect(r.kind, JSON.stringify(r)).toBe('ok');
    if (r.kind !== 'ok') return;
    for (const [name, versions] of fixtureCharts()) {
      for (const v of versions)
        expect(findChartVersion(r.index, name, v), `${name} ${v}`).toMatchObject({ found: true });
    }
  });

  it('reads the HTTPS repository with Basic credentials and the CA', async () => {
    const r = await fetchChartIndex({
      url: requireEnv('CHARTS_HTTPS_URL'),
      username: requireEnv('CHARTS_USER'),
      password: requireEnv('CHARTS_PASSWORD'),
      ca: readFileSync(requireEnv('TEST_CA_FILE')),
    });
    expect(r.kind).toBe('ok');
    expect(r.exchanges[0]?.request).toBe(
      `GET ${requireEnv('CHARTS_HTTPS_URL')}/index.yaml (Basic credentials)`,
    );
    expect(JSON.stringify(r.exchanges)).not.toContain(requireEnv('CHARTS_PASSWORD'));
  });

  it('names the versions that exist when the chosen one is missing', async () => {
    const r = await fetchChartIndex({ url: requireEnv('CHARTS_HTTP_URL') });
    if (r.kind !== 'ok') throw new Error(r.kind);
    const lookup = findChartVersion(r.index, 'operator-wandb', '0.0.1');
    expect(lookup).toEqual({
      found: false,
      chartExists: true,
      available: [...(fixtureCharts().get('operator-wandb') ?? [])].sort().reverse(),
    });
  });

  it('a wrong password, no password, no CA: unauthorized, unauthorized, tls-error', async () => {
    const url = requireEnv('CHARTS_HTTPS_URL');
    const ca = readFileSync(requireEnv('TEST_CA_FILE'));
    expect(
      await fetchChartIndex({ url, ca, username: requireEnv('CHARTS_USER'), password: 'wrong' }),
    ).toMatchObject({ kind: 'unauthorized', detail: 'credentials rejected' });
    expect(await fetchChartIndex({ url, ca })).toMatchObject({
      kind: 'unauthorized',
      detail: 'credentials required',
    });
    expect(
      await fetchChartIndex({
        url,
        username: requireEnv('CHARTS_USER'),
        password: requireEnv('CHARTS_PASSWORD'),
      }),
    ).toMatchObject({ kind: 'tls-error', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('a URL that is not a chart repository is missing (404)', async () => {
    expect(await fetchChartIndex({ url: `${requireEnv('CHARTS_HTTP_URL')}/nothing/here` })).toMatchObject({
      kind: 'missing',
      status: 404,
    });
  });
});
