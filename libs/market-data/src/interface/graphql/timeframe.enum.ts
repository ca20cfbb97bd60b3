import { registerEnumType } from '@nestjs/graphql';

import { TIMEFRAMES, type Timeframe } from '../../domain/timeframe';

/** GraphQL names cannot start with a digit: 1m is M1, 15m is M15, 4h is H4, 1d is D1. */
function graphqlName(timeframe: Timeframe): string {
  return `${timeframe.slice(-1).toUpperCase()}${timeframe.slice(0, -1)}`;
}

/** The candle timeframes as a GraphQL enum whose values are the REST names (M1 -> '1m'). */
export const TimeframeEnum: Readonly<Record<string, Timeframe>> = Object.fromEntries(
  TIMEFRAMES.map((timeframe) => [graphqlName(timeframe), timeframe]),
);

registerEnumType(TimeframeEnum, {
  name: 'Timeframe',
  description: 'Candle width: M1 M5 M15 (minutes), H1 H4 (hours), D1 (day); REST writes 1m ... 1d',
});
