export * from './signing/keypair';
export * from './signing/request-signer';
export * from './signing/signing-message';
