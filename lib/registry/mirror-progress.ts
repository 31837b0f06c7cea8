/** Progress of one image of a mirror run. */
export interface ImageProgress {
  id: string;
  state: 'waiting' | 'running' | 'done' | 'failed';
  bytes: number;
  totalBytes: number;
}

/** Progress of a whole run: bytes, rate and remaining time, in total and per image. */
export interface ProgressSnapshot {
  bytes: number;
  totalBytes: number;
  /** Bytes per second since the run started (0 before any byte). */
  rate: number;
  /** Seconds left at the current rate; undefined while the rate is unknown. */
  etaSeconds?: number;
  elapsedMs: number;
  images: ImageProgress[];
}

/** Bytes per second and seconds left, from what is done, what is left and the time spent. Pure. */
export function rateAndEta(
  done: number,
  total: number,
  elapsedMs: number,
): { rate: number; etaSeconds?: number } {
  if (elapsedMs <= 0 || done <= 0) return { rate: 0 };
  const rate = (done * 1000) / elapsedMs;
  return { rate, etaSeconds: Math.max(0, (total - done) / rate) };
}

/** Bytes as text with a binary unit (`1.5 MiB`). Pure. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/**
 * Counts bytes per image and reports snapshots at most every `intervalMs` (and on every state
 * change), so that a fast stream of chunks does not flood a terminal or a page.
 */
export class MirrorProgress {
  private readonly images = new Map<string, ImageProgress>();
  private readonly started = Date.now();
  private lastReport = 0;

  constructor(
    items: ReadonlyArray<{ id: string; bytes: number }>,
    private readonly onReport?: (s: ProgressSnapshot) => void,
    private readonly intervalMs = 250,
  ) {
    for (const i of items)
      this.images.set(i.id, { id: i.id, state: 'waiting', bytes: 0, totalBytes: i.bytes });
  }

  start(id: string): void {
    const i = this.images.get(id);
    if (i) i.state = 'running';
    this.report(true);
  }

  add(id: string, bytes: number): void {
    const i = this.images.get(id);
    if (i) i.bytes = Math.min(i.totalBytes, i.bytes + bytes);
    this.report(false);
  }

  end(id: string, state: 'done' | 'failed'): void {
    const i = this.images.get(id);
    if (i) {
      i.state = state;
      if (state === 'done') i.bytes = i.totalBytes;
    }
    this.report(true);
  }

  flush(): void {
    this.report(true);
  }

  snapshot(): ProgressSnapshot {
    const images = [...this.images.values()].map((i) => ({ ...i }));
    // A failed image's remaining bytes will not come: they leave the total.
    const totalBytes = images.reduce((n, i) => n + (i.state === 'failed' ? i.bytes : i.totalBytes), 0);
    const bytes = images.reduce((n, i) => n + i.bytes, 0);
    const elapsedMs = Date.now() - this.started;
    return { bytes, totalBytes, elapsedMs, images, ...rateAndEta(bytes, totalBytes, elapsedMs) };
  }

  private report(force: boolean): void {
    if (!this.onReport) return;
    const now = Date.now();
    if (!force && now - this.lastReport < this.intervalMs) return;
    this.lastReport = now;
    this.onReport(this.snapshot());
  }
}
