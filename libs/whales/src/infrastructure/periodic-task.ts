import { Logger } from '@nestjs/common';

/**
 * Runs `run` every `intervalMs` (measured from the end of the previous run, so runs never
 * overlap) until stopped; a failed run is logged and the next one still comes.
 */
export class PeriodicTask {
  private readonly logger = new Logger(PeriodicTask.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Resolves once the run in progress, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.run()
        .catch((error: unknown) => this.logger.error(`${this.name} failed: ${String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) {
            this.schedule();
          }
        });
    }, this.intervalMs);
  }
}
