export * from './fixed-clock';
export * from './free-port';
