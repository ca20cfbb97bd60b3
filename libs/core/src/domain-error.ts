/**
 * A rule of the domain was broken. `code` is a string-literal union per context; `details` are
 * plain facts (symbol, order id, limit) that are safe to log: never keys or tokens.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean | null>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
