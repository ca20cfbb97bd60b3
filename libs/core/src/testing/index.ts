export * from './fixed-clock';
export * from './free-port';
export * from './wait-for-output';
export * from './until';
