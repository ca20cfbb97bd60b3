// What tests and benches use to sign requests exactly as the client does.
export { RequestSigner } from '../signing/request-signer';
export type { SignerOptions } from '../signing/request-signer';
