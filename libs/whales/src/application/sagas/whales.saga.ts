import { Injectable } from '@nestjs/common';
import { ofType, Saga, type ICommand, type IEvent } from '@nestjs/cqrs';
import { map, type Observable } from 'rxjs';

import { IMPACT_HORIZONS_MINUTES, impactDueAt } from '../../domain/market-impact';
import { DispatchAlertsCommand } from '../commands/dispatch-alerts.command';
import { ScheduleImpactMeasurementCommand } from '../commands/schedule-impact-measurement.command';
import { WhaleDetectedEvent } from '../events/whale-detected.event';

/** Reactions of the whales context: event -> command, nothing else. */
@Injectable()
export class WhalesSaga {
  /** A whale detected: send its alerts now rather than at the alert loop's next tick. */
  @Saga()
  whaleDetectedSendsAlerts = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(WhaleDetectedEvent),
      map((event) => new DispatchAlertsCommand(event.recordedAt)),
    );

  /** A whale detected: its first impact measurement is due one horizon after detection. */
  @Saga()
  whaleDetectedSchedulesImpact = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(WhaleDetectedEvent),
      map(
        (event) =>
          new ScheduleImpactMeasurementCommand(
            event.activityId,
            impactDueAt(event.detectedAt, IMPACT_HORIZONS_MINUTES[0]),
          ),
      ),
    );
}
