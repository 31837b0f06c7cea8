import 'server-only';

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { extract } from 'tar-stream';

/** The bytes of one archive entry, as chunks; destroy it to stop reading early. */
export type EntryStream = AsyncIterable<Buffer> & { destroy(): void };

const chunks = (entry: unknown): EntryStream => entry as EntryStream;

/** Entries up to this size are kept in memory while indexing (manifests, configs, index.json). */
export const SMALL_ENTRY_BYTES = 4 * 1024 * 1024;

/** One file of a tar archive. */
export interface ArchiveEntry {
  name: string;
  size: number;
  /** The whole content, for entries of at most {@link SMALL_ENTRY_BYTES}. */
  data?: Buffer;
  /** Whether the content starts with the gzip magic (a compressed layer). */
  gzip: boolean;
}

/** The files of a tar archive (plain or gzip), read once without keeping large entries. */
export interface ArchiveIndex {
  path: string;
  /** The archive itself is gzip-compressed. */
  gzip: boolean;
  entries: Map<string, ArchiveEntry>;
}

/** Raised for an archive that cannot be read: not a tar, truncated, corrupt gzip. */
export class ArchiveError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

const normalise = (name: string): string => posix.normalize(name.replace(/^\.\/+/, '')).replace(/^\/+/, '');

/** True when the file starts with the gzip magic bytes. */
export async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

function tarStream(path: string, gzip: boolean, signal?: AbortSignal): Readable {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024, ...(signal ? { signal } : {}) });
  if (!gzip) return file;
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  file.on('error', (e) => gunzip.destroy(e));
  return file.pipe(gunzip);
}

async function drain(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const head: Buffer[] = [];
  for await (const chunk of stream) if (head.length === 0) head.push(chunk);
  return head[0] ?? Buffer.alloc(0);
}

/**
 * Walks a tar archive (gzip or not, detected by its magic) once, streaming: small entries are
 * kept, large ones only measured. Symbolic and hard links (old `docker save` shares a layer
 * between images that way) are resolved to their target's entry.
 */
export async function indexArchive(path: string, signal?: AbortSignal): Promise<ArchiveIndex> {
  const gzip = await isGzipFile(path);
  const entries = new Map<string, ArchiveEntry>();
  const links = new Map<string, string>();
  const ex = extract();
  const source = tarStream(path, gzip, signal);
  source.on('error', (e) => ex.destroy(e));
  source.pipe(ex);
  try {
    for await (const entry of ex) {
      const { header } = entry;
      const name = normalise(header.name);
      if (header.type === 'symlink' || header.type === 'link') {
        const target =
          header.type === 'symlink' ? posix.join(posix.dirname(name), header.linkname) : header.linkname;
        links.set(name, normalise(target));
        await drain(chunks(entry));
        continue;
      }
      if (header.type !== 'file' && header.type !== 'contiguous-file') {
        await drain(chunks(entry));
        continue;
      }
      if (header.size <= SMALL_ENTRY_BYTES) {
        const parts: Buffer[] = [];
        for await (const c of chunks(entry)) parts.push(c);
        const data = Buffer.concat(parts);
        entries.set(name, { name, size: data.length, data, gzip: data[0] === 0x1f && data[1] === 0x8b });
      } else {
        const first = await drain(chunks(entry));
        entries.set(name, { name, size: header.size, gzip: first[0] === 0x1f && first[1] === 0x8b });
      }
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ArchiveError(path, e instanceof Error ? e.message : String(e));
  }
  if (entries.size === 0) throw new ArchiveError(path, 'not a tar archive, or empty');
  for (const [name, target] of links) {
    let resolved = target;
    for (let hop = 0; hop < 8 && links.has(resolved); hop++) resolved = links.get(resolved) as string;
    const entry = entries.get(resolved);
    if (entry) entries.set(name, { ...entry, name: resolved });
  }
  return { path, gzip, entries };
}

/**
 * Streams the archive again and hands each wanted entry to `onEntry` in archive order, waiting
 * for it (backpressure reaches the file). Entries not asked for are skipped; `onEntry` must
 * consume or destroy the stream it gets.
 */
export async function streamEntries(
  index: Pick<ArchiveIndex, 'path' | 'gzip'>,
  wanted: ReadonlySet<string>,
  onEntry: (name: string, stream: EntryStream) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  if (wanted.size === 0) return;
  const left = new Set(wanted);
  const ex = extract();
  const source = tarStream(index.path, index.gzip, signal);
  source.on('error', (e) => ex.destroy(e));
  source.pipe(ex);
  try {
    for await (const entry of ex) {
      const name = normalise(entry.header.name);
      if (left.has(name)) {
        left.delete(name);
        await onEntry(name, chunks(entry));
        if (left.size === 0) break;
      } else {
        await drain(chunks(entry));
      }
    }
  } finally {
    source.destroy();
    ex.destroy();
  }
  if (left.size > 0 && !signal?.aborted)
    throw new ArchiveError(index.path, `entries missing on the second read: ${[...left].join(', ')}`);
}
