import { describe, expect, it } from 'vitest';

import type { MirrorPlan, MirrorReport, PlannedImage } from '@/lib/registry/mirror';
import { archiveBlobReader, type SourceImage } from '@/lib/registry/mirror-source';

import { imageStatus, planView, progressView, pushFailureMessage, reportView } from './view';

const SECRET = 's3cret-registry-password';

function image(ref: string, size = 1000): SourceImage {
  return {
    ref,
    reader: archiveBlobReader({ path: `/b/images/${ref}/image.tgz`, gzip: false }),
    top: {
      digest: 'sha256:top',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      bytes: Buffer.from('{}'),
    },
    children: [],
    blobs: [],
    platforms: ['linux/amd64', 'linux/arm64'],
    size,
  };
}

function planned(over: Partial<PlannedImage> & Pick<PlannedImage, 'relation' | 'registry'>): PlannedImage {
  const img = image('wandb/local:0.62.2');
  return {
    image: img,
    target: 'r.example.com/m/wandb/local:0.62.2',
    repository: 'm/wandb/local',
    tag: '0.62.2',
    selection: { kind: 'all', image: img },
    ...over,
  };
}

const all = { kind: 'all' as const, image: image('x:1') };

describe('imageStatus', () => {
  it('says missing, present, outdated, tag differs, extra and error', () => {
    expect(imageStatus({ relation: 'configured', selection: all, registry: { kind: 'absent' } })).toBe(
      'missing',
    );
    expect(
      imageStatus({ relation: 'configured', selection: all, registry: { kind: 'same', digest: 'd' } }),
    ).toBe('present');
    expect(
      imageStatus({ relation: 'configured', selection: all, registry: { kind: 'different', digest: 'd' } }),
    ).toBe('outdated');
    expect(imageStatus({ relation: 'other-tag', selection: all, registry: { kind: 'absent' } })).toBe(
      'tag-differs',
    );
    expect(imageStatus({ relation: 'extra', selection: all, registry: { kind: 'absent' } })).toBe('extra');
    expect(imageStatus({ relation: 'extra', selection: all, registry: { kind: 'same', digest: 'd' } })).toBe(
      'present',
    );
    expect(
      imageStatus({
        relation: 'configured',
        selection: all,
        registry: { kind: 'error', failure: { kind: 'timeout', afterMs: 1 } },
      }),
    ).toBe('error');
  });

  it('says no-platform for an index none of whose platforms is chosen, whatever the registry holds', () => {
    expect(
      imageStatus({
        relation: 'configured',
        selection: { kind: 'none', available: ['linux/arm64'] },
        registry: { kind: 'same', digest: 'd' },
      }),
    ).toBe('no-platform');
  });
});

