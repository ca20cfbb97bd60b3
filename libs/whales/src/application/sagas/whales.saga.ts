import { Injectable } from '@nestjs/common';
import { ofType, Saga, type ICommand, type IEvent } from '@nestjs/cqrs';
import { map, type Observable } from 'rxjs';

import { DispatchAlertsCommand } from '../commands/dispatch-alerts.command';
import { WhaleDetectedEvent } from '../events/whale-detected.event';

/** Reactions of the whales context: event -> command, nothing else. */
@Injectable()
export class WhalesSaga {
  /** A whale detected: send its alerts now rather than at the alert loop's next tick. */
  @Saga()
  whaleDetected = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(WhaleDetectedEvent),
      map((event) => new DispatchAlertsCommand(event.recordedAt)),
    );
}
