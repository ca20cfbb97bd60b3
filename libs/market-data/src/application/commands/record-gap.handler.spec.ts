import { tickWriterHarness } from '../../testing/tick-writer-harness';
import type { GapRecord } from '../ports/tick-store.port';
import { RecordGapCommand } from './record-gap.command';
import { RecordGapHandler } from './record-gap.handler';

describe('RecordGapHandler', () => {
  it('records the gap with the next write', async () => {
    const { writer, store } = tickWriterHarness();
    const gap: GapRecord = {
      symbol: 'BTC',
      from: new Date('2026-03-01T11:00:00Z'),
      to: new Date('2026-03-01T11:01:00Z'),
      reason: 'reconnect',
      backfilledTrades: 3,
      unfilled: null,
    };

    await new RecordGapHandler(writer).execute(new RecordGapCommand(gap));
    await writer.flush();

    expect(store.gaps).toEqual([gap]);
  });
});
