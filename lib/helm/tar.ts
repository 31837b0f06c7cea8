/** A regular file of a tar archive: its path (PAX and GNU long names followed, `./` removed) and bytes. */
export interface TarFile {
  readonly path: string;
  readonly data: Uint8Array;
}

function tarString(block: Uint8Array, offset: number, length: number): string {
  const slice = block.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return Buffer.from(end >= 0 ? slice.subarray(0, end) : slice).toString('utf8');
}

/**
 * Walks a decompressed tar archive and yields its regular files, following PAX (`x`) and GNU (`L`)
 * long names. Stops at the end-of-archive block or where the data runs out. Pure.
 */
export function* tarFiles(tar: Uint8Array): Generator<TarFile> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return;
    const size = parseInt(tarString(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return;
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = tarString(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${tarString(header, 0, 100)}` : tarString(header, 0, 100));
    longName = undefined;
    const dataStart = offset + 512;
    const data = tar.subarray(dataStart, dataStart + size);
    if (type === 'L') {
      longName = tarString(data, 0, size);
    } else if (type === 'x') {
      const path = Buffer.from(data)
        .toString('utf8')
        .match(/^\d+ path=(.*)$/m)?.[1];
      if (path) longName = path;
    } else if (type === '0' || type === '\0') {
      yield { path: name.replace(/^\.\//, ''), data };
    }
    offset = dataStart + Math.ceil(size / 512) * 512;
  }
}
