/**
 * An exchange symbol as callers may name it: letters, digits, `_` and `-`, at most 32 characters,
 * case kept (BTC, kBONK). Checked before any query so no control byte or essay reaches a database.
 */
export const SYMBOL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function isSymbol(value: string): boolean {
  return SYMBOL_PATTERN.test(value);
}
