/** Time for the risk context's handlers; tests pass a clock they move. */
export abstract class RiskClockPort {
  abstract now(): Date;
}
