import { describe, expect, it } from 'vitest';

import { readChart } from '@/lib/charts/read-chart';
import { PROCEDURE_EXAMPLE, resolveConfigImages, type InstallConfig } from '@/lib/config';
import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, vendorChart } from '@/test/vendor-charts';

import { buildManifests, generateArtifacts, generationNotes } from './index';

function withReading(version: string, registry: Partial<InstallConfig['registry']> = {}): InstallConfig {
  const result = readChart(vendorChart('operator-wandb', version));
  if (!result.ok) throw new Error(result.reason);
  return {
    ...PROCEDURE_EXAMPLE,
    registry: { ...PROCEDURE_EXAMPLE.registry, ...registry },
    charts: {
      ...PROCEDURE_EXAMPLE.charts,
      platform: { ...PROCEDURE_EXAMPLE.charts.platform, version, reading: result.reading },
    },
  };
}

/** The value at a dotted path of the CR's spec.values (undefined where absent). */
function crValue(config: InstallConfig, dotted: string): unknown {
  let node: unknown = (buildManifests(config, { includeSecrets: false }).wandbCr.spec as { values: unknown })
    .values;
  for (const key of dotted.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

describe.skipIf(!HAVE_VENDOR_CHARTS)(
  `generation from a chart read ${HAVE_VENDOR_CHARTS ? '' : `(skipped: ${NO_VENDOR_CHARTS})`}`,
  () => {
    it("0.43.8: megabinary and weave-python keep the chart's own tag, wandb/local the user's", () => {
      const config = withReading('0.43.8');
      expect(crValue(config, 'app.image')).toEqual({
        repository: 'registry.yourdomain.com/local',
        tag: '0.59.2',
      });
      expect(crValue(config, 'parquet.image')).toEqual({
        repository: 'registry.yourdomain.com/wandb/megabinary',
        tag: 'latest',
      });
      expect(crValue(config, 'weave.image')).toEqual({
        repository: 'registry.yourdomain.com/wandb/weave-python',
        tag: 'latest',
      });
      expect(crValue(config, 'history-reader.image.repository')).toBe(
        'registry.yourdomain.com/wandb/megabinary',
      );
    });

    it('the checks and the mirror take the images the generator writes (one list)', () => {
      const config = withReading('0.43.8');
      const needed = resolveConfigImages(config).filter((image) => image.needed);
      const refs = needed.map((image) => image.targetRef);
      expect(refs).toContain('registry.yourdomain.com/wandb/megabinary:latest');
      expect(refs).not.toContain('registry.yourdomain.com/wandb/megabinary:0.59.2');
      const list = generateArtifacts(config, { includeSecrets: false })['images.txt'];
      for (const ref of refs) expect(list).toContain(ref);
    });

    it('says which images keep the chart default latest, in the notes and in images.txt', () => {
      const config = withReading('0.43.8');
      const note = generationNotes(config).find((n) => n.key === 'generate.note.chartDefaultTags');
      expect(String(note?.params.images)).toContain('docker.io/wandb/megabinary');
      expect(generateArtifacts(config, { includeSecrets: false })['images.txt']).toContain(
        "# the chart's own default tag (latest)",
      );
      expect(generationNotes(config).map((n) => n.key)).not.toContain('generate.note.unverifiedChartVersion');
    });

    it('prometheus 24.5.0 gets the pull secret at its own key when credentials are set, and not without', () => {
      expect(crValue(withReading('0.43.8'), 'prometheus.instance.imagePullSecrets')).toBeUndefined();
      const withCredentials = withReading('0.43.8', { username: 'u', password: 'p' });
      expect(crValue(withCredentials, 'prometheus.instance.imagePullSecrets')).toEqual([
        { name: 'wandb-registry-pull' },
      ]);
      expect(crValue(withCredentials, 'global.imagePullSecrets')).toEqual([{ name: 'wandb-registry-pull' }]);
    });

    it('0.18.0: the global pull secret is not in the chart, so the note says so', () => {
      const config = withReading('0.18.0', { username: 'u', password: 'p' });
      expect(generationNotes(config).map((n) => n.key)).toContain('generate.note.pullSecretsIgnored');
    });

    it('a reading of another version than the one chosen is not used', () => {
      const config = withReading('0.43.8');
      const other = {
        ...config,
        charts: { ...config.charts, platform: { ...config.charts.platform, version: '0.44.0' } },
      };
      expect(crValue(other, 'history-reader')).toBeUndefined();
      expect(generationNotes(other).map((n) => n.key)).toContain('generate.note.unverifiedChartVersion');
    });
  },
);
