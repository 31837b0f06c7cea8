import 'server-only';

import { createHash, type Hash } from 'node:crypto';

import type { RegistryClient } from './client';
import type { RegistryFailure } from './failure';
import type { EntryStream } from './mirror-archive';
import { BlobSourceError, type SourceBlob, type SourceImage, type SourceManifest } from './mirror-source';
import type { HttpAnswer } from './transport';

/**
 * Why one image could not be pushed: the stage, the blob or manifest, and the registry's, the
 * archive's, or the source registry's (`source`) cause.
 */
export type PushFailure =
  | {
      kind: 'registry';
      stage: 'blob' | 'mount' | 'upload' | 'manifest';
      what: string;
      failure: RegistryFailure;
    }
  | { kind: 'digest-mismatch'; what: string; expected: string; actual: string }
  | { kind: 'archive'; detail: string }
  | { kind: 'source'; what: string; failure: RegistryFailure }
  /** An index none of whose platforms (`available`) is among those chosen: nothing was pushed. */
  | { kind: 'platforms'; available: string[]; chosen: string[] };

/** How each blob of an image was handled. */
export interface PushStats {
  uploaded: number;
  uploadedBytes: number;
  skipped: number;
  skippedBytes: number;
  mounted: number;
}

/** Options of one image push. */
export interface PushImageOptions {
  signal?: AbortSignal;
  /** Bytes per PATCH request of a chunked upload. Default 32 MiB. */
  chunkBytes?: number;
  /** Called with every chunk of bytes sent, and with the size of each blob skipped or mounted. */
  onBytes?: (bytes: number) => void;
  /**
   * Blobs known to be in other repositories of the same registry (this run's earlier pushes):
   * they are mounted (cross-repository blob mount) instead of uploaded.
   */
  knownBlobs?: Map<string, string>;
}

const DEFAULT_CHUNK = 32 * 1024 * 1024;
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

class PushError extends Error {
  constructor(readonly failure: PushFailure) {
    super(failure.kind);
  }
}

const isFailure = (x: HttpAnswer | RegistryFailure): x is RegistryFailure => 'kind' in x;

function expect(
  client: RegistryClient,
  answer: HttpAnswer | RegistryFailure,
  ok: number[],
  stage: 'blob' | 'mount' | 'upload' | 'manifest',
  what: string,
): HttpAnswer {
  if (isFailure(answer)) throw new PushError({ kind: 'registry', stage, what, failure: answer });
  if (!ok.includes(answer.status))
    throw new PushError({ kind: 'registry', stage, what, failure: client.unexpected(answer) });
  return answer;
}

const location = (a: HttpAnswer): string => {
  const l = a.headers.location;
  return (Array.isArray(l) ? l[0] : l) ?? '';
};

