import { HttpError } from './http-error';

/** Field types of Pacifica's request structs; decimals are JSON strings. */
export type FieldType =
  | 'string'
  | 'decimal'
  | 'uuid'
  | 'bool'
  | 'int'
  | 'nullableString'
  | { enum: readonly string[] }
  | { object: Schema };

export interface FieldSpec {
  type: FieldType;
  optional?: boolean;
}

export type Schema = Readonly<Record<string, FieldSpec>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a JSON value against a schema the way Pacifica's serde deserialiser does, with its
 * messages: "missing field `x`", "unknown field `x`, expected one of ...", "invalid type: ...".
 */
export function validate(value: unknown, schema: Schema): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(`invalid type: ${describe(value)}, expected struct`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in schema)) {
      const expected = Object.keys(schema)
        .map((name) => `\`${name}\``)
        .join(', ');
      throw invalid(`unknown field \`${key}\`, expected one of ${expected}`);
    }
  }
  for (const [name, spec] of Object.entries(schema)) {
    const field = record[name];
    if (field === undefined) {
      if (!spec.optional) {
        throw invalid(`missing field \`${name}\``);
      }
      continue;
    }
    checkType(name, field, spec.type);
  }
  return record;
}

function checkType(name: string, value: unknown, type: FieldType): void {
  if (typeof type === 'object') {
    if ('enum' in type) {
      if (typeof value !== 'string') {
        throw invalid(`invalid type: ${describe(value)}, expected a string`);
      }
      if (!type.enum.includes(value)) {
        const expected = type.enum.map((v) => `\`${v}\``).join(', ');
        throw invalid(`unknown variant \`${value}\`, expected one of ${expected}`);
      }
      return;
    }
    validate(value, type.object);
    return;
  }
  switch (type) {
    case 'string':
    case 'decimal':
      if (typeof value !== 'string') {
        throw invalid(`invalid type: ${describe(value)}, expected a string`);
      }
      return;
    case 'nullableString':
      if (value !== null && typeof value !== 'string') {
        throw invalid(`invalid type: ${describe(value)}, expected a string or null`);
      }
      return;
    case 'uuid':
      if (typeof value !== 'string' || !UUID.test(value)) {
        throw invalid(`invalid value for \`${name}\`: ${describe(value)}, expected a UUID`);
      }
      return;
    case 'bool':
      if (typeof value !== 'boolean') {
        throw invalid(`invalid type: ${describe(value)}, expected a boolean`);
      }
      return;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw invalid(`invalid type: ${describe(value)}, expected u64`);
      }
      return;
  }
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'sequence';
  }
  if (typeof value === 'string') {
    return `string "${value}"`;
  }
  if (typeof value === 'boolean') {
    return `boolean \`${value}\``;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  }
  return typeof value === 'object' ? 'map' : typeof value;
}

function invalid(message: string): HttpError {
  return new HttpError(400, message);
}
