/** A problem with a CLI's arguments: the CLI exits 2 with this message. */
export class BacktestArgsError extends Error {
  override readonly name = 'BacktestArgsError';
}
