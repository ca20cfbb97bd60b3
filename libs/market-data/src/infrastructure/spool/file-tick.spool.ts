import { mkdir, open, readdir, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

import { TickSpoolPort } from '../../application/ports/tick-spool.port';
import type { Tick } from '../../domain/tick';
import {
  decodeSpool,
  encodeSpoolLine,
  linesWithinBound,
  type DecodedSpool,
} from '../../domain/tick-spool';

export interface FileTickSpoolOptions {
  /** Created on the first append, so a run that never spools leaves nothing behind. */
  dir: string;
  /** Bound of the whole spool; what does not fit is returned by `append`. */
  maxBytes: number;
  /** A segment is closed once it holds this much, so a replay reads one at a time. */
  segmentBytes: number;
}

const SEGMENT = /^ticks-\d{13}-\d{6}\.jsonl$/;

interface OpenSegment {
  name: string;
  handle: FileHandle;
  bytes: number;
}

/**
 * The spool as append-only JSON-lines files in one directory, named so that their order is their
 * age. Each append is synced before it resolves. A run never appends to a file of an earlier
 * run: a torn last line stays the last line of its file. Operations run one at a time.
 */
export class FileTickSpool extends TickSpoolPort {
  private readonly sizes = new Map<string, number>();
  private sealed: string[] = [];
  private current: OpenSegment | null = null;
  private total = 0;
  private sequence = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FileTickSpoolOptions) {
    super();
  }

  get bytes(): number {
    return this.total;
  }

  get pending(): boolean {
    return this.total > 0 || this.sealed.length > 0;
  }

  open(): Promise<void> {
    return this.serial(async () => {
      const names = await readdir(this.options.dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          return [];
        }
        throw error;
      });
      for (const name of names.filter((entry) => SEGMENT.test(entry)).sort()) {
        if (!this.sizes.has(name)) {
          const { size } = await stat(join(this.options.dir, name));
          this.track(name, size);
          this.sealed.push(name);
        }
      }
      this.sealed.sort();
    });
  }

  append(ticks: readonly Tick[]): Promise<readonly Tick[]> {
    return this.serial(async () => {
      const lines = ticks.map(encodeSpoolLine);
      const fit = linesWithinBound(
        lines.map((line) => Buffer.byteLength(line)),
        this.total,
        this.options.maxBytes,
      );
      if (fit > 0) {
        await this.write(lines.slice(0, fit).join(''));
      }
      return ticks.slice(fit);
    });
  }

  seal(): Promise<string[]> {
    return this.serial(async () => {
      await this.closeCurrent();
      return [...this.sealed];
    });
  }

  read(segment: string): Promise<DecodedSpool> {
    return this.serial(async () => decodeSpool(await readFile(this.path(segment), 'utf8')));
  }

  remove(segment: string): Promise<void> {
    return this.serial(async () => {
      await unlink(this.path(segment)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') {
          throw error;
        }
      });
      this.total -= this.sizes.get(segment) ?? 0;
      this.sizes.delete(segment);
      this.sealed = this.sealed.filter((name) => name !== segment);
    });
  }

  close(): Promise<void> {
    return this.serial(() => this.closeCurrent());
  }

  private async write(text: string): Promise<void> {
    if (this.current && this.current.bytes >= this.options.segmentBytes) {
      await this.closeCurrent();
    }
    const segment = this.current ?? (await this.openSegment());
    const bytes = Buffer.byteLength(text);
    try {
      await segment.handle.write(text);
      await segment.handle.datasync();
    } catch (error) {
      // Part of the text may be on disk: close the file, so that part stays its torn last line.
      const { size } = await stat(this.path(segment.name)).catch(() => ({ size: 0 }));
      this.track(segment.name, size);
      await this.closeCurrent().catch(() => undefined);
      throw error;
    }
    segment.bytes += bytes;
    this.track(segment.name, segment.bytes);
  }

  private async openSegment(): Promise<OpenSegment> {
    await mkdir(this.options.dir, { recursive: true });
    for (;;) {
      const time = String(Date.now()).padStart(13, '0');
      const name = `ticks-${time}-${String(this.sequence++ % 1_000_000).padStart(6, '0')}.jsonl`;
      // 'ax': never reuse a name an earlier run left, even if the clock went back.
      const handle = await open(this.path(name), 'ax').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') {
          return null;
        }
        throw error;
      });
      if (handle) {
        await syncDirectory(this.options.dir);
        this.current = { name, handle, bytes: 0 };
        this.track(name, 0);
        return this.current;
      }
    }
  }

  private async closeCurrent(): Promise<void> {
    const segment = this.current;
    if (!segment) {
      return;
    }
    this.current = null;
    if (segment.bytes > 0 || (this.sizes.get(segment.name) ?? 0) > 0) {
      this.sealed.push(segment.name);
    } else {
      await unlink(this.path(segment.name)).catch(() => undefined);
      this.sizes.delete(segment.name);
    }
    await segment.handle.close();
  }

  private track(name: string, size: number): void {
    this.total += size - (this.sizes.get(name) ?? 0);
    this.sizes.set(name, size);
  }

  private path(segment: string): string {
    return join(this.options.dir, segment);
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Makes a new file's directory entry durable, not only its content. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
