import { describe, expect, it } from 'vitest';

import { failureText, registryApiHost, sourceLocation } from './mirror-registry-source';

describe('sourceLocation: the source registry request of a public reference', () => {
  it('splits by the configured address, so a single-label host stays a host', () => {
    expect(
      sourceLocation('docker.io/wandb/local:0.62.2', { public: false, address: 'mirror/bundle' }),
    ).toEqual({
      registry: 'mirror',
      repository: 'bundle/wandb/local',
      reference: '0.62.2',
      ref: 'mirror/bundle/wandb/local:0.62.2',
    });
  });

  it('keeps a digest, drops Docker Hub library/, takes a port', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    expect(
      sourceLocation(`docker.io/library/mysql@${digest}`, { public: false, address: 'src:5000' }),
    ).toEqual({
      registry: 'src:5000',
      repository: 'mysql',
      reference: digest,
      ref: `src:5000/mysql@${digest}`,
    });
  });

  it('reads a public reference from its own registry', () => {
    expect(sourceLocation('docker.io/library/mysql:8.0', { public: true })).toMatchObject({
      registry: 'docker.io',
      repository: 'library/mysql',
      reference: '8.0',
    });
    expect(sourceLocation('quay.io/prometheus/prometheus:v2.47.0', { public: true })).toMatchObject({
      registry: 'quay.io',
      repository: 'prometheus/prometheus',
    });
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('quay.io')).toBe('quay.io');
  });

  it('is null for an address that is not one', () => {
    expect(sourceLocation('docker.io/wandb/local:1', { public: false, address: 'https://x' })).toBeNull();
  });
});

describe('failureText', () => {
  it('names the cause in one line', () => {
    expect(failureText({ kind: 'missing', status: 404, code: 'MANIFEST_UNKNOWN' })).toBe(
      'not found (404 MANIFEST_UNKNOWN)',
    );
    expect(failureText({ kind: 'unauthorized', status: 401, detail: 'credentials rejected' })).toBe(
      'unauthorized (401): credentials rejected',
    );
    expect(failureText({ kind: 'timeout', afterMs: 30_000 })).toBe('no answer within 30 s');
  });
});
