/** Time for the orders context's handlers; tests pass a fixed clock. */
export abstract class OrdersClockPort {
  abstract now(): Date;
}
