/**
 * What a failure means to the caller, whatever the transport: `invalid` (the request is wrong),
 * `not-found`, `conflict` (the state forbids it), `unavailable` (try again later). The HTTP filter
 * turns it into 400/404/409/503, the GraphQL filter into an error code.
 */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unavailable';

/** The kind of every code of one context's error class: its contribution to the error table. */
export type ErrorKinds<Code extends string> = Readonly<Record<Code, ErrorKind>>;

/**
 * A rule of the domain was broken. `code` is a string-literal union per context; `details` are
 * plain facts (symbol, order id, limit) that are safe to log: never keys or tokens.
 */
export class DomainError<Code extends string = string> extends Error {
  /**
   * A subclass that may reach a caller lists the kind of each of its codes here. A code without a
   * kind is a failure of ours, answered as an internal error.
   */
  static readonly kinds: Readonly<Record<string, ErrorKind>> = {};

  constructor(
    readonly code: Code,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean | null>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** The kind its class declares for the error's code, or undefined when it declares none. */
export function errorKind(error: DomainError): ErrorKind | undefined {
  const { kinds } = error.constructor as typeof DomainError;
  return Object.hasOwn(kinds, error.code) ? kinds[error.code] : undefined;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
