import { firstValueFrom, of, toArray } from 'rxjs';

import { T0 } from '../../domain/testing/books';
import { DispatchAlertsCommand } from '../commands/dispatch-alerts.command';
import { ScheduleImpactMeasurementCommand } from '../commands/schedule-impact-measurement.command';
import { WhaleDetectedEvent } from '../events/whale-detected.event';
import { WhalesSaga } from './whales.saga';

class SomethingElseHappened {}

const at = (ms: number) => new Date(T0.getTime() + ms);
const events = () =>
  of(
    new WhaleDetectedEvent('whale-1', 'BTC', 'bid', 'single', '999700', at(-4_000), T0),
    new SomethingElseHappened(),
    new WhaleDetectedEvent('whale-2', 'ETH', 'ask', 'ladder', '800440', at(1_000), at(5_000)),
  );

describe('WhalesSaga', () => {
  const saga = new WhalesSaga();

  it('maps each detected whale to an alert dispatch at its recording time, and ignores other events', async () => {
    const commands = await firstValueFrom(saga.whaleDetectedSendsAlerts(events()).pipe(toArray()));

    expect(commands).toEqual([new DispatchAlertsCommand(T0), new DispatchAlertsCommand(at(5_000))]);
  });

  it('schedules each detected whale’s first impact measurement one minute after it was first seen', async () => {
    const commands = await firstValueFrom(
      saga.whaleDetectedSchedulesImpact(events()).pipe(toArray()),
    );

    expect(commands).toEqual([
      new ScheduleImpactMeasurementCommand('whale-1', at(56_000)),
      new ScheduleImpactMeasurementCommand('whale-2', at(61_000)),
    ]);
  });
});
