export const REDACTED = '[REDACTED]';

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
