import { HttpError } from './http-error';

/** Query-string parameters with serde-style errors. */
export class Query {
  constructor(private readonly params: URLSearchParams) {}

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) {
      throw new HttpError(400, `missing field \`${name}\``);
    }
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  int(name: string): number {
    const value = this.optionalInt(name);
    if (value === undefined) {
      throw new HttpError(400, `missing field \`${name}\``);
    }
    return value;
  }

  optionalInt(name: string): number | undefined {
    const raw = this.params.get(name);
    if (raw === null) {
      return undefined;
    }
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
      throw new HttpError(400, `invalid type: string "${raw}", expected u64 for \`${name}\``);
    }
    return value;
  }
}
