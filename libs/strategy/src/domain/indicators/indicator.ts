/**
 * An incremental statistic over a stream of values: O(1) per update, null until it has seen
 * enough values. Indicators compute in binary floating point, not `Decimal`: they are statistics
 * compared against a price, not amounts of money, and a double's 15-16 significant digits are far
 * more than any price has; signals turn them back into decimal strings.
 */
export interface Indicator<Input, Output> {
  update(input: Input): Output | null;
  readonly value: Output | null;
}
