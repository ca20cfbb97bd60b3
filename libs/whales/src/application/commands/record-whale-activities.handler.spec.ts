import { CommandBus, CqrsModule, EventBus, type IEvent } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';

import { ActivityTracker, type WhaleActivity } from '../../domain/activity-tracker';
import { detectionRules } from '../../domain/detection-rules';
import { book, level, levels, T0 } from '../../domain/testing/books';
import { InMemoryWhaleActivityStore } from '../../testing/in-memory-whale-activity.store';
import { WhaleDetectedEvent } from '../events/whale-detected.event';
import { WhaleActivityStorePort } from '../ports/whale-activity-store.port';
import { RecordWhaleActivitiesCommand } from './record-whale-activities.command';
import { RecordWhaleActivitiesHandler } from './record-whale-activities.handler';

/** Two activities opened on one BTC book: a bid whale at 990 and an ask whale at 1010. */
function openedActivities(): WhaleActivity[] {
  const bids = levels(999, -1, 10);
  bids[9] = level(990, 200);
  const asks = levels(1001, 1, 10);
  asks[9] = level(1010, 150);
  const snapshot = book(bids, asks, 'BTC', T0);
  let next = 0;
  const tracker = new ActivityTracker({
    rules: detectionRules({ thresholdUsd: 25_000 }),
    gracePeriodMs: 10_000,
    newId: () => `whale-${++next}`,
  });
  return tracker.observe(snapshot).opened;
}

describe('RecordWhaleActivitiesHandler', () => {
  let moduleRef: TestingModule;
  let store: InMemoryWhaleActivityStore;
  let published: IEvent[];

  beforeEach(async () => {
    store = new InMemoryWhaleActivityStore();
    moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        RecordWhaleActivitiesHandler,
        { provide: WhaleActivityStorePort, useValue: store },
      ],
    }).compile();
    await moduleRef.init();
    published = [];
    moduleRef.get(EventBus).subscribe((event) => published.push(event));
  });

  afterEach(() => moduleRef.close());

  it('records the round and publishes WhaleDetectedEvent for each activity stored under its own id', async () => {
    const [bid, ask] = openedActivities();
    store.mergeInto(ask.id, 'stored-earlier');
    const options = { now: T0, mergeWindowMs: 60_000, openIds: [] };

    const storedIds = await moduleRef.get(CommandBus).execute(
      new RecordWhaleActivitiesCommand(
        {
          opened: [bid, ask].map((activity) => ({ activity, alerts: [] })),
          seen: [],
        },
        options,
      ),
    );

    expect(storedIds).toEqual([bid.id, 'stored-earlier']);
    expect(store.rounds).toHaveLength(1);
    expect(store.rounds[0].options).toBe(options);
    expect(published).toEqual([
      new WhaleDetectedEvent(
        bid.id,
        'BTC',
        'bid',
        bid.kind,
        bid.detected.notionalUsd,
        bid.firstSeenAt,
        T0,
      ),
    ]);
  });

  it('publishes nothing for a round with only seen activities', async () => {
    const [bid] = openedActivities();
    await moduleRef
      .get(CommandBus)
      .execute(
        new RecordWhaleActivitiesCommand(
          { opened: [], seen: [{ storedId: bid.id, activity: bid }] },
          { now: T0, mergeWindowMs: 60_000, openIds: [bid.id] },
        ),
      );
    expect(store.rounds).toHaveLength(1);
    expect(published).toEqual([]);
  });
});
