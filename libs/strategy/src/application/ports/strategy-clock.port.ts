/** Time for the strategy context's handlers; tests pass a fixed clock. */
export abstract class StrategyClockPort {
  abstract now(): Date;
}
