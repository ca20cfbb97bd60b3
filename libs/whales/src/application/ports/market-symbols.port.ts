/** The markets whose order books the tracker reads. */
export abstract class MarketSymbols {
  abstract list(): Promise<string[]>;
}
