/** A problem with a CLI's arguments: the CLI exits 2 with this message. */
export class BacktestArgsError extends Error {
  override readonly name = 'BacktestArgsError';
}

/** Exit code for bad arguments (the run itself failing is 1). */
const BAD_ARGUMENTS = 2;

/** How `npm run <command>` ends on a failure: bad arguments exit 2 with a pointer to --help. */
export function exitOnFailure(command: 'backtest' | 'optimise'): (error: unknown) => void {
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BacktestArgsError) {
      console.error(`${message} (see npm run ${command} -- --help)`);
      process.exitCode = BAD_ARGUMENTS;
      return;
    }
    console.error(`${command}: ${message}`);
    process.exitCode = 1;
  };
}