describe('planView', () => {
  const plan: MirrorPlan = {
    registry: 'r.example.com',
    images: [
      planned({ relation: 'configured', registry: { kind: 'absent' } }),
      planned({
        relation: 'other-tag',
        configuredTag: '0.62.2',
        target: 'r.example.com/m/wandb/local:0.60.0',
        registry: { kind: 'same', digest: 'sha256:top' },
      }),
      planned({
        relation: 'extra',
        target: 'r.example.com/m/x/y:1',
        registry: {
          kind: 'error',
          failure: { kind: 'unauthorized', status: 401, detail: `bad password ${SECRET}` },
        },
      }),
    ],
    uncovered: [
      {
        id: 'console',
        source: 'wandb/console:1',
        target: 'r.example.com/m/wandb/console:1',
        state: 'missing',
      },
    ],
    problems: [{ path: '/b/images/broken/image.tgz', ref: 'broken:1', detail: `truncated ${SECRET}` }],
    platforms: [],
  };
  const view = planView(
    plan,
    { root: '/b', kind: 'wsm-bundle' },
    {
      charts: [
        {
          file: 'operator-1.3.3.tgz',
          name: 'operator',
          version: '1.3.3',
          status: 'missing',
          willPush: true,
          note: { key: 'errors.registry.protocol', params: { detail: SECRET } },
        },
      ],
      publish: [],
    },
    [SECRET],
  );

  it('lists each image with size, platforms and status, and what a run pushes', () => {
    expect(view.images.map((i) => [i.status, i.willPush])).toEqual([
      ['missing', true],
      ['present', false],
      ['error', true],
    ]);
    expect(view.images[0]?.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(view.images[1]?.configuredTag).toBe('0.62.2');
    expect(view.toPush).toBe(2);
    expect(view.bytesToPush).toBe(2000);
  });

  it('names the images the source lacks, the charts and the unreadable archives', () => {
    expect(view.notInSource).toEqual([
      { source: 'wandb/console:1', target: 'r.example.com/m/wandb/console:1', present: false },
    ]);
    expect(view.charts[0]).toMatchObject({ name: 'operator', version: '1.3.3' });
    expect(view.problems[0]?.what).toBe('broken:1');
  });

  it('holds no secret', () => {
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });
});

describe('planView with platforms chosen', () => {
  const narrowed: SourceImage = { ...image('wandb/controller:1', 400), platforms: ['linux/amd64'] };
  const plan: MirrorPlan = {
    registry: 'r.example.com',
    images: [
      planned({
        relation: 'configured',
        registry: { kind: 'absent' },
        image: {
          ...image('wandb/controller:1'),
          platforms: ['linux/amd64', 'linux/arm64', 'unknown/unknown'],
        },
        selection: { kind: 'filtered', image: narrowed, dropped: ['linux/arm64'] },
      }),
      planned({
        relation: 'configured',
        target: 'r.example.com/m/wandb/local:1',
        registry: { kind: 'absent' },
        image: { ...image('wandb/local:1'), platforms: ['linux/arm64'] },
        selection: {
          kind: 'other-platform',
          image: { ...image('wandb/local:1'), platforms: ['linux/arm64'] },
        },
      }),
      planned({
        relation: 'configured',
        target: 'r.example.com/m/x:1',
        registry: { kind: 'same', digest: 'sha256:top' },
        image: { ...image('x:1'), platforms: ['linux/s390x'] },
        selection: { kind: 'none', available: ['linux/s390x'] },
      }),
    ],
    uncovered: [],
    problems: [],
    platforms: ['linux/amd64'],
  };
  const view = planView(plan, { root: '/b', kind: 'wsm-bundle' }, { charts: [], publish: [] }, []);

  it('shows per image the platforms pushed, the size of what is pushed, and what is not pushed', () => {
    expect(view.images.map((i) => [i.status, i.willPush, i.platforms, i.pushPlatforms])).toEqual([
      ['missing', true, ['linux/amd64', 'linux/arm64'], ['linux/amd64']],
      ['missing', true, ['linux/arm64'], ['linux/arm64']],
      ['no-platform', false, ['linux/s390x'], []],
    ]);
    expect(view.images[0]?.size).toBe(400);
    expect(view.images[1]?.otherPlatform).toBe(true);
    expect(view.bytesToPush).toBe(1400);
    expect(view.chosenPlatforms).toEqual(['linux/amd64']);
  });

  it('lists every platform found across the source, for the choice', () => {
    expect(view.platforms).toEqual(['linux/amd64', 'linux/arm64', 'linux/s390x']);
  });

  it('shows unknown for an image whose platform nothing says, and never offers it', () => {
    const unknown = { ...image('u:1'), platforms: ['unknown'] };
    const v = planView(
      {
        ...plan,
        images: [
          planned({
            relation: 'extra',
            registry: { kind: 'absent' },
            image: unknown,
            selection: { kind: 'all', image: unknown },
          }),
        ],
      },
      { root: '/b', kind: 'folder' },
      { charts: [], publish: [] },
      [],
    );
    expect(v.images[0]).toMatchObject({ platforms: ['unknown'], pushPlatforms: ['unknown'] });
    expect(v.platforms).toEqual([]);
  });
});

describe('reportView', () => {
  const report: MirrorReport = {
    outcomes: [
      { target: 'a', ref: 'a:1', result: 'skipped' },
      {
        target: 'c',
        ref: 'c:1',
        result: 'pushed',
        stats: { uploaded: 2, uploadedBytes: 10, skipped: 0, skippedBytes: 0, mounted: 0 },
      },
      {
        target: 'b',
        ref: 'b:1',
        result: 'failed',
        failure: {
          kind: 'registry',
          stage: 'upload',
          what: 'b',
          failure: { kind: 'protocol-error', status: 500, detail: `echo ${SECRET}` },
        },
      },
    ],
    pushed: 1,
    skipped: 1,
    failed: 1,
    uploadedBytes: 10,
    elapsedMs: 1500,
    cancelled: false,
  };

  it('lists failures first, each with its cause, and holds no secret', () => {
    const view = reportView(report, [SECRET]);
    expect(view.outcomes.map((o) => o.result)).toEqual(['failed', 'pushed', 'skipped']);
    expect(view.outcomes[0]?.failure?.key).toBe('errors.registry.protocol');
    expect(view.outcomes[1]?.uploadedBytes).toBe(10);
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });
});

describe('pushFailureMessage', () => {
  it('says a cancelled image has no tag, a digest mismatch and an unreadable archive', () => {
    expect(
      pushFailureMessage({ kind: 'registry', stage: 'blob', what: 'x', failure: { kind: 'aborted' } }).key,
    ).toBe('mirrorStep.failure.cancelled');
    expect(pushFailureMessage({ kind: 'digest-mismatch', what: 'l', expected: 'e', actual: 'a' })).toEqual({
      key: 'mirrorStep.failure.digest',
      params: { what: 'l', expected: 'e', actual: 'a' },
    });
    expect(pushFailureMessage({ kind: 'archive', detail: 'eof' }).key).toBe('mirrorStep.failure.archive');
    expect(
      pushFailureMessage({
        kind: 'platforms',
        available: ['linux/arm64', 'linux/s390x'],
        chosen: ['linux/amd64'],
      }),
    ).toEqual({
      key: 'mirrorStep.failure.platforms',
      params: { available: 'linux/arm64, linux/s390x', chosen: 'linux/amd64' },
    });
    expect(
      pushFailureMessage({
        kind: 'source',
        what: 'src:5000/wandb/local@sha256:aa',
        failure: { kind: 'unauthorized', status: 401, detail: 'x' },
      }),
    ).toEqual({
      key: 'errors.registry.unauthorized',
      params: { target: 'src:5000/wandb/local@sha256:aa', status: 401 },
    });
  });
});

describe('progressView', () => {
  it('gives a running image its own rate and time left from when it started', () => {
    const started = new Map<string, number>([['a', 1000]]);
    const v = progressView(
      {
        bytes: 600,
        totalBytes: 2000,
        rate: 300,
        etaSeconds: 4.7,
        elapsedMs: 2000,
        images: [
          { id: 'a', state: 'running', bytes: 500, totalBytes: 1000 },
          { id: 'b', state: 'waiting', bytes: 0, totalBytes: 1000 },
          { id: 'c', state: 'running', bytes: 100, totalBytes: 0 },
        ],
      },
      started,
      2000,
    );
    expect(v.images[0]).toMatchObject({ rate: 500, etaSeconds: 1 });
    expect(v.images[1]).toMatchObject({ rate: 0 });
    expect(started.get('c')).toBe(2000);
  });
});