function withDigest(loc: string, digest: string): string {
  return `${loc}${loc.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

/** Yields exactly `length` bytes of `it`, keeping what is left over in `carry` for the next segment. */
async function* segment(
  it: AsyncIterator<Buffer>,
  length: number,
  carry: { rest?: Buffer },
  hash: Hash,
  onBytes?: (n: number) => void,
): AsyncGenerator<Buffer> {
  let left = length;
  while (left > 0) {
    let chunk = carry.rest;
    carry.rest = undefined;
    if (!chunk) {
      const next = await it.next();
      if (next.done) throw new PushError({ kind: 'archive', detail: 'the source ended inside a blob' });
      chunk = next.value;
    }
    if (chunk.length > left) {
      carry.rest = chunk.subarray(left);
      chunk = chunk.subarray(0, left);
    }
    left -= chunk.length;
    hash.update(chunk);
    onBytes?.(chunk.length);
    yield chunk;
  }
}

/**
 * Uploads one blob: `POST` a session, then `PATCH` chunks of at most `chunkBytes` (each with its
 * Content-Range), hashing every byte; the closing `PUT ?digest=` is sent only when the bytes
 * hash to the expected digest, otherwise the session is cancelled and nothing is stored.
 */
async function uploadBlob(
  client: RegistryClient,
  repository: string,
  blob: SourceBlob,
  source: AsyncIterable<Buffer>,
  opts: PushImageOptions,
): Promise<void> {
  const scope = `repository:${repository}:pull,push`;
  const signal = opts.signal;
  const start = expect(
    client,
    await client.request('POST', `/v2/${repository}/blobs/uploads/`, scope, {
      signal,
      headers: { 'content-length': '0' },
    }),
    [202],
    'upload',
    blob.digest,
  );
  let loc = location(start);
  const hash = createHash('sha256');
  const it = source[Symbol.asyncIterator]();
  const carry: { rest?: Buffer } = {};
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  try {
    for (let offset = 0; offset < blob.size;) {
      const length = Math.min(chunkBytes, blob.size - offset);
      const answer = expect(
        client,
        await client.request('PATCH', loc, scope, {
          signal,
          timeoutMs: UPLOAD_TIMEOUT_MS,
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(length),
            'content-range': `${offset}-${offset + length - 1}`,
          },
          body: segment(it, length, carry, hash, opts.onBytes),
        }),
        [202],
        'upload',
        blob.digest,
      );
      loc = location(answer) || loc;
      offset += length;
    }
    const actual = `sha256:${hash.digest('hex')}`;
    if (actual !== blob.digest)
      throw new PushError({ kind: 'digest-mismatch', what: blob.entry, expected: blob.digest, actual });
    expect(
      client,
      await client.request('PUT', withDigest(loc, blob.digest), scope, {
        signal,
        headers: { 'content-length': '0' },
      }),
      [201, 204],
      'upload',
      blob.digest,
    );
  } catch (e) {
    // Leave no session behind; the registry keeps nothing of a cancelled upload.
    await client.request('DELETE', loc, scope, {}).catch(() => undefined);
    throw e;
  }
}

/** A blob given in memory: one monolithic `POST` + `PUT`. */
async function uploadSmallBlob(
  client: RegistryClient,
  repository: string,
  blob: SourceBlob & { data: Buffer },
  opts: PushImageOptions,
) {
  const actual = `sha256:${createHash('sha256').update(blob.data).digest('hex')}`;
  if (actual !== blob.digest)
    throw new PushError({ kind: 'digest-mismatch', what: blob.entry, expected: blob.digest, actual });
  const scope = `repository:${repository}:pull,push`;
  const start = expect(
    client,
    await client.request('POST', `/v2/${repository}/blobs/uploads/`, scope, {
      signal: opts.signal,
      headers: { 'content-length': '0' },
    }),
    [202],
    'upload',
    blob.digest,
  );
  expect(
    client,
    await client.request('PUT', withDigest(location(start), blob.digest), scope, {
      signal: opts.signal,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.data.length) },
      body: blob.data,
    }),
    [201, 204],
    'upload',
    blob.digest,
  );
  opts.onBytes?.(blob.size);
}

/** Whether the repository already has the blob (HEAD), or can mount it from another repository. */
async function blobPresent(
  client: RegistryClient,
  repository: string,
  blob: SourceBlob,
  opts: PushImageOptions,
): Promise<'present' | 'mounted' | 'absent'> {
  const scope = `repository:${repository}:pull,push`;
  const head = await client.request('HEAD', `/v2/${repository}/blobs/${blob.digest}`, scope, {
    signal: opts.signal,
  });
  if (!isFailure(head) && head.status === 200) return 'present';
  if (isFailure(head) && head.kind !== 'missing')
    throw new PushError({ kind: 'registry', stage: 'blob', what: blob.digest, failure: head });
  if (!isFailure(head) && head.status !== 404)
    throw new PushError({
      kind: 'registry',
      stage: 'blob',
      what: blob.digest,
      failure: client.unexpected(head),
    });
  const from = opts.knownBlobs?.get(blob.digest);
  if (from && from !== repository) {
    const mount = await client.request(
      'POST',
      `/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`,
      `${scope} repository:${from}:pull`,
      { signal: opts.signal, headers: { 'content-length': '0' } },
    );
    if (!isFailure(mount) && mount.status === 201) return 'mounted';
    // 202: the registry opened an ordinary upload instead; it is simply left to expire.
  }
  return 'absent';
}

async function putManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  m: SourceManifest,
  signal?: AbortSignal,
) {
  const answer = expect(
    client,
    await client.request(
      'PUT',
      `/v2/${repository}/manifests/${reference}`,
      `repository:${repository}:pull,push`,
      {
        signal,
        headers: { 'content-type': m.mediaType, 'content-length': String(m.bytes.length) },
        body: m.bytes,
      },
    ),
    [201, 200],
    'manifest',
    reference,
  );
  const header = answer.headers['docker-content-digest'];
  const digest = Array.isArray(header) ? header[0] : header;
  if (digest && digest !== m.digest)
    throw new PushError({
      kind: 'digest-mismatch',
      what: `manifest ${reference}`,
      expected: m.digest,
      actual: digest,
    });
}

/**
 * Pushes one image to `repository:tag`: every blob the repository lacks (HEAD first, a
 * cross-repository mount where one is known, else a chunked upload streamed from the image's
 * blob reader — an archive or a source registry — and verified), then the child manifests by digest, and the tagged manifest last, so that the
 * tag never names an incomplete image. Returns what was done, or the first failure.
 */
export async function pushImage(
  client: RegistryClient,
  repository: string,
  tag: string,
  image: SourceImage,
  opts: PushImageOptions = {},
): Promise<{ ok: true; stats: PushStats } | { ok: false; failure: PushFailure; stats: PushStats }> {
  const stats: PushStats = { uploaded: 0, uploadedBytes: 0, skipped: 0, skippedBytes: 0, mounted: 0 };
  try {
    const toStream = new Map<string, SourceBlob>();
    for (const blob of image.blobs) {
      const state = await blobPresent(client, repository, blob, opts);
      if (state !== 'absent') {
        stats.skipped += state === 'present' ? 1 : 0;
        stats.mounted += state === 'mounted' ? 1 : 0;
        stats.skippedBytes += blob.size;
        opts.onBytes?.(blob.size);
        continue;
      }
      if (blob.data) {
        await uploadSmallBlob(client, repository, { ...blob, data: blob.data }, opts);
        stats.uploaded++;
        stats.uploadedBytes += blob.size;
      } else {
        toStream.set(blob.entry, blob);
      }
    }
    await image.reader.read(
      [...toStream.values()],
      async (blob, stream: EntryStream) => {
        try {
          await uploadBlob(client, repository, blob, stream, opts);
        } finally {
          stream.destroy();
        }
        stats.uploaded++;
        stats.uploadedBytes += blob.size;
      },
      opts.signal,
    );
    for (const blob of image.blobs) opts.knownBlobs?.set(blob.digest, repository);
    for (const child of image.children)
      await putManifest(client, repository, child.digest, child, opts.signal);
    await putManifest(client, repository, tag, image.top, opts.signal);
    return { ok: true, stats };
  } catch (e) {
    if (e instanceof PushError) return { ok: false, failure: e.failure, stats };
    if (e instanceof BlobSourceError && !opts.signal?.aborted)
      return { ok: false, failure: { kind: 'source', what: e.what, failure: e.failure }, stats };
    if (opts.signal?.aborted)
      return {
        ok: false,
        failure: { kind: 'registry', stage: 'upload', what: image.ref, failure: { kind: 'aborted' } },
        stats,
      };
    return {
      ok: false,
      failure: { kind: 'archive', detail: e instanceof Error ? e.message : String(e) },
      stats,
    };
  }
}
