import { firstValueFrom, of, toArray } from 'rxjs';

import { T0 } from '../../domain/testing/books';
import { DispatchAlertsCommand } from '../commands/dispatch-alerts.command';
import { WhaleDetectedEvent } from '../events/whale-detected.event';
import { WhalesSaga } from './whales.saga';

class SomethingElseHappened {}

describe('WhalesSaga', () => {
  it('maps each detected whale to an alert dispatch at its recording time, and ignores other events', async () => {
    const later = new Date(T0.getTime() + 5_000);
    const events = of(
      new WhaleDetectedEvent('whale-1', 'BTC', 'bid', 'single', '999700', T0),
      new SomethingElseHappened(),
      new WhaleDetectedEvent('whale-2', 'ETH', 'ask', 'ladder', '800440', later),
    );

    const commands = await firstValueFrom(new WhalesSaga().whaleDetected(events).pipe(toArray()));

    expect(commands).toEqual([new DispatchAlertsCommand(T0), new DispatchAlertsCommand(later)]);
  });
});
