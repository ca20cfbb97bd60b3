/** The markets whose order books the tracker reads. */
export abstract class MarketSymbolsPort {
  abstract list(): Promise<string[]>;
}
