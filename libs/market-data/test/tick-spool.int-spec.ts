import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { encodeSpoolLine } from '../src/domain/tick-spool';
import { FileTickSpool } from '../src/infrastructure/spool/file-tick.spool';
import { tick } from './ingest-support';

describe('FileTickSpool on a real directory', () => {
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nexwave-spool-'));
    dir = join(root, 'spool', 'ticks');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const lineBytes = Buffer.byteLength(encodeSpoolLine(tick({ tradeId: '1000000' })));

  it('creates nothing until the first append', async () => {
    const spool = new FileTickSpool({ dir, maxBytes: 1_000_000, segmentBytes: 1_000 });
    await spool.open();
    expect(spool.pending).toBe(false);
    expect(await spool.seal()).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it('appends in order across segments, seals them oldest first and removes them', async () => {
    const spool = new FileTickSpool({ dir, maxBytes: 1_000_000, segmentBytes: 3 * lineBytes });
    const trades = Array.from({ length: 8 }, (_, i) => tick({ tradeId: String(2_000_000 + i) }));
    for (const trade of trades) {
      expect(await spool.append([trade])).toEqual([]);
    }
    expect(spool.bytes).toBe(8 * lineBytes);
    const segments = await spool.seal();
    expect(segments).toHaveLength(3);
    expect([...segments].sort()).toEqual(segments);
    const read = await Promise.all(segments.map((segment) => spool.read(segment)));
    expect(read.flatMap((segment) => segment.ticks)).toEqual(trades);

    await spool.remove(segments[0]);
    expect(spool.bytes).toBe(5 * lineBytes);
    expect(readdirSync(dir).sort()).toEqual(segments.slice(1));
    expect(await spool.seal()).toEqual(segments.slice(1));
  });

  it('keeps within its bound: what does not fit is handed back, room returns on remove', async () => {
    const spool = new FileTickSpool({ dir, maxBytes: 5 * lineBytes, segmentBytes: 1_000_000 });
    const trades = Array.from({ length: 7 }, (_, i) => tick({ tradeId: String(3_000_000 + i) }));
    expect(await spool.append(trades)).toEqual(trades.slice(5));
    expect(await spool.append([trades[5]])).toEqual([trades[5]]);
    expect(spool.bytes).toBe(5 * lineBytes);

    const [segment] = await spool.seal();
    await spool.remove(segment);
    expect(await spool.append(trades.slice(5))).toEqual([]);
    await spool.close();
    expect(await spool.seal()).toHaveLength(1);
  });

  it('after a restart: finds what was left, counts a torn last line, never appends to an old file', async () => {
    const before = new FileTickSpool({ dir, maxBytes: 1_000_000, segmentBytes: 1_000_000 });
    const kept = [tick({ tradeId: '4000000' }), tick({ tradeId: '4000001' })];
    await before.append(kept);
    const [left] = await before.seal();
    // A crash in the middle of the next append:
    appendFileSync(join(dir, left), encodeSpoolLine(tick({ tradeId: '4000002' })).slice(0, 25));

    const after = new FileTickSpool({ dir, maxBytes: 1_000_000, segmentBytes: 1_000_000 });
    await after.open();
    expect(after.pending).toBe(true);
    expect(after.bytes).toBe(2 * lineBytes + 25);
    await after.append([tick({ tradeId: '4000003' })]);
    const segments = await after.seal();
    expect(segments).toHaveLength(2);
    expect(segments[0]).toBe(left);
    expect(await after.read(left)).toEqual({ ticks: kept, torn: 1 });
    expect(readFileSync(join(dir, segments[1]), 'utf8')).toBe(
      encodeSpoolLine(tick({ tradeId: '4000003' })),
    );
  });
});
