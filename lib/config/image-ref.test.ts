import { describe, expect, it } from 'vitest';

import { CHART_LINES, chartLineFor, DEFAULT_TAGS, IMAGE_IDS } from './chart-images';
import { mirrorPath, mirrorRepository, resolveImages, splitRepository } from './image-ref';
import { defaultImages } from './images';

describe('the mirroring rule', () => {
  it.each([
    [
      'docker.io/wandb/local',
      'registry.example.com:5000/mirror',
      'registry.example.com:5000/mirror/wandb/local',
    ],
    [
      'quay.io/prometheus/prometheus',
      '127.0.0.1:25001/mirror',
      '127.0.0.1:25001/mirror/prometheus/prometheus',
    ],
    ['docker.io/library/mysql', 'registry.example.com', 'registry.example.com/mysql'],
    ['docker.io/bitnamilegacy/redis', 'r.example.com/a/b', 'r.example.com/a/b/bitnamilegacy/redis'],
    [
      'quay.io/prometheus-operator/prometheus-config-reloader',
      'localhost:5000',
      'localhost:5000/prometheus-operator/prometheus-config-reloader',
    ],
  ])('%s under %s is %s', (source, registry, target) => {
    expect(mirrorRepository(source, registry)).toBe(target);
  });

  it('splits registry hosts from namespaces', () => {
    expect(splitRepository('registry.example.com:5000/mirror/bitnamilegacy/redis')).toEqual({
      registry: 'registry.example.com:5000',
      path: 'mirror/bitnamilegacy/redis',
    });
    expect(splitRepository('bitnamilegacy/redis')).toEqual({
      registry: 'docker.io',
      path: 'bitnamilegacy/redis',
    });
    expect(splitRepository('localhost/x')).toEqual({ registry: 'localhost', path: 'x' });
    expect(mirrorPath('mysql')).toBe('mysql');
  });
});

describe('resolveImages', () => {
  const line = CHART_LINES['0.43'];

  it('puts every image under the registry with the wsm-list tags', () => {
    const images = resolveImages({
      registry: 'reg:5000/m',
      images: defaultImages,
      line,
      mysqlInCluster: false,
    });
    const byId = Object.fromEntries(images.map((image) => [image.id, image]));
    expect(byId.local?.targetRef).toBe(`reg:5000/m/wandb/local:${DEFAULT_TAGS.local}`);
    expect(byId.local?.sourceRef).toBe(`docker.io/wandb/local:${DEFAULT_TAGS.local}`);
    expect(byId.controller?.tag).toBe('1.16.1');
    expect(byId.redis?.tag).toBe('7.2.4-debian-12-r9');
    expect(byId.alpineK8s?.tag).toBe('1.31.12');
    expect(byId.mysql?.needed).toBe(false);
  });

  it('lets megabinary and weave-python follow the tag of wandb/local, overridden or not', () => {
    const images = resolveImages({
      registry: 'reg',
      images: { ...defaultImages, local: { repository: '', tag: '0.70.1' } },
      line,
      mysqlInCluster: true,
    });
    const tags = Object.fromEntries(images.map((image) => [image.id, image.tag]));
    expect(tags.megabinary).toBe('0.70.1');
    expect(tags.weavePython).toBe('0.70.1');
    expect(images.find((image) => image.id === 'mysql')?.needed).toBe(true);
  });

  it('applies a single repository or tag override', () => {
    const images = resolveImages({
      registry: 'reg',
      images: {
        ...defaultImages,
        console: { repository: 'other.example.com/console', tag: '' },
        redis: { repository: '', tag: 'r1' },
      },
      line,
      mysqlInCluster: false,
    });
    const console = images.find((image) => image.id === 'console');
    expect(console).toMatchObject({
      repository: 'other.example.com/console',
      tag: DEFAULT_TAGS.console,
      repositoryOverridden: true,
    });
    expect(images.find((image) => image.id === 'redis')).toMatchObject({
      repository: 'reg/bitnamilegacy/redis',
      tag: 'r1',
      tagOverridden: true,
    });
  });
});

describe('chart lines', () => {
  it('maps every version from 0.18.0 on to its nearest line', () => {
    expect(chartLineFor('0.18.0')).toMatchObject({ line: { id: '0.18' }, verified: true });
    expect(chartLineFor('0.43.8')).toMatchObject({ line: { id: '0.43' }, verified: true });
    expect(chartLineFor('0.44.0')).toMatchObject({ line: { id: '0.43' }, verified: false });
    expect(chartLineFor('1.0.0')).toMatchObject({ line: { id: '0.43' }, verified: false });
    expect(chartLineFor('0.17.9')).toBeNull();
    expect(chartLineFor('0.30.0')).toMatchObject({ line: { id: '0.18' }, verified: false });
    expect(chartLineFor('0.31.0')).toMatchObject({ line: { id: '0.43' }, verified: false });
    expect(chartLineFor('x')).toBeNull();
  });

  it('lists the images the procedure forgot for 0.18 and the new ones of 0.43', () => {
    const keys = (id: '0.18' | '0.43') =>
      CHART_LINES[id].images.flatMap((image) => image.keys.map((key) => key.path.join('.')));
    expect(keys('0.18')).toEqual(
      expect.arrayContaining([
        'weave.image',
        'parquet.image',
        'otel.daemonset.image',
        'redis.image',
        'prometheus.instance.server.image',
      ]),
    );
    expect(keys('0.43')).toEqual(
      expect.arrayContaining([
        'appRenamePreHook.image',
        'appRenamePostHook.image',
        'weave.image',
        'parquet.image',
      ]),
    );
    const sources = CHART_LINES['0.43'].images.map((image) => image.source);
    expect(sources).toEqual(
      expect.arrayContaining([
        'docker.io/wandb/megabinary',
        'docker.io/wandb/weave-python',
        'docker.io/alpine/k8s',
      ]),
    );
    for (const line of Object.values(CHART_LINES)) {
      for (const image of line.images) expect(IMAGE_IDS).toContain(image.id);
    }
  });
});
